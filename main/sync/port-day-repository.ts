// Runs in: main process and CLI. The vetting window's port-days (migration 0010): what the feed
// last said about each, its ETag and its own back-off; which port-days the database holds; and
// the purge of a port-day that left the window, with everything derived from its records.
import type { Db } from '../db/database';
import { PurgeRepository, type ApplicantPurge } from './purge-repository';
import type { PortDay } from './vetting-window';

export type PortDayState = 'pending' | 'current' | 'absent' | 'failing';

export interface PortDayRow {
  port: string;
  service_date: string;
  state: PortDayState;
  etag: string | null;
  checked_at: string | null;
  failures: number;
  next_attempt_at: string | null;
  last_error: string | null;
}

/** A port-day as it stands for the status views: its row (if any) and whether its manifest is complete. */
export interface PortDayStanding {
  port: string;
  service_date: string;
  state: PortDayState | null;
  checked_at: string | null;
  next_attempt_at: string | null;
  last_error: string | null;
  complete: number;
}

/** What purging one port-day removed (counts), for the audit entry. */
export interface PortDayPurge extends ApplicantPurge {
  appointments: number;
  /** Applicants held back: a decision about them is still waiting for the server. */
  heldBack: number;
}

export class PortDayRepository {
  constructor(private readonly db: Db) {}

  get(p: PortDay): PortDayRow | undefined {
    return this.db
      .prepare<[string, string], PortDayRow>('SELECT * FROM port_days WHERE port = ? AND service_date = ?')
      .get(p.port, p.serviceDate);
  }

  private upsert(p: PortDay, patch: Partial<PortDayRow>): void {
    const cur: PortDayRow = this.get(p) ?? {
      port: p.port,
      service_date: p.serviceDate,
      state: 'pending',
      etag: null,
      checked_at: null,
      failures: 0,
      next_attempt_at: null,
      last_error: null,
    };
    this.db
      .prepare(
        `INSERT INTO port_days (port, service_date, state, etag, checked_at, failures, next_attempt_at, last_error)
         VALUES (@port, @service_date, @state, @etag, @checked_at, @failures, @next_attempt_at, @last_error)
         ON CONFLICT(port, service_date) DO UPDATE SET state = excluded.state, etag = excluded.etag,
           checked_at = excluded.checked_at, failures = excluded.failures,
           next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error`,
      )
      .run({ ...cur, ...patch });
  }

  /** The day is complete as the feed served it at `at` (under `etag`, if it sent one). */
  current(p: PortDay, etag: string | null, at: Date): void {
    const ok = { failures: 0, next_attempt_at: null, last_error: null };
    this.upsert(p, { state: 'current', etag, checked_at: at.toISOString(), ...ok });
  }

  /** The feed has no manifest for the day (yet): nothing to hold, asked again next cycle. */
  absent(p: PortDay, at: Date): void {
    const ok = { failures: 0, next_attempt_at: null, last_error: null };
    this.upsert(p, { state: 'absent', etag: null, checked_at: at.toISOString(), ...ok });
  }

  /** The day is being filled (not complete yet). */
  pending(p: PortDay): void {
    const cur = this.get(p);
    if (cur?.state !== 'pending') this.upsert(p, { state: 'pending', etag: null });
  }

  /** An attempt failed: the day waits until `retryAt` (its own back-off), what it holds is kept. */
  failed(p: PortDay, message: string, retryAt: Date): number {
    const failures = (this.get(p)?.failures ?? 0) + 1;
    this.upsert(p, {
      state: 'failing',
      failures,
      next_attempt_at: retryAt.toISOString(),
      last_error: message,
    });
    return failures;
  }

  /** Each of the given port-days with its row and whether its manifest is complete. */
  standing(days: PortDay[]): PortDayStanding[] {
    return this.db
      .prepare<[string], PortDayStanding>(
        `SELECT w.port, w.service_date, d.state, d.checked_at, d.next_attempt_at, d.last_error,
                (m.completed_at IS NOT NULL AND m.applied_seq >= m.last_seq) AS complete
         FROM (SELECT json_extract(value, '$.port') AS port, json_extract(value, '$.serviceDate') AS service_date
               FROM json_each(?)) w
         LEFT JOIN port_days d ON d.port = w.port AND d.service_date = w.service_date
         LEFT JOIN manifests m ON m.port = w.port AND m.service_date = w.service_date`,
      )
      .all(JSON.stringify(days));
  }

  /** Every port-day the database holds anything of (a manifest or a window row). */
  held(): PortDay[] {
    return this.db
      .prepare<[], PortDay>(
        `SELECT port, service_date AS serviceDate FROM manifests
         UNION SELECT port, service_date FROM port_days`,
      )
      .all();
  }

  /**
   * Deletes one port-day and everything of it, in one transaction: its applicants, groups,
   * appointments, amendments, batches, manifest and window row, the flags about its applicants,
   * their verifications, checks and decisions, and the face templates of photos no one else
   * submitted (the photo files go after, by the caller). Applicants with a decision still
   * waiting for the server are kept (there should be none: nobody is processed at another port).
   */
  purge(p: PortDay): PortDayPurge {
    return this.db.transaction((): PortDayPurge => {
      const day = { port: p.port, date: p.serviceDate };
      const purge = new PurgeRepository(this.db);
      const { heldBack } = purge.mark('a.port = @port AND a.service_date = @date', day);
      const r = purge.purgeMarked();
      const appointments = this.db
        .prepare(
          `DELETE FROM appointments WHERE port = @port AND service_date = @date AND applicant_id NOT IN (SELECT applicant_id FROM applicants)`,
        )
        .run(day).changes;
      this.db
        .prepare(
          `DELETE FROM travel_groups WHERE port = @port AND service_date = @date AND group_id NOT IN (SELECT group_id FROM applicants)`,
        )
        .run(day);
      if (heldBack === 0) {
        for (const t of ['amendments', 'applied_batches', 'manifests', 'port_days'])
          this.db.prepare(`DELETE FROM ${t} WHERE port = @port AND service_date = @date`).run(day);
      }
      return { ...r, appointments, heldBack };
    })();
  }

  /** Applicant ids of one port-day (what a purge will remove). */
  applicantIds(p: PortDay): string[] {
    return (
      this.db
        .prepare<[string, string], { a: string }>(
          'SELECT applicant_id AS a FROM applicants WHERE port = ? AND service_date = ?',
        )
        .all(p.port, p.serviceDate) as { a: string }[]
    ).map((r) => r.a);
  }

  /**
   * Stored photos that only other ports' applicants submitted and that have a face template:
   * with cross-port face checks on, the template is kept and the photo deleted at once.
   */
  enrolledForeignPhotos(ownPort: string): string[] {
    return (
      this.db
        .prepare<[string], { s: string }>(
          `SELECT b.sha256 AS s FROM photo_blobs b
           WHERE EXISTS (SELECT 1 FROM face_templates t WHERE t.photo_sha256 = b.sha256)
             AND NOT EXISTS (SELECT 1 FROM applicants a WHERE a.photo_sha256 = b.sha256 AND a.port = ?)`,
        )
        .all(ownPort) as { s: string }[]
    ).map((r) => r.s);
  }
}
