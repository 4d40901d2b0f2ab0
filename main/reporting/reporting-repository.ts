// Runs in: main process and CLI. The supervisor's day figures for one port-day, all in SQL: each
// case (a non-cancelled appointment) counts once, by its latest decision, so a correction replaces
// the decision it corrects and never adds a second one. Aggregates only, no one's personal data.
import type { DayFigures } from '../../ipc/channels/reporting';
import type { Db } from '../db/database';

type Counts = Record<string, number>;
export type PortDay = { port: string; date: string };

/** What counts as a completed case: decided, and not as a no-show. */
export const COMPLETED = "('processed', 'referred_secondary', 'identity_not_confirmed')";

/**
 * `decided`: the latest decision (the last completed, the last inserted on a tie) of each case of
 * the port-day (@port, @date) that has one, with the appointment's slot and status. Shared with the
 * referral list.
 */
export const DECIDED = `WITH decided AS (
    SELECT e.client_id, e.appointment_id, e.applicant_id, e.officer, e.booth, e.arrived_at, e.completed_at,
           e.disposition, e.note, e.flags_acknowledged, ap.slot, ap.status
    FROM appointments ap JOIN encounters e ON e.appointment_id = ap.appointment_id
    WHERE ap.port = @port AND ap.service_date = @date
      AND NOT EXISTS (SELECT 1 FROM encounters l WHERE l.appointment_id = e.appointment_id
        AND (l.completed_at > e.completed_at OR (l.completed_at = e.completed_at AND l.rowid > e.rowid)))
  )`;

// The dashboard reads the decided cases several times: they are copied once per report into a
// temporary table of this connection (never written to the database file).
const DAY_DECIDED = `CREATE TEMP TABLE IF NOT EXISTS day_decided (
    client_id TEXT, status TEXT, slot TEXT, officer TEXT, booth TEXT, disposition TEXT,
    completed_at TEXT, minutes REAL)`;
const FILL = `INSERT INTO temp.day_decided ${DECIDED}
  SELECT client_id, status, slot, officer, booth, disposition, completed_at,
         (julianday(completed_at) - julianday(arrived_at)) * 1440.0
  FROM decided`;

// A case is a non-cancelled appointment, or a cancelled one that was decided anyway. Undecided
// cases are counted from the appointments' statuses, less the decided ones.
const FIGURES = `WITH appt AS (
    SELECT status, COUNT(*) AS n FROM appointments WHERE port = @port AND service_date = @date GROUP BY status
  ), d AS (SELECT status, disposition, COUNT(*) AS n FROM temp.day_decided GROUP BY status, disposition),
  f AS (
    SELECT
      (SELECT TOTAL(n) FROM appt WHERE status <> 'cancelled') + (SELECT TOTAL(n) FROM d WHERE status = 'cancelled') AS scheduled,
      (SELECT TOTAL(n) FROM appt WHERE status IN ('arrived', 'completed'))
        - (SELECT TOTAL(n) FROM d WHERE status IN ('arrived', 'completed')) AS waiting,
      (SELECT TOTAL(n) FROM appt WHERE status = 'no_show') - (SELECT TOTAL(n) FROM d WHERE status = 'no_show') AS undecidedNoShow,
      (SELECT TOTAL(n) FROM d WHERE disposition IN ${COMPLETED}) AS completed,
      (SELECT TOTAL(n) FROM d WHERE disposition = 'processed') AS processed,
      (SELECT TOTAL(n) FROM d WHERE disposition = 'referred_secondary') AS referred,
      (SELECT TOTAL(n) FROM d WHERE disposition = 'identity_not_confirmed') AS identityNotConfirmed,
      (SELECT TOTAL(n) FROM d WHERE disposition = 'no_show') AS decidedNoShow
  )
  SELECT CAST(scheduled AS INTEGER) AS scheduled, CAST(completed + waiting AS INTEGER) AS arrived,
    CAST(completed AS INTEGER) AS completed, CAST(processed AS INTEGER) AS processed,
    CAST(referred AS INTEGER) AS referred, CAST(identityNotConfirmed AS INTEGER) AS identityNotConfirmed,
    CAST(decidedNoShow + undecidedNoShow AS INTEGER) AS noShow,
    CAST(scheduled - completed - waiting - decidedNoShow - undecidedNoShow AS INTEGER) AS stillToCome
  FROM f`;

// Per UTC hour (seconds since the epoch / 3600): slots of the cases, cases completed. Slots are
// grouped first (a day has few distinct ones), so the time arithmetic runs once per slot.
const PER_HOUR = `SELECT h, TOTAL(s) AS scheduled, TOTAL(c) AS completed FROM (
    SELECT unixepoch(slot) / 3600 AS h, n AS s, 0 AS c FROM (
      SELECT slot, COUNT(*) AS n FROM appointments
      WHERE port = @port AND service_date = @date AND status <> 'cancelled' GROUP BY slot)
    UNION ALL SELECT unixepoch(slot) / 3600, 1, 0 FROM temp.day_decided WHERE status = 'cancelled'
    UNION ALL SELECT unixepoch(completed_at) / 3600, 0, 1 FROM temp.day_decided WHERE disposition IN ${COMPLETED}
  ) GROUP BY h ORDER BY h`;

