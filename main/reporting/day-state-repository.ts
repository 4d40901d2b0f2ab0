// Runs in: main process and CLI. The working state behind a port-day's figures, kept between reports
// in temporary tables of this connection (never in the database file): the day's decided cases, its
// people with a face comparison or a manual check, and its appointments by status and slot hour.
// A report either fills them afresh or brings them up to date from what changed since the last one,
// so the supervisor's poll after a booth decides costs the changes, not the day.
import { GROUP_DIMENSIONS } from '../../ipc/channels/reporting';
import type { Db } from '../db/database';

export type PortDay = { port: string; date: string };

/** What counts as a completed case: decided, and not as a no-show. */
export const COMPLETED = "('processed', 'referred_secondary', 'identity_not_confirmed')";

/** The distinct keys of one kind that changed since the last report (filled by the triggers below). */
const changed = (what: 'case' | 'person' | 'model') =>
  `(SELECT DISTINCT id FROM temp.day_changes WHERE what = '${what}')`;

/**
 * The latest decision (the last completed, the last inserted on a tie) of each case of the port-day
 * (@port, @date) that has one, with the appointment's slot and status; `only` restricts it to the
 * cases changed since the last report.
 */
const decided = (only = false) => `WITH decided AS (
    SELECT e.client_id, e.appointment_id, e.applicant_id, e.officer, e.booth, e.arrived_at, e.completed_at,
           e.disposition, e.note, e.flags_acknowledged, e.verification_id, e.manual_check_id, ap.slot, ap.status
    FROM ${only ? `${changed('case')} ch CROSS JOIN appointments ap ON ap.appointment_id = ch.id` : 'appointments ap'}
    JOIN encounters e ON e.appointment_id = ap.appointment_id
    WHERE ap.port = @port AND ap.service_date = @date
      AND NOT EXISTS (SELECT 1 FROM encounters l WHERE l.appointment_id = e.appointment_id
        AND (l.completed_at > e.completed_at OR (l.completed_at = e.completed_at AND l.rowid > e.rowid)))
  )`;
/** `decided`: every decided case of the port-day. Shared with the referral list. */
export const DECIDED = decided();

const fillDecided = (only: boolean) => `INSERT INTO temp.day_decided ${decided(only)}
  SELECT d.appointment_id, d.client_id, d.applicant_id, d.status, d.slot, d.officer, d.booth, d.disposition,
         d.completed_at, (julianday(d.completed_at) - julianday(d.arrived_at)) * 1440.0, d.verification_id,
         d.manual_check_id
  FROM decided d`;

// The port-day's applicants with a face comparison or a manual identity check, one row each, with
// their group fields (age in whole years on the service date) and what their attempts and their
// case's latest decision came to. Each source is summed per applicant on its own, only over what it
// can add (summing every column over a union of all three cost twice as much): the comparisons make
// the rows, the checks add to them or make their own, the decisions fill in what they came to.
// temp.day_advisories holds each model version's liveness advisory threshold. `only`: just the
// people changed since the last report (their rows were deleted first).
const AGE = `CASE WHEN y IS NULL OR y < 0 THEN 'unknown' WHEN y < 18 THEN 'under18' WHEN y < 30 THEN '18-29'
    WHEN y < 45 THEN '30-44' WHEN y < 60 THEN '45-59' ELSE '60plus' END`;
const YEARS = `CASE WHEN a.dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
    THEN CAST(substr(a.service_date, 1, 4) AS INTEGER) - CAST(substr(a.dob, 1, 4) AS INTEGER)
      - (substr(a.service_date, 6) < substr(a.dob, 6)) END`;
/** How many of a group's rows meet `condition` (unknown counts as not: never NULL). */
const times = (condition: string) => `SUM((${condition}) IS TRUE)`;
const PEOPLE_COLUMNS = `applicant_id, sex, age, nationality, language, attempts, match, inconclusive, no_match,
  no_result, liveness, blind, blind_agreed, blind_disagreed, manual, on_manual, confirmed_non_match, not_confirmed_match`;
