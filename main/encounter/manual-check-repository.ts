// Runs in: main process and CLI. Manual identity checks: the officer inspected the travel
// document and gave a reason, recorded as such (never edited, like the decisions).
import type { ManualCheckView } from '../../ipc/channels/encounter';
import type { Db } from '../db/database';

export interface ManualCheckRow {
  id: number;
  applicant_id: string;
  officer: string;
  at: string;
  document_inspected: number;
  reason: string;
  attempts: number;
  unsuccessful: number;
}

export const toManualCheckView = (r: ManualCheckRow): ManualCheckView => ({
  id: r.id,
  officer: r.officer,
  at: r.at,
  reason: r.reason,
  attempts: r.attempts,
  unsuccessful: r.unsuccessful,
});

export class ManualCheckRepository {
  constructor(private readonly db: Db) {}

  insert(c: Omit<ManualCheckRow, 'id' | 'document_inspected'>): ManualCheckRow {
    const info = this.db
      .prepare(
        `INSERT INTO manual_checks (applicant_id, officer, at, document_inspected, reason, attempts, unsuccessful)
         VALUES (@applicant_id, @officer, @at, 1, @reason, @attempts, @unsuccessful)`,
      )
      .run(c);
    return { ...c, id: Number(info.lastInsertRowid), document_inspected: 1 };
  }

  get(id: number): ManualCheckRow | undefined {
    return this.db.prepare<[number], ManualCheckRow>('SELECT * FROM manual_checks WHERE id = ?').get(id);
  }

  latestFor(applicantId: string): ManualCheckRow | undefined {
    return this.db
      .prepare<[string], ManualCheckRow>(
        'SELECT * FROM manual_checks WHERE applicant_id = ? ORDER BY id DESC LIMIT 1',
      )
      .get(applicantId);
  }
}
