// Runs in: main process and CLI. The encounters table: decisions are inserted, never updated, and
// read back with their upload state from the outbox.
import type { Disposition, EncounterView } from '../../ipc/channels/encounter';
import type { Db } from '../db/database';

export interface EncounterRow {
  client_id: string;
  applicant_id: string;
  appointment_id: string;
  officer: string;
  booth: string;
  arrived_at: string;
  completed_at: string;
  disposition: Disposition;
  note: string;
  verification_id: number | null;
  /** The manual identity check the decision relied on, if any (absent: none). */
  manual_check_id?: number | null;
  flags_acknowledged: string;
  supersedes: string | null;
}

/** An encounter and when the server acknowledged it (null while it waits in the outbox). */
export type EncounterWithUpload = EncounterRow & { acked_at: string | null };

export function toEncounterView(e: EncounterWithUpload): EncounterView {
  return {
    clientId: e.client_id,
    disposition: e.disposition,
    officer: e.officer,
    completedAt: e.completed_at,
    note: e.note,
    supersedes: e.supersedes,
    uploaded: e.acked_at !== null,
  };
}

// The outbox row shares the encounter's client id (see EncounterService.complete).
const WITH_UPLOAD =
  'SELECT e.*, o.acked_at FROM encounters e LEFT JOIN outbox o ON o.client_id = e.client_id';

export class EncounterRepository {
  constructor(private readonly db: Db) {}

  insert(row: EncounterRow): void {
    this.db
      .prepare(
        `INSERT INTO encounters (client_id, applicant_id, appointment_id, officer, booth, arrived_at,
                                 completed_at, disposition, note, verification_id, manual_check_id,
                                 flags_acknowledged, supersedes)
         VALUES (@client_id, @applicant_id, @appointment_id, @officer, @booth, @arrived_at, @completed_at,
                 @disposition, @note, @verification_id, @manual_check_id, @flags_acknowledged, @supersedes)`,
      )
      .run({ manual_check_id: null, ...row });
  }

  /** The appointment a decision is for: the applicant's latest one that was not cancelled. */
  appointmentFor(applicantId: string): { appointment_id: string; port: string; status: string } | undefined {
    return this.db
      .prepare<[string], { appointment_id: string; port: string; status: string }>(
        "SELECT appointment_id, port, status FROM appointments WHERE applicant_id = ? ORDER BY CASE status WHEN 'cancelled' THEN 1 ELSE 0 END, slot DESC LIMIT 1",
      )
      .get(applicantId);
  }

  /** Whose encounter this is, or undefined if there is none with that id. */
  applicantOf(clientId: string): string | undefined {
    return this.db
      .prepare<[string], { applicant_id: string }>('SELECT applicant_id FROM encounters WHERE client_id = ?')
      .get(clientId)?.applicant_id;
  }

  /** An applicant's encounters in the order they were completed, each with its upload state (one query). */
  forApplicant(applicantId: string): EncounterWithUpload[] {
    return this.db
      .prepare<[string], EncounterWithUpload>(
        `${WITH_UPLOAD} WHERE e.applicant_id = ? ORDER BY e.completed_at`,
      )
      .all(applicantId);
  }

  get(clientId: string): EncounterWithUpload | undefined {
    return this.db
      .prepare<[string], EncounterWithUpload>(`${WITH_UPLOAD} WHERE e.client_id = ?`)
      .get(clientId);
  }
}
