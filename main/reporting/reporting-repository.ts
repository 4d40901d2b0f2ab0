// Runs in: main process and CLI. The supervisor's day figures for one port-day, all in SQL: each
// case (a non-cancelled appointment) counts once, by its latest decision, so a correction replaces
// the decision it corrects and never adds a second one. Aggregates only, no one's personal data.
import {
  GROUP_DIMENSIONS,
  type DayFigures,
  type GroupDimension,
  type VerificationCounts,
} from '../../ipc/channels/reporting';
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
           e.disposition, e.note, e.flags_acknowledged, e.verification_id, e.manual_check_id, ap.slot, ap.status
    FROM appointments ap JOIN encounters e ON e.appointment_id = ap.appointment_id
    WHERE ap.port = @port AND ap.service_date = @date
      AND NOT EXISTS (SELECT 1 FROM encounters l WHERE l.appointment_id = e.appointment_id
        AND (l.completed_at > e.completed_at OR (l.completed_at = e.completed_at AND l.rowid > e.rowid)))
  )`;

// The dashboard reads the decided cases several times: they are copied once per report into a
// temporary table of this connection (never written to the database file).
const DAY_DECIDED = `CREATE TEMP TABLE IF NOT EXISTS day_decided (
    client_id TEXT, applicant_id TEXT, status TEXT, slot TEXT, officer TEXT, booth TEXT, disposition TEXT,
    completed_at TEXT, minutes REAL, verification_id INTEGER, manual_check_id INTEGER)`;
const FILL = `INSERT INTO temp.day_decided ${DECIDED}
  SELECT d.client_id, d.applicant_id, d.status, d.slot, d.officer, d.booth, d.disposition, d.completed_at,
         (julianday(d.completed_at) - julianday(d.arrived_at)) * 1440.0, d.verification_id, d.manual_check_id
  FROM decided d`;

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

// The port-day's applicants with a face comparison or a manual identity check, one row each, with
// their group fields (age in whole years on the service date) and what their attempts and their
// case's latest decision came to; copied once per report like the decided cases. Each attempt,
// check and decision is one row of a union, summed per applicant in one grouping (no join of
// partial sums). temp.day_advisories holds each model version's liveness advisory threshold.
const DAY_PEOPLE = `CREATE TEMP TABLE IF NOT EXISTS day_people (
    applicant_id TEXT PRIMARY KEY, sex TEXT, age TEXT, nationality TEXT, language TEXT,
    attempts INTEGER, match INTEGER, inconclusive INTEGER, no_match INTEGER, no_result INTEGER,
    liveness INTEGER, blind INTEGER, blind_agreed INTEGER, blind_disagreed INTEGER,
    manual INTEGER, on_manual INTEGER, confirmed_non_match INTEGER, not_confirmed_match INTEGER)`;
const DAY_ADVISORIES =
  'CREATE TEMP TABLE IF NOT EXISTS day_advisories (model TEXT PRIMARY KEY, threshold REAL)';
const AGE = `CASE WHEN y IS NULL OR y < 0 THEN 'unknown' WHEN y < 18 THEN 'under18' WHEN y < 30 THEN '18-29'
    WHEN y < 45 THEN '30-44' WHEN y < 60 THEN '45-59' ELSE '60plus' END`;
const YEARS = `CASE WHEN a.dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
    THEN CAST(substr(a.service_date, 1, 4) AS INTEGER) - CAST(substr(a.dob, 1, 4) AS INTEGER)
      - (substr(a.service_date, 6) < substr(a.dob, 6)) END`;
const FILL_PEOPLE = `INSERT INTO temp.day_people
  WITH rows AS (
    SELECT v.applicant_id AS id, 1 AS attempts, v.band = 'MATCH' AS match, v.band = 'INCONCLUSIVE' AS inconclusive,
      v.band = 'NO_MATCH' AS no_match, v.band IS NULL AS no_result, coalesce(v.liveness < t.threshold, 0) AS liveness,
      v.blind AS blind,
      v.blind = 1 AND ((v.judgement = 'same' AND v.band = 'MATCH') OR (v.judgement = 'different' AND v.band = 'NO_MATCH')) AS agreed,
      v.blind = 1 AND ((v.judgement = 'same' AND v.band = 'NO_MATCH') OR (v.judgement = 'different' AND v.band = 'MATCH')) AS disagreed,
      0 AS manual, 0 AS on_manual, 0 AS cnm, 0 AS ncm
    FROM verifications v CROSS JOIN applicants a ON a.applicant_id = v.applicant_id
    LEFT JOIN temp.day_advisories t ON t.model = v.model_version
    WHERE a.port = @port AND a.service_date = @date
    UNION ALL
    SELECT m.applicant_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 FROM manual_checks m
    CROSS JOIN applicants a ON a.applicant_id = m.applicant_id
    WHERE a.port = @port AND a.service_date = @date
    UNION ALL
    SELECT c.applicant_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      c.manual_check_id IS NOT NULL AND c.disposition IN ${COMPLETED},
      c.disposition = 'processed' AND x.band IN ('INCONCLUSIVE', 'NO_MATCH'),
      c.disposition = 'identity_not_confirmed' AND x.band = 'MATCH'
    FROM temp.day_decided c LEFT JOIN verifications x ON x.id = c.verification_id
    WHERE c.verification_id IS NOT NULL OR c.manual_check_id IS NOT NULL
  ), per AS (
    SELECT id, SUM(attempts) AS attempts, SUM(match) AS match, SUM(inconclusive) AS inconclusive,
      SUM(no_match) AS no_match, SUM(no_result) AS no_result, SUM(liveness) AS liveness, SUM(blind) AS blind,
      SUM(agreed) AS agreed, SUM(disagreed) AS disagreed, SUM(manual) AS manual, SUM(on_manual) AS on_manual,
      SUM(cnm) AS cnm, SUM(ncm) AS ncm
    FROM rows GROUP BY id
  )
  SELECT id, sex, ${AGE}, nationality, language, attempts, match, inconclusive, no_match, no_result, liveness,
    blind, agreed, disagreed, manual, on_manual, cnm, ncm
  FROM (
    SELECT per.*, a.sex, a.nationality, a.language, ${YEARS} AS y
    FROM per CROSS JOIN applicants a ON a.applicant_id = per.id
    -- Holds for every row kept below; it lets the lookup use the covering index (migration 0014).
    WHERE a.port = @port AND a.service_date = @date
  )
  -- Decisions alone (a verification or a check of another day) make no person of this day.
  WHERE attempts > 0 OR manual > 0`;

// The sums over a set of those applicants, in VerificationCounts' terms.
const SUMS = Object.entries({
  verifications: 'attempts',
  match: 'match',
  inconclusive: 'inconclusive',
  noMatch: 'no_match',
  noResult: 'no_result',
  retries: 'MAX(attempts - 1, 0)',
  retried: 'attempts > 1',
  manualChecks: 'manual',
  decidedOnManualCheck: 'on_manual',
  livenessAdvisories: 'liveness',
  blind: 'blind',
  blindAgreed: 'blind_agreed',
  blindDisagreed: 'blind_disagreed',
  confirmedAfterNonMatch: 'confirmed_non_match',
  notConfirmedAfterMatch: 'not_confirmed_match',
}).map(([name, expr]) => [name, expr] as const);
// Those sums added up again, over the combinations below.
const ROLLUP = ['applicants', ...SUMS.map(([name]) => name)]
  .map((name) => `CAST(TOTAL(${name}) AS INTEGER) AS ${name}`)
  .join(', ');
// Everyone, then each group of each dimension (the dimension names are the contract's): the
// applicants are summed once per combination of the group fields (one sort), and those few rows
// are then added up per dimension.
const VERIFICATION = `WITH g AS MATERIALIZED (
    SELECT ${GROUP_DIMENSIONS.join(', ')}, COUNT(*) AS applicants,
      ${SUMS.map(([name, expr]) => `TOTAL(${expr}) AS ${name}`).join(', ')}
    FROM temp.day_people GROUP BY ${GROUP_DIMENSIONS.join(', ')}
  )
  ${[
    `SELECT 'all' AS dimension, '' AS grp, ${ROLLUP} FROM g`,
    ...GROUP_DIMENSIONS.map((d) => `SELECT '${d}', ${d}, ${ROLLUP} FROM g GROUP BY ${d}`),
  ].join('\n  UNION ALL ')}`;

// The day's flags (on its applicants, still open or reviewed) by rule, each in one state: reviewed
// by a supervisor, else acknowledged by an officer, else open. Drives from the flags (far fewer
// than applicants) to their applicant. Shared with the review queue.
export const DAY_FLAGS = `FROM flags f CROSS JOIN applicants a ON a.applicant_id = f.applicant_id
  WHERE a.port = @port AND a.service_date = @date AND (f.status = 'open' OR f.feedback IS NOT NULL)`;
const FLAG_RULES = `SELECT f.rule_id AS ruleId,
    CAST(TOTAL(f.feedback IS NULL AND f.acknowledged_at IS NULL) AS INTEGER) AS open,
    CAST(TOTAL(f.feedback IS NULL AND f.acknowledged_at IS NOT NULL) AS INTEGER) AS acknowledged,
    CAST(TOTAL(f.feedback IS NOT NULL) AS INTEGER) AS reviewed,
    CAST(TOTAL(f.feedback = 'confirmed') AS INTEGER) AS confirmed,
    CAST(TOTAL(f.feedback = 'false_positive') AS INTEGER) AS falsePositive
  ${DAY_FLAGS} GROUP BY f.rule_id ORDER BY f.rule_id`;

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

/** One row of the verification figures: everyone ('all') or one group of one dimension. */
export type VerificationRowDb = {
  dimension: 'all' | GroupDimension;
  grp: string | null;
} & VerificationCounts;

export interface FlagRuleDb {
  ruleId: string;
  open: number;
  acknowledged: number;
  reviewed: number;
  confirmed: number;
  falsePositive: number;
}

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
  day(
    day: PortDay,
    /** Each model version's liveness advisory threshold. */
    advisories: Record<string, number> = {},
  ): {
    figures: DayFigures;
    perUtcHour: HourDb[];
    booths: WorkRowDb[];
    officers: WorkRowDb[];
    openReferrals: number;
    verification: VerificationRowDb[];
    flagRules: FlagRuleDb[];
  } {
    const clear = () =>
      this.db.exec(
        'DELETE FROM temp.day_decided; DELETE FROM temp.day_people; DELETE FROM temp.day_advisories',
      );
    return this.db.transaction(() => {
      this.db.exec(DAY_DECIDED);
      this.db.exec(DAY_PEOPLE);
      this.db.exec(DAY_ADVISORIES);
      clear();
      const advisory = this.db.prepare<[string, number]>('INSERT INTO temp.day_advisories VALUES (?, ?)');
      for (const [model, threshold] of Object.entries(advisories)) advisory.run(model, threshold);
      this.db.prepare<PortDay>(FILL).run(day);
      this.db.prepare<PortDay>(FILL_PEOPLE).run(day);
      try {
        return {
          figures: this.db.prepare<PortDay, DayFigures>(FIGURES).get(day)!,
          perUtcHour: this.db.prepare<PortDay, HourDb>(PER_HOUR).all(day),
          booths: this.db.prepare<[], WorkRowDb>(work('booth')).all(),
          officers: this.db.prepare<[], WorkRowDb>(work('officer')).all(),
          openReferrals: this.db.prepare<[], number>(OPEN_REFERRALS).pluck().get()!,
          verification: this.db.prepare<[], VerificationRowDb>(VERIFICATION).all(),
          flagRules: this.db.prepare<PortDay, FlagRuleDb>(FLAG_RULES).all(day),
        };
      } finally {
        clear();
      }
    })();
  }

  /**
   * Changes with every write to the database: this connection's (total_changes) and any other
   * connection's commit (data_version).
   */
  writeMark(): string {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    return `${version}:${this.db.prepare<[], number>('SELECT total_changes()').pluck().get()!}`;
  }

  /** The model versions of the port-day's face comparisons (for their liveness thresholds). */
  modelVersions(day: PortDay): string[] {
    return this.db
      .prepare<PortDay, string>(
        `SELECT DISTINCT v.model_version FROM verifications v
         CROSS JOIN applicants a ON a.applicant_id = v.applicant_id
         WHERE a.port = @port AND a.service_date = @date`,
      )
      .pluck()
      .all(day);
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
