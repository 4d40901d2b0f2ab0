// Runs in: main process. Completing a case at the booth: the officer's disposition, recorded
// locally, queued for upload, audited. Every flag must be acknowledged first, and a person who
// submitted a photo is "processed" only with a face result or a recorded manual identity check
// (the travel document inspected, the officer's reason). A disposition is never edited: a
// correction is a new encounter that names the one it supersedes.
import { randomUUID } from 'node:crypto';
import type { Disposition, IdentityView } from '../../ipc/channels/encounter';
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { effectiveBooth } from '../platform/settings-service';
import { Outbox } from '../sync/outbox';
import type { EncounterUpload } from '../feed/schema';
import { ApplicantRepository } from '../applicant/applicant-repository';
import { isFaceResult, TemplateRepository } from '../face/template-repository';
import { EncounterRepository, type EncounterRow } from './encounter-repository';
import { ManualCheckRepository, toManualCheckView, type ManualCheckRow } from './manual-check-repository';

export interface CompleteInput {
  applicantId: string;
  disposition: Disposition;
  note: string;
  arrivedAt: string;
  verificationId?: number;
  manualCheckId?: number;
  supersedes?: string;
}

export const PROCESSED_NEEDS_CHECK =
  'This person submitted a photo: compare the face (camera or picture file) or record a manual identity check before completing the case as processed.';

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
    const appt = encounters.appointmentFor(input.applicantId);
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
    const faces = new TemplateRepository(db);
    const v = input.verificationId !== undefined ? faces.verification(input.verificationId) : undefined;
    if (input.verificationId !== undefined && v?.applicant_id !== input.applicantId)
      throw new AppError('NOT_FOUND', 'That verification does not belong to this applicant.');
    const check =
      input.manualCheckId !== undefined ? new ManualCheckRepository(db).get(input.manualCheckId) : undefined;
    if (input.manualCheckId !== undefined && check?.applicant_id !== input.applicantId)
      throw new AppError('NOT_FOUND', 'That manual identity check does not belong to this applicant.');
    if (
      input.disposition === 'processed' &&
      this.hasPhoto(input.applicantId) &&
      !(v && isFaceResult(v)) &&
      !check
    )
      throw new AppError('CONFLICT', PROCESSED_NEEDS_CHECK);
    // What the server receives about how identity was confirmed: the comparison (with the
    // officer's blind-first judgement beside the score) and the manual check.
    const verification: Record<string, unknown> | null =
      v || check
        ? {
            ...(v && {
              band: v.band,
              score: v.score,
              match_threshold: v.match_threshold,
              inconclusive_threshold: v.inconclusive_threshold,
              liveness: v.liveness,
              model_version: v.model_version,
              blind: v.blind === 1,
              judgement: v.judgement,
            }),
            ...(check && {
              manualCheck: {
                documentInspected: true,
                reason: check.reason,
                attempts: check.attempts,
                unsuccessful: check.unsuccessful,
                at: check.at,
              },
            }),
          }
        : null;
    const row: EncounterRow = {
      client_id: randomUUID(),
      applicant_id: input.applicantId,
      appointment_id: appt.appointment_id,
      officer,
      booth: effectiveBooth(this.app),
      arrived_at: input.arrivedAt,
      completed_at: new Date().toISOString(),
      disposition: input.disposition,
      note: input.note,
      verification_id: input.verificationId ?? null,
      manual_check_id: input.manualCheckId ?? null,
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
          manualCheckId: row.manual_check_id,
          flags: acked,
          supersedes: row.supersedes,
        },
      });
    })();
    // Upload now if the link is up; otherwise it waits in the outbox for the next sync.
    void this.app.sync?.uploadNow();
    return row;
  }

  private hasPhoto(applicantId: string): boolean {
    return !!new ApplicantRepository(this.app.db).get(applicantId)?.photo_sha256;
  }

  /**
   * The officer inspected the travel document instead of (or after) face comparisons that gave
   * no match: recorded as such, with their reason and the attempts made so far, and audited.
   */
  recordManualCheck(officer: string, input: { applicantId: string; reason: string }): ManualCheckRow {
    if (!new ApplicantRepository(this.app.db).get(input.applicantId))
      throw new AppError(
        'NOT_FOUND',
        'No such applicant (it may have been purged under the retention rule).',
      );
    const attempts = new TemplateRepository(this.app.db).attempts(input.applicantId);
    return this.app.db.transaction(() => {
      const row = new ManualCheckRepository(this.app.db).insert({
        applicant_id: input.applicantId,
        officer,
        at: new Date().toISOString(),
        reason: input.reason,
        attempts: attempts.total,
        unsuccessful: attempts.unsuccessful,
      });
      this.app.audit.append({
        actor: officer,
        action: 'identity.manual_check',
        subject: `applicant:${input.applicantId}`,
        details: {
          manualCheckId: row.id,
          documentInspected: true,
          reason: row.reason,
          attempts: row.attempts,
          unsuccessful: row.unsuccessful,
        },
      });
      return row;
    })();
  }

  /** How identity has been checked so far: what the decision can cite. */
  identity(applicantId: string): IdentityView {
    const faces = new TemplateRepository(this.app.db);
    const face = faces.latestFaceResult(applicantId);
    const check = new ManualCheckRepository(this.app.db).latestFor(applicantId);
    return {
      hasPhoto: this.hasPhoto(applicantId),
      attempts: faces.attempts(applicantId),
      faceResult: face?.band
        ? { id: face.id, band: face.band, judgement: face.judgement, at: face.at }
        : null,
      manualCheck: check ? toManualCheckView(check) : null,
    };
  }
}
