// Runs in: main process and CLI. The supervisor's day figures for one port: aggregates over
// encounters and verifications, never anyone's personal data.
import type { Db } from '../db/database';

type Counts = Record<string, number>;

// Day counts for one port (? = port, ? = service date), as rows of key k and count n.
const DISPOSITIONS = `SELECT e.disposition AS k, COUNT(*) AS n FROM encounters e
  JOIN appointments ap ON ap.appointment_id = e.appointment_id
  WHERE ap.port = ? AND ap.service_date = ? GROUP BY e.disposition`;
const VERIFICATION_BANDS = `SELECT v.band AS k, COUNT(*) AS n FROM verifications v
  JOIN applicants a ON a.applicant_id = v.applicant_id
  WHERE a.port = ? AND a.service_date = ? GROUP BY v.band`;

export class ReportingRepository {
  constructor(private readonly db: Db) {}

  /** Decisions recorded for the day's appointments, by disposition (corrections count as decisions). */
  dispositions(port: string, serviceDate: string): Counts {
    return this.counts(DISPOSITIONS, port, serviceDate);
  }

  /** Face verifications of the day's applicants, by band ('none' when no comparison was possible). */
  verificationBands(port: string, serviceDate: string): Counts {
    return this.counts(VERIFICATION_BANDS, port, serviceDate);
  }

  /** When each of the day's decisions was recorded (ISO instants, unordered). */
  completedTimes(port: string, serviceDate: string): string[] {
    return this.db
      .prepare<[string, string], { t: string }>(
        `SELECT e.completed_at AS t FROM encounters e
         JOIN appointments ap ON ap.appointment_id = e.appointment_id
         WHERE ap.port = ? AND ap.service_date = ?`,
      )
      .all(port, serviceDate)
      .map((r) => r.t);
  }

  private counts(sql: string, port: string, serviceDate: string): Counts {
    const rows = this.db
      .prepare<[string, string], { k: string | null; n: number }>(sql)
      .all(port, serviceDate);
    return Object.fromEntries(rows.map((r) => [r.k ?? 'none', r.n]));
  }
}
