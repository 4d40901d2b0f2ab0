// Runs in: main process. Completing a case at the booth: the officer's disposition, recorded
// locally, queued for upload, audited. Every flag must be acknowledged first. A disposition is
// never edited: a correction is a new encounter that names the one it supersedes.
import { randomUUID } from 'node:crypto';
import type { Disposition } from '../../ipc/channels/encounter';
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { Outbox } from '../sync/outbox';
import type { EncounterUpload } from '../feed/schema';
import { EncounterRepository, type EncounterRow } from './encounter-repository';

export interface CompleteInput {
  applicantId: string;
  disposition: Disposition;
  note: string;
  arrivedAt: string;
  verificationId?: number;
  supersedes?: string;
}

const RULE_WORDS: Record<string, string> = {
  SHARED_ADDRESS: 'shared address',
  SHARED_PHONE: 'shared phone',
  SHARED_EMAIL: 'shared email',
  SHARED_DEVICE: 'shared booking device',
  FACE_DUPLICATE: 'same face, other identity',
  IDENTITY_DUPLICATE: 'duplicate identity',
  DOCUMENT_DUPLICATE: 'duplicate document',
  LOOKOUT_MATCH: 'lookout match',
  PHOTO_PROBLEM: 'photo problem',
};

export class EncounterService {
  constructor(private readonly app: AppContext) {}

  complete(officer: string, input: CompleteInput): EncounterRow {
    const db = this.app.db;
    const encounters = new EncounterRepository(db);
    const appt = db
      .prepare<[string], { appointment_id: string; port: string; status: string }>(
        "SELECT appointment_id, port, status FROM appointments WHERE applicant_id = ? ORDER BY CASE status WHEN 'cancelled' THEN 1 ELSE 0 END, slot DESC LIMIT 1",
      )
      .get(input.applicantId);
    if (!appt) throw new AppError('NOT_FOUND', 'This applicant has no appointment in the local manifest.');
    if (input.supersedes && encounters.applicantOf(input.supersedes) !== input.applicantId) {
      throw new AppError('NOT_FOUND', 'The encounter to correct was not found for this applicant.');
    }
    const pending = this.app.flags.engine.repo.unacknowledged(input.applicantId);
    if (pending.length) {
      throw new AppError(
        'CONFLICT',
        `Acknowledge every flag before completing the case (${pending.length} open: ${[...new Set(pending.map((f) => RULE_WORDS[f.rule_id] ?? f.rule_id))].join(', ')}).`,
      );
    }
    const acked = this.app.flags.engine.repo
      .forApplicant(input.applicantId)
      .map((f) => `${f.rule_id}:${f.id}`);
    let verification: Record<string, unknown> | null = null;
    if (input.verificationId !== undefined) {
      const v = db
        .prepare(
          'SELECT band, score, match_threshold, inconclusive_threshold, liveness, model_version FROM verifications WHERE id = ? AND applicant_id = ?',
        )
        .get(input.verificationId, input.applicantId) as Record<string, unknown> | undefined;
      if (!v) throw new AppError('NOT_FOUND', 'That verification does not belong to this applicant.');
      verification = v;
    }
    const row: EncounterRow = {
      client_id: randomUUID(),
      applicant_id: input.applicantId,
      appointment_id: appt.appointment_id,
      officer,
      booth: this.app.config?.booth ?? 'Booth 1',
      arrived_at: input.arrivedAt,
      completed_at: new Date().toISOString(),
      disposition: input.disposition,
      note: input.note,
      verification_id: input.verificationId ?? null,
      flags_acknowledged: JSON.stringify(acked),
      supersedes: input.supersedes ?? null,
    };
    const upload: EncounterUpload = {
      clientId: row.client_id,
      applicantId: row.applicant_id,
      appointmentId: row.appointment_id,
      port: appt.port,
      officer,
      booth: row.booth,
      arrivedAt: row.arrived_at,
      completedAt: row.completed_at,
      disposition: row.disposition,
      verification,
      flagsAcknowledged: acked,
      note: row.note,
    };
    db.transaction(() => {
      encounters.insert(row);
      db.prepare('UPDATE appointments SET status = ? WHERE appointment_id = ?').run(
        input.disposition === 'no_show' ? 'no_show' : 'completed',
        appt.appointment_id,
      );
      new Outbox(db).enqueue(
        'encounter',
        input.applicantId,
        upload as unknown as Record<string, unknown>,
        row.client_id,
      );
      this.app.audit.append({
        actor: officer,
        action: input.supersedes ? 'encounter.correct' : 'encounter.complete',
        subject: `applicant:${input.applicantId}`,
        details: {
          clientId: row.client_id,
          disposition: row.disposition,
          verificationId: row.verification_id,
          flags: acked,
          supersedes: row.supersedes,
        },
      });
    })();
    // Upload now if the link is up; otherwise it waits in the outbox for the next sync.
    void this.app.sync?.uploadNow();
    return row;
  }
}