const fillPeople = (only: boolean): string[] => {
  // Driven from the changed people when restricted, so it reads their rows only.
  const from = (table: string, alias: string) =>
    only
      ? `${changed('person')} ch CROSS JOIN ${table} ${alias} ON ${alias}.applicant_id = ch.id`
      : `${table} ${alias}`;
  // One source's sums per applicant of the day, with the applicant's group fields (the lookup that
  // keeps it to the day reads them from the covering index, migration 0014).
  const perApplicant = (table: string, alias: string, sums: string, join = '') => `SELECT *, ${AGE} AS age
    FROM (SELECT ${alias}.applicant_id AS id, a.sex, a.nationality, a.language, ${YEARS} AS y, ${sums}
      FROM ${from(table, alias)} CROSS JOIN applicants a ON a.applicant_id = ${alias}.applicant_id ${join}
      WHERE a.port = @port AND a.service_date = @date GROUP BY ${alias}.applicant_id)`;
  // What each person's latest decisions came to, looked up by the two inserts below.
  const decisions = `INSERT INTO temp.day_person_decisions
    SELECT c.applicant_id, ${times(`c.manual_check_id IS NOT NULL AND c.disposition IN ${COMPLETED}`)},
      ${times("c.disposition = 'processed' AND x.band IN ('INCONCLUSIVE', 'NO_MATCH')")},
      ${times("c.disposition = 'identity_not_confirmed' AND x.band = 'MATCH'")}
    FROM temp.day_decided c LEFT JOIN verifications x ON x.id = c.verification_id
    WHERE (c.verification_id IS NOT NULL OR c.manual_check_id IS NOT NULL)
      ${only ? `AND c.applicant_id IN ${changed('person')}` : ''}
    GROUP BY c.applicant_id`;
  const decided = (
    sums: string,
  ) => `SELECT s.*, coalesce(d.on_manual, 0) AS on_manual, coalesce(d.cnm, 0) AS cnm,
      coalesce(d.ncm, 0) AS ncm
    FROM (${sums}) s LEFT JOIN temp.day_person_decisions d ON d.applicant_id = s.id`;
  return [
    'DELETE FROM temp.day_person_decisions',
    decisions,
    `INSERT INTO temp.day_people (${PEOPLE_COLUMNS})
    SELECT id, sex, age, nationality, language, attempts, match, inconclusive, no_match, no_result, liveness, blind,
      agreed, disagreed, 0, on_manual, cnm, ncm
    FROM (${decided(
      perApplicant(
        'verifications',
        'v',
        `COUNT(*) AS attempts, ${times("v.band = 'MATCH'")} AS match, ${times("v.band = 'INCONCLUSIVE'")} AS inconclusive,
      ${times("v.band = 'NO_MATCH'")} AS no_match, ${times('v.band IS NULL')} AS no_result,
      ${times('v.liveness < t.threshold')} AS liveness, ${times('v.blind = 1')} AS blind,
      ${times("v.blind = 1 AND ((v.judgement = 'same' AND v.band = 'MATCH') OR (v.judgement = 'different' AND v.band = 'NO_MATCH'))")} AS agreed,
      ${times("v.blind = 1 AND ((v.judgement = 'same' AND v.band = 'NO_MATCH') OR (v.judgement = 'different' AND v.band = 'MATCH'))")} AS disagreed`,
        'LEFT JOIN temp.day_advisories t ON t.model = v.model_version',
      ),
    )})`,
    // A decision of someone with neither a comparison nor a check here (one of another day) makes no
    // person of this day. WHERE true: without it SQLite would read ON CONFLICT as a join's ON.
    `INSERT INTO temp.day_people (${PEOPLE_COLUMNS})
    SELECT id, sex, age, nationality, language, 0, 0, 0, 0, 0, 0, 0, 0, 0, manual, on_manual, cnm, ncm
    FROM (${decided(perApplicant('manual_checks', 'm', 'COUNT(*) AS manual'))}) WHERE true
    ON CONFLICT (applicant_id) DO UPDATE SET manual = manual + excluded.manual`,
  ];
};

// The day's appointments by status and UTC hour of their slot (epoch seconds / 3600): a day has few
// distinct slots, so the time arithmetic runs once per slot.
const FILL_SLOTS = `INSERT INTO temp.day_slots SELECT status, unixepoch(slot) / 3600, SUM(n) FROM (
    SELECT status, slot, COUNT(*) AS n FROM appointments WHERE port = @port AND service_date = @date
    GROUP BY status, slot)
  GROUP BY 1, 2`;