// Completed cases by booth or officer; the median and p90 are nearest-rank: the value at rank
// ceil(p·n) of the minutes in order, i.e. (n + 1) / 2 and (9n + 9) / 10 in integer division.
// One window (one sort) gives both the rank and, over the whole partition, the group's size.
const WHOLE = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';
const work = (key: 'booth' | 'officer') => `WITH ranked AS (
    SELECT ${key} AS k, disposition, minutes, ROW_NUMBER() OVER w AS r, COUNT(*) OVER (w ${WHOLE}) AS n
    FROM temp.day_decided WHERE disposition IN ${COMPLETED}
    WINDOW w AS (PARTITION BY ${key} ORDER BY minutes)
  )
  SELECT k AS key, MAX(n) AS cases,
    ROUND(MAX(CASE WHEN r = (n + 1) / 2 THEN minutes END), 1) AS medianMinutes,
    ROUND(MAX(CASE WHEN r = (9 * n + 9) / 10 THEN minutes END), 1) AS p90Minutes,
    CAST(TOTAL(disposition = 'referred_secondary') AS INTEGER) AS referrals
  FROM ranked GROUP BY k ORDER BY k`;

const OPEN_REFERRALS = `SELECT COUNT(*) FROM temp.day_decided c WHERE c.disposition = 'referred_secondary'
    AND NOT EXISTS (SELECT 1 FROM referral_signoffs s WHERE s.encounter_id = c.client_id)`;

// Drives from the verifications (a day's attempts, fewer than its applicants) to their applicant.
const VERIFICATION_BANDS = `SELECT v.band AS k, COUNT(*) AS n FROM verifications v
  CROSS JOIN applicants a ON a.applicant_id = v.applicant_id
  WHERE a.port = @port AND a.service_date = @date GROUP BY v.band`;

// The port-day's submitted photos, each once, and what enrolment made of them: a template with an
// embedding (enrolled), or templates without one (unusable). Stored, so it holds after a restart.
const PHOTOS = `WITH p AS (
    SELECT DISTINCT photo_sha256 AS sha FROM applicants
    WHERE port = @port AND service_date = @date AND photo_sha256 IS NOT NULL
  ), t AS (
    SELECT p.sha, MAX(ft.embedding IS NOT NULL) AS usable, COUNT(ft.photo_sha256) AS templates
    FROM p LEFT JOIN face_templates ft ON ft.photo_sha256 = p.sha GROUP BY p.sha
  )
  SELECT COUNT(*) AS total, CAST(TOTAL(usable = 1) AS INTEGER) AS done,
    CAST(TOTAL(templates > 0 AND usable = 0) AS INTEGER) AS unusable
  FROM t`;

export type HourDb = { h: number; scheduled: number; completed: number };

export interface WorkRowDb {
  key: string;
  cases: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  referrals: number;
}

export class ReportingRepository {
  constructor(private readonly db: Db) {}

  /**
   * The port-day's case figures, per UTC hour (h = epoch seconds / 3600, hours with a slot or a
   * completion only), per booth and officer (of the latest decision), and referrals not signed off,
   * all of one moment (one transaction).
   */
  day(day: PortDay): {
    figures: DayFigures;
    perUtcHour: HourDb[];
    booths: WorkRowDb[];
    officers: WorkRowDb[];
    openReferrals: number;
  } {
    return this.db.transaction(() => {
      this.db.exec(DAY_DECIDED);
      this.db.exec('DELETE FROM temp.day_decided');
      this.db.prepare<PortDay>(FILL).run(day);
      try {
        return {
          figures: this.db.prepare<PortDay, DayFigures>(FIGURES).get(day)!,
          perUtcHour: this.db.prepare<PortDay, HourDb>(PER_HOUR).all(day),
          booths: this.db.prepare<[], WorkRowDb>(work('booth')).all(),
          officers: this.db.prepare<[], WorkRowDb>(work('officer')).all(),
          openReferrals: this.db.prepare<[], number>(OPEN_REFERRALS).pluck().get()!,
        };
      } finally {
        this.db.exec('DELETE FROM temp.day_decided');
      }
    })();
  }

  /** Face verifications of the day's applicants, by band ('none' when no comparison was possible). */
  verificationBands(day: PortDay): Counts {
    const rows = this.db.prepare<PortDay, { k: string | null; n: number }>(VERIFICATION_BANDS).all(day);
    return Object.fromEntries(rows.map((r) => [r.k ?? 'none', r.n]));
  }

  /** The port-day's photos: how many were submitted, enrolled, found unusable. */
  photos(day: PortDay): { total: number; done: number; unusable: number } {
    return this.db.prepare<PortDay, { total: number; done: number; unusable: number }>(PHOTOS).get(day)!;
  }

  /** The port-days this console holds a manifest for, newest first. */
  portDays(): PortDay[] {
    return this.db
      .prepare<[], PortDay>(
        'SELECT port, service_date AS date FROM manifests ORDER BY service_date DESC, port',
      )
      .all();
  }
}
