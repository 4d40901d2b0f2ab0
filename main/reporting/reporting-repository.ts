// Runs in: main process and CLI. The supervisor's day figures for one port-day, in SQL over the day's
// working state (day-state-repository.ts): each case (a non-cancelled appointment) counts once, by
// its latest decision, so a correction replaces the decision it corrects and never adds a second
// one. Aggregates only, no one's personal data.
import {
  GROUP_DIMENSIONS,
  type DayFigures,
  type GroupDimension,
  type VerificationCounts,
} from '../../ipc/channels/reporting';
import type { Db } from '../db/database';
import { tally } from '../db/tally';
import { COMPLETED, DayStateRepository, SUMS, type PortDay } from './day-state-repository';

export { COMPLETED, DECIDED, type PortDay } from './day-state-repository';

// A case is a non-cancelled appointment, or a cancelled one that was decided anyway. Undecided
// cases are counted from the appointments' statuses, less the decided ones.
const FIGURES = `WITH appt AS (SELECT status, SUM(n) AS n FROM temp.day_slots GROUP BY status),
  d AS (SELECT status, disposition, SUM(n) AS n FROM temp.day_dispositions GROUP BY status, disposition),
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

// Per UTC hour (seconds since the epoch / 3600): slots of the cases, cases completed; only hours
// with one or the other (the kept sums may hold a key whose count came to zero).
const PER_HOUR = `SELECT h, TOTAL(s) AS scheduled, TOTAL(c) AS completed FROM (
    SELECT h, n AS s, 0 AS c FROM temp.day_slots WHERE status <> 'cancelled'
    UNION ALL SELECT h, s, c FROM temp.day_hours
  ) GROUP BY h HAVING TOTAL(s) > 0 OR TOTAL(c) > 0 ORDER BY h`;

// The completed cases per booth and per officer by minutes, in order of key then minutes.
const WORK = `SELECT kind, k, m, SUM(n) AS n, SUM(referrals) AS referrals FROM temp.day_work
  GROUP BY kind, k, m HAVING SUM(n) > 0 ORDER BY kind, k, m`;

const OPEN_REFERRALS = `SELECT COUNT(*) FROM temp.day_decided c WHERE c.disposition = 'referred_secondary'
    AND NOT EXISTS (SELECT 1 FROM referral_signoffs s WHERE s.encounter_id = c.client_id)`;

// Those sums added up again, over the combinations below.
const ROLLUP = ['applicants', ...SUMS.map(([name]) => name)]
  .map((name) => `CAST(TOTAL(${name}) AS INTEGER) AS ${name}`)
  .join(', ');
// Everyone, then each group of each dimension (the dimension names are the contract's), added up
// from the kept sums per combination of the group fields (temp.day_groups).
const VERIFICATION = `WITH g AS MATERIALIZED (
    SELECT ${GROUP_DIMENSIONS.join(', ')},
      ${['applicants', ...SUMS.map(([name]) => name)].map((name) => `TOTAL(${name}) AS ${name}`).join(', ')}
    FROM temp.day_groups GROUP BY ${GROUP_DIMENSIONS.join(', ')} HAVING TOTAL(applicants) > 0
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

type WorkCount = { kind: 'booth' | 'officer'; k: string; m: number | null; n: number; referrals: number };

/**
 * Completed cases by booth or officer, in key order; the median and p90 are nearest-rank: the minutes
 * at rank ceil(p·n) in order, i.e. (n + 1) / 2 and (9n + 9) / 10 in integer division.
 */
function work(counts: WorkCount[], kind: 'booth' | 'officer'): WorkRowDb[] {
  const groups = new Map<string, WorkCount[]>();
  for (const c of counts) {
    if (c.kind !== kind) continue;
    const g = groups.get(c.k);
    if (g) g.push(c);
    else groups.set(c.k, [c]);
  }
  // The minutes at a rank: the first whose running count reaches it.
  const at = (g: WorkCount[], rank: number) => {
    let seen = 0;
    return g.find((c) => (seen += c.n) >= rank)!.m;
  };
  return [...groups].map(([key, g]) => {
    const n = g.reduce((sum, c) => sum + c.n, 0);
    return {
      key,
      cases: n,
      medianMinutes: at(g, Math.trunc((n + 1) / 2)),
      p90Minutes: at(g, Math.trunc((9 * n + 9) / 10)),
      referrals: g.reduce((sum, c) => sum + c.referrals, 0),
    };
  });
}

export type DayReport = {
  figures: DayFigures;
  perUtcHour: HourDb[];
  booths: WorkRowDb[];
  officers: WorkRowDb[];
  openReferrals: number;
  verification: VerificationRowDb[];
  flagRules: FlagRuleDb[];
};

export class ReportingRepository {
  constructor(private readonly db: Db) {}

  /**
   * The port-day's case figures, per UTC hour (h = epoch seconds / 3600, hours with a slot or a
   * completion only), per booth and officer (of the latest decision), and referrals not signed off,
   * all of one moment (one transaction), worked out afresh.
   */
  day(
    day: PortDay,
    /** Each model version's liveness advisory threshold (a table, or a function of the version). */
    advisories: Record<string, number> | ((model: string) => number | undefined) = {},
  ): DayReport {
    return this.report(day, typeof advisories === 'function' ? advisories : (m) => advisories[m], true);
  }

  /**
   * The same figures from the working state this connection keeps for its last port-day, brought up
   * to date from what changed since (afresh when that cannot be followed: day-state-repository.ts).
   */
  dayKept(day: PortDay, advisoryOf: (model: string) => number | undefined): DayReport {
    return this.report(day, advisoryOf, false);
  }

  private report(day: PortDay, advisoryOf: (model: string) => number | undefined, fresh: boolean): DayReport {
    return this.db.transaction(() => {
      new DayStateRepository(this.db).bringUpToDate(day, advisoryOf, fresh);
      const counts = this.db.prepare<[], WorkCount>(WORK).all();
      return {
        figures: this.db.prepare<[], DayFigures>(FIGURES).get()!,
        perUtcHour: this.db.prepare<[], HourDb>(PER_HOUR).all(),
        booths: work(counts, 'booth'),
        officers: work(counts, 'officer'),
        openReferrals: this.db.prepare<[], number>(OPEN_REFERRALS).pluck().get()!,
        verification: this.db.prepare<[], VerificationRowDb>(VERIFICATION).all(),
        flagRules: this.db.prepare<PortDay, FlagRuleDb>(FLAG_RULES).all(day),
      };
    })();
  }

  /** The kept port-day's appointments by status (after day() or dayKept(), in the same transaction). */
  appointmentsByStatus(): Record<string, number> {
    return tally(
      this.db,
      'SELECT status AS key, SUM(n) AS n FROM temp.day_slots GROUP BY status HAVING SUM(n) <> 0',
    );
  }

  /**
   * Changes with every write to the database: this connection's (total_changes) and any other
   * connection's commit (data_version).
   */
  writeMark(): string {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    return `${version}:${this.db.prepare<[], number>('SELECT total_changes()').pluck().get()!}`;
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