// The per-person sums of the verification figures (over temp.day_people), in VerificationCounts' terms.
export const SUMS = Object.entries({
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

/**
 * A kept sum over the day's cases or people: its rows are sums per key, filled once, then moved by
 * each changed case's or person's old rows (taken out) and new rows (added in), and summed again.
 * `rows(only)` gives one row per contribution (keys, then values) with `only` added to its WHERE.
 */
type Aggregate = {
  table: string;
  keys: string[];
  values: string[];
  of: 'case' | 'person';
  rows: (only: string) => string;
};
const DIMS = GROUP_DIMENSIONS.join(', ');
const AGGREGATES: Aggregate[] = [
  {
    table: 'day_dispositions',
    keys: ['status', 'disposition'],
    values: ['n'],
    of: 'case',
    rows: (only) => `SELECT status, disposition, 1 AS n FROM temp.day_decided WHERE 1 ${only}`,
  },
  {
    // Per UTC hour of the decided cases: slots of cancelled ones decided anyway, completions.
    table: 'day_hours',
    keys: ['h'],
    values: ['s', 'c'],
    of: 'case',
    rows: (only) => `SELECT unixepoch(slot) / 3600 AS h, 1 AS s, 0 AS c FROM temp.day_decided
      WHERE status = 'cancelled' ${only}
      UNION ALL SELECT unixepoch(completed_at) / 3600, 0, 1 FROM temp.day_decided
      WHERE disposition IN ${COMPLETED} ${only}`,
  },
  {
    // Completed cases per booth and per officer by minutes (rounded as shown, which keeps their
    // order): counted per booth, officer and minutes first, so the cases are sorted once.
    table: 'day_work',
    keys: ['kind', 'k', 'm'],
    values: ['n', 'referrals'],
    of: 'case',
    rows: (only) => `WITH w AS MATERIALIZED (
        SELECT booth, officer, ROUND(minutes, 1) AS m, COUNT(*) AS n,
          TOTAL(disposition = 'referred_secondary') AS referrals
        FROM temp.day_decided WHERE disposition IN ${COMPLETED} ${only} GROUP BY booth, officer, m
      )
      SELECT 'booth' AS kind, booth AS k, m, n, referrals FROM w
      UNION ALL SELECT 'officer', officer, m, n, referrals FROM w`,
  },
  {
    // The day's people per combination of their group fields.
    table: 'day_groups',
    keys: [...GROUP_DIMENSIONS],
    values: ['applicants', ...SUMS.map(([name]) => name)],
    of: 'person',
    rows: (only) =>
      `SELECT ${DIMS}, 1 AS applicants, ${SUMS.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}
      FROM temp.day_people WHERE 1 ${only}`,
  },
];
const onlyChanged = (of: 'case' | 'person') =>
  of === 'case' ? `AND appointment_id IN ${changed('case')}` : `AND applicant_id IN ${changed('person')}`;
/** Adds (sign 1) or takes out (-1) the contributions of the rows `only` selects, summed per key. */
const contribute = (a: Aggregate, sign: 1 | -1, only: string) =>
  `INSERT INTO temp.${a.table} SELECT ${a.keys.join(', ')}, ${a.values.map((v) => `${sign} * SUM(${v})`).join(', ')}
    FROM (${a.rows(only)}) GROUP BY ${a.keys.join(', ')}`;
/** Sums each key's rows into one (appended), dropping keys whose sums all came to zero. */
const compact = (a: Aggregate) => `INSERT INTO temp.${a.table}
    SELECT ${a.keys.join(', ')}, ${a.values.map((v) => `SUM(${v})`).join(', ')} FROM temp.${a.table}
    GROUP BY ${a.keys.join(', ')} HAVING ${a.values.map((v) => `SUM(${v}) <> 0`).join(' OR ')}`;
/** The appointments' counts: kept like the others, moved by the triggers rather than derived. */
const SLOTS: Aggregate = {
  table: 'day_slots',
  keys: ['status', 'h'],
  values: ['n'],
  of: 'case',
  rows: () => '',
};

// The kept tables, and the log of what changed since the last report. The log is written by
// temporary triggers of this connection on the tables the figures read: a changed decision, attempt,
// check or applicant names its case or person, whose rows are then derived again (a delete too);
// a changed appointment also moves its count from one status and hour to another. Flags, sign-offs
// and photos are few or cheap and counted afresh each report. Writes by another connection are not
// seen by these triggers: they change data_version, and the next report fills afresh.
const TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS day_state (port TEXT, date TEXT, data_version INTEGER, how TEXT);
  CREATE TEMP TABLE IF NOT EXISTS day_decided (
    appointment_id TEXT, client_id TEXT, applicant_id TEXT, status TEXT, slot TEXT, officer TEXT, booth TEXT,
    disposition TEXT, completed_at TEXT, minutes REAL, verification_id INTEGER, manual_check_id INTEGER);
  CREATE TEMP TABLE IF NOT EXISTS day_people (
    applicant_id TEXT, sex TEXT, age TEXT, nationality TEXT, language TEXT,
    attempts INTEGER, match INTEGER, inconclusive INTEGER, no_match INTEGER, no_result INTEGER,
    liveness INTEGER, blind INTEGER, blind_agreed INTEGER, blind_disagreed INTEGER,
    manual INTEGER, on_manual INTEGER, confirmed_non_match INTEGER, not_confirmed_match INTEGER);
  CREATE TEMP TABLE IF NOT EXISTS day_person_decisions (
    applicant_id TEXT PRIMARY KEY, on_manual INTEGER, cnm INTEGER, ncm INTEGER) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS day_advisories (model TEXT PRIMARY KEY, threshold REAL);
  CREATE TEMP TABLE IF NOT EXISTS day_slots (status TEXT, h INTEGER, n INTEGER);
  CREATE INDEX IF NOT EXISTS temp.day_decided_case ON day_decided (appointment_id);
  CREATE UNIQUE INDEX IF NOT EXISTS temp.day_people_one ON day_people (applicant_id);
${AGGREGATES.map((a) => `  CREATE TEMP TABLE IF NOT EXISTS ${a.table} (${[...a.keys, ...a.values].join(', ')});`).join('\n')}
  -- No unique key: a conflict here could never fail the write that fired the trigger.
  CREATE TEMP TABLE IF NOT EXISTS day_changes (what TEXT, id TEXT);
  CREATE TEMP TABLE IF NOT EXISTS day_slot_moves (port TEXT, date TEXT, status TEXT, h INTEGER, n INTEGER);`;

const log = (what: string, id: string) => `INSERT INTO temp.day_changes VALUES ('${what}', ${id});`;
const move = (row: 'OLD' | 'NEW', n: 1 | -1) =>
  `INSERT INTO temp.day_slot_moves VALUES (${row}.port, ${row}.service_date, ${row}.status, unixepoch(${row}.slot) / 3600, ${n});`;
// Only rows of the kept port-day can change its figures: a sync of other days (the vetting window
// brings hundreds of thousands) logs nothing and costs one lookup per row in the one-row day_state.
const KEPT = (row: 'OLD' | 'NEW') =>
  `EXISTS (SELECT 1 FROM temp.day_state WHERE port = ${row}.port AND date = ${row}.service_date)`;
// Only people who have an attempt or a check can become (or stop being) one of the day's people.
const HAS_ATTEMPT = (
  row: 'OLD' | 'NEW',
) => `EXISTS (SELECT 1 FROM verifications WHERE applicant_id = ${row}.applicant_id)
    OR EXISTS (SELECT 1 FROM manual_checks WHERE applicant_id = ${row}.applicant_id)`;
const TRIGGERS: [string, string][] = [
  ['AFTER INSERT ON main.encounters', log('case', 'NEW.appointment_id') + log('person', 'NEW.applicant_id')],
  ['AFTER DELETE ON main.encounters', log('case', 'OLD.appointment_id') + log('person', 'OLD.applicant_id')],
  [
    'AFTER UPDATE ON main.encounters',
    log('case', 'OLD.appointment_id') +
      log('case', 'NEW.appointment_id') +
      log('person', 'OLD.applicant_id') +
      log('person', 'NEW.applicant_id'),
  ],
  [
    'AFTER INSERT ON main.verifications',
    log('person', 'NEW.applicant_id') + log('model', 'NEW.model_version'),
  ],
  ['AFTER DELETE ON main.verifications', log('person', 'OLD.applicant_id')],
  [
    'AFTER UPDATE ON main.verifications',
    log('person', 'OLD.applicant_id') + log('person', 'NEW.applicant_id') + log('model', 'NEW.model_version'),
  ],
  ['AFTER INSERT ON main.manual_checks', log('person', 'NEW.applicant_id')],
  ['AFTER DELETE ON main.manual_checks', log('person', 'OLD.applicant_id')],
  [
    'AFTER UPDATE ON main.manual_checks',
    log('person', 'OLD.applicant_id') + log('person', 'NEW.applicant_id'),
  ],
  [
    `AFTER INSERT ON main.applicants WHEN ${KEPT('NEW')} AND (${HAS_ATTEMPT('NEW')})`,
    log('person', 'NEW.applicant_id'),
  ],
  [
    `AFTER DELETE ON main.applicants WHEN ${KEPT('OLD')} AND (${HAS_ATTEMPT('OLD')})`,
    log('person', 'OLD.applicant_id'),
  ],
  [
    `AFTER UPDATE OF applicant_id, port, service_date, sex, dob, nationality, language ON main.applicants
     WHEN (${KEPT('OLD')} OR ${KEPT('NEW')}) AND (${HAS_ATTEMPT('OLD')} OR ${HAS_ATTEMPT('NEW')})`,
    log('person', 'OLD.applicant_id') + log('person', 'NEW.applicant_id'),
  ],
  [
    `AFTER INSERT ON main.appointments WHEN ${KEPT('NEW')}`,
    log('case', 'NEW.appointment_id') + move('NEW', 1),
  ],
  [
    `AFTER DELETE ON main.appointments WHEN ${KEPT('OLD')}`,
    log('case', 'OLD.appointment_id') + move('OLD', -1),
  ],
  [
    `AFTER UPDATE OF appointment_id, applicant_id, port, service_date, slot, status ON main.appointments
     WHEN (${KEPT('OLD')} OR ${KEPT('NEW')}) AND (OLD.appointment_id IS NOT NEW.appointment_id OR OLD.applicant_id IS NOT NEW.applicant_id
       OR OLD.port IS NOT NEW.port OR OLD.service_date IS NOT NEW.service_date OR OLD.slot IS NOT NEW.slot
       OR OLD.status IS NOT NEW.status)`,
    log('case', 'OLD.appointment_id') + log('case', 'NEW.appointment_id') + move('OLD', -1) + move('NEW', 1),
  ],
];
const SCHEMA =
  TABLES +
  TRIGGERS.map(
    ([on, body], i) => `CREATE TEMP TRIGGER IF NOT EXISTS day_log_${i} ${on} BEGIN ${body} END;`,
  ).join('\n');

/** More changes than this since the last report: filling afresh is cheaper than following them. */
const MAX_CHANGES = 2000;

/** Connections whose temporary tables and triggers exist (they live as long as the connection). */
const ready = new WeakSet<Db>();

export class DayStateRepository {
  constructor(private readonly db: Db) {}

  /**
   * Brings the kept tables to the port-day's present state, inside the caller's transaction: afresh
   * when asked, for another port-day, after another connection's commit, after a recalibration or
   * when many rows changed; otherwise from the cases and people changed since the last report.
   * `advisoryOf` gives a model version's liveness advisory threshold (undefined: none).
   */
  bringUpToDate(day: PortDay, advisoryOf: (model: string) => number | undefined, fresh: boolean): void {
    if (!ready.has(this.db)) {
      this.db.exec(SCHEMA);
      ready.add(this.db);
    }
    const version = this.db.pragma('data_version', { simple: true }) as number;
    const state = this.db
      .prepare<[], { port: string; date: string; data_version: number }>('SELECT * FROM temp.day_state')
      .get();
    const calibrated = this.db
      .prepare<[], { model: string; threshold: number | null }>(
        'SELECT model, threshold FROM temp.day_advisories',
      )
      .all()
      .every((a) => (advisoryOf(a.model) ?? null) === a.threshold);
    const changes = this.db.prepare<[], number>('SELECT COUNT(*) FROM temp.day_changes').pluck().get()!;
    const followable =
      !fresh &&
      state?.port === day.port &&
      state.date === day.date &&
      state.data_version === version &&
      calibrated &&
      changes <= MAX_CHANGES;
    if (followable) this.follow(day, advisoryOf);
    else this.fill(day, advisoryOf);
    this.db.exec('DELETE FROM temp.day_changes; DELETE FROM temp.day_slot_moves; DELETE FROM temp.day_state');
    this.db
      .prepare<[string, string, number, string]>('INSERT INTO temp.day_state VALUES (?, ?, ?, ?)')
      .run(day.port, day.date, version, followable ? 'followed' : 'filled');
  }

  /** How the last report brought the kept tables up to date (null before the first on this connection). */
  lastUpdate(): 'filled' | 'followed' | null {
    if (!ready.has(this.db)) return null;
    return this.db.prepare<[], 'filled' | 'followed'>('SELECT how FROM temp.day_state').pluck().get() ?? null;
  }

  private fill(day: PortDay, advisoryOf: (model: string) => number | undefined): void {
    const db = this.db;
    for (const table of [
      'day_decided',
      'day_people',
      'day_advisories',
      'day_slots',
      ...AGGREGATES.map((a) => a.table),
    ])
      db.exec(`DELETE FROM temp.${table}`);
    this.addAdvisories(this.modelVersions(), advisoryOf);
    db.prepare<PortDay>(fillDecided(false)).run(day);
    for (const sql of fillPeople(false)) db.prepare<PortDay>(sql).run(day);
    db.prepare<PortDay>(FILL_SLOTS).run(day);
    for (const a of AGGREGATES) db.exec(contribute(a, 1, ''));
  }

  /** Applies the changes logged since the last report to the kept tables of the same port-day. */
  private follow(day: PortDay, advisoryOf: (model: string) => number | undefined): void {
    const db = this.db;
    const models = db
      .prepare<[], string>(
        `SELECT id FROM ${changed('model')} WHERE id NOT IN (SELECT model FROM temp.day_advisories)`,
      )
      .pluck()
      .all();
    this.addAdvisories(models, advisoryOf);
    const moveOut = (of: 'case' | 'person', sign: 1 | -1) => {
      for (const a of AGGREGATES) if (a.of === of) db.exec(contribute(a, sign, onlyChanged(of)));
    };
    // A changed case: its old and new latest decision name people whose rows change with it.
    const casePeople = `INSERT INTO temp.day_changes SELECT 'person', applicant_id FROM temp.day_decided
      WHERE 1 ${onlyChanged('case')}`;
    db.exec(casePeople);
    moveOut('case', -1);
    db.exec(`DELETE FROM temp.day_decided WHERE 1 ${onlyChanged('case')}`);
    db.prepare<PortDay>(fillDecided(true)).run(day);
    moveOut('case', 1);
    db.exec(casePeople);
    moveOut('person', -1);
    db.exec(`DELETE FROM temp.day_people WHERE 1 ${onlyChanged('person')}`);
    for (const sql of fillPeople(true)) db.prepare<PortDay>(sql).run(day);
    moveOut('person', 1);
    // Appointment counts: the moves of this port-day added in.
    db.prepare<PortDay>(
      'INSERT INTO temp.day_slots SELECT status, h, n FROM temp.day_slot_moves WHERE port = @port AND date = @date',
    ).run(day);
    // Each kept sum back to one row per key, so it stays as small as the day's keys.
    for (const a of [SLOTS, ...AGGREGATES]) {
      const last = db.prepare<[], number | null>(`SELECT MAX(rowid) FROM temp.${a.table}`).pluck().get();
      db.exec(compact(a));
      db.prepare<[number]>(`DELETE FROM temp.${a.table} WHERE rowid <= ?`).run(last ?? 0);
    }
  }

  private addAdvisories(models: string[], advisoryOf: (model: string) => number | undefined): void {
    const insert = this.db.prepare<[string, number | null]>('INSERT INTO temp.day_advisories VALUES (?, ?)');
    for (const model of models) insert.run(model, advisoryOf(model) ?? null);
  }

  /**
   * The model versions of the face comparisons kept (for their liveness thresholds): a handful, so all
   * of them; reading the comparisons alone costs a sixth of reaching the port-day's through their
   * applicants, and the day's figures read every comparison anyway.
   */
  private modelVersions(): string[] {
    return this.db.prepare<[], string>('SELECT DISTINCT model_version FROM verifications').pluck().all();
  }
}
