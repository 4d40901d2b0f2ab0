// Runs in: main process and CLI. The supervisor's review queue for one port-day: the flags on the
// day's applicants that are still open or were reviewed, with whom each is about and where the
// case stands (its latest decision). Drives from the flags (far fewer than applicants).
import type { Db } from '../db/database';
import type { FlagRow } from '../flags/flag-repository';
import { DAY_FLAGS, type PortDay } from './reporting-repository';

export type ReviewQueueRow = FlagRow & {
  given_names: string;
  family_names: string;
  port: string;
  service_date: string;
  decision: string | null;
};

export class FlagReviewRepository {
  constructor(private readonly db: Db) {}

  /** Most severe first, then newest; a verdict does not move a flag. */
  queue(day: PortDay, limit: number): ReviewQueueRow[] {
    return this.db
      .prepare<PortDay & { limit: number }, ReviewQueueRow>(
        `SELECT f.*, a.given_names, a.family_names, a.port, a.service_date,
           (SELECT e.disposition FROM appointments ap JOIN encounters e ON e.appointment_id = ap.appointment_id
            WHERE ap.applicant_id = a.applicant_id AND ap.port = a.port AND ap.service_date = a.service_date
            ORDER BY e.completed_at DESC, e.rowid DESC LIMIT 1) AS decision
         ${DAY_FLAGS}
         ORDER BY CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, f.computed_at DESC, f.id
         LIMIT @limit`,
      )
      .all({ ...day, limit });
  }

  count(day: PortDay): number {
    return this.db.prepare<PortDay, number>(`SELECT COUNT(*) ${DAY_FLAGS}`).pluck().get(day)!;
  }
}
