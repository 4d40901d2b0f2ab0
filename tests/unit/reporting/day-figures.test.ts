// Runs in: vitest (Node, real SQLite file). The supervisor's figures on a simulated day at San
// Ysidro (several booths and officers, no-shows, referrals, corrections, correction chains and
// ties, face retries, liveness advisories, blind-first judgements and manual checks, flags in
// every state, cancelled and other-day cases): every figure equals an independent query written
// here, not the service's own (latest decision found by NOT EXISTS, hours by a fixed PST offset,
// percentiles by LIMIT/OFFSET, age bands by date arithmetic, a query per group and counter);
// small groups are suppressed; sign-offs close referrals; the flag review queue is audited.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import type { Db } from '../../../main/db/database';
import { EncounterRepository, type EncounterRow } from '../../../main/encounter/encounter-repository';
import { ManualCheckRepository } from '../../../main/encounter/manual-check-repository';
import { arrivalsDashboard, localHours } from '../../../main/reporting/dashboard';
import { RULES } from '../../../main/flags/rules/index';
import { referralList, signOffReferral } from '../../../main/reporting/referrals';
import { flagReview } from '../../../main/reporting/flag-review';
import { applicant } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
import { seedPortDay } from '../../helpers/port-day';

let app: AppContext | undefined;
afterEach(() => app?.close());

const DAY = '2026-11-22';
const DISPOSITIONS = ['processed', 'referred_secondary', 'identity_not_confirmed', 'no_show'] as const;

/** A small seeded generator, so the simulated day is the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Booth activity for applicants `ids` of a port-day: decisions, corrections, retries, checks. */
function simulate(a: AppContext, ids: number[], seed: number): void {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const enc = new EncounterRepository(a.db);
  const checks = new ManualCheckRepository(a.db);
  // Liveness under the advisory threshold now and then; blind-first comparisons with the officer's judgement.
  const verify = a.db.prepare<[string, string, string, string | null, number, number, string | null]>(
    `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold,
       inconclusive_threshold, liveness, quality_reasons, model_version, total_ms, blind, judgement)
     VALUES (?, ?, ?, 'c', ?, 0.5, 0.47, 0.37, ?, '[]', 'm1', 20, ?, ?)`,
  );
  const slotOf = a.db
    .prepare<[string], string>('SELECT slot FROM appointments WHERE applicant_id = ?')
    .pluck();
  for (const i of ids) {
    const officer = pick(['ofc1', 'ofc2', 'ofc3', 'ofc4', 'ofc5']);
    const booth = pick(['Booth 1', 'Booth 2', 'Booth 3']);
    const arrived = Date.parse(slotOf.get(`A${i}`)!) + Math.floor(rand() * 3600) * 1000;
    const r = rand();
    const disposition =
      r < 0.1
        ? 'no_show'
        : r < 0.7
          ? 'processed'
          : r < 0.85
            ? 'referred_secondary'
            : 'identity_not_confirmed';
    // Retries: up to three comparisons, and a manual check after unsuccessful ones now and then.
    let lastVerification: number | null = null;
    for (let k = 0; k < 1 + Math.floor(rand() * 3); k++)
      lastVerification = Number(
        verify.run(
          `A${i}`,
          officer,
          iso(arrived + k * 30_000),
          pick(['MATCH', 'INCONCLUSIVE', 'NO_MATCH', null]),
          (i + k) % 7 === 0 ? 0.3 : 0.9,
          i % 4 === 0 ? 1 : 0,
          i % 4 === 0 ? (['same', 'different', 'unsure'] as const)[(i + k) % 3]! : null,
        ).lastInsertRowid,
      );
    const check =
      rand() < 0.2
        ? checks.insert({
            applicant_id: `A${i}`,
            officer,
            at: iso(arrived + 120_000),
            reason: 'Passport inspected',
            attempts: 2,
            unsuccessful: 2,
          })
        : undefined;
    const completed = arrived + (60 + Math.floor(rand() * 1500)) * 1000;
    const first = {
      client_id: `E${i}`,
      applicant_id: `A${i}`,
      appointment_id: `AP${i}`,
      officer,
      booth,
      arrived_at: iso(arrived),
      completed_at: iso(completed),
      disposition,
      note: disposition === 'referred_secondary' ? `Referred, "held" at ${booth}, check bags` : '',
      // Most decisions name the comparison they rest on (the last one).
      verification_id: i % 3 === 0 ? null : lastVerification,
      manual_check_id: check?.id ?? null,
      flags_acknowledged: JSON.stringify(i % 5 === 0 ? [`SHARED_PHONE:${i}`, `SHARED_PHONE:${i + 1}`] : []),
      supersedes: null,
    } as const;
    enc.insert(first);
    // Every 6th case is corrected (some twice; one correction on the same second as what it corrects).
    if (i % 6 === 0) {
      const next = DISPOSITIONS[(DISPOSITIONS.indexOf(disposition) + 1 + (i % 3)) % 4]!;
      const at = i % 36 === 18 ? completed : completed + (120 + Math.floor(rand() * 1800)) * 1000;
      enc.insert({
        ...first,
        client_id: `E${i}c`,
        officer: pick(['ofc1', 'ofc2']),
        completed_at: iso(at),
        disposition: next,
        supersedes: `E${i}`,
      });
      if (i % 12 === 0)
        enc.insert({
          ...first,
          client_id: `E${i}cc`,
          completed_at: iso(at + 600_000),
          disposition: 'referred_secondary',
          note: 'On reflection: secondary',
          supersedes: `E${i}c`,
        });
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Group fields spread over the applicants: a sex "X" rare enough to be suppressed (and so hide
 * the next smallest too), ages from infants to 80s (two born on either side of their 18th
 * birthday on the day), five nationalities, three languages.
 */
function person(i: number) {
  const dob =
    i === 20
      ? '2008-11-22'
      : i === 21
        ? '2008-11-23'
        : `${1940 + ((i * 13) % 86)}-${pad(1 + (i % 12))}-${pad(1 + ((i * 5) % 28))}`;
  return {
    sex: (i % 17 === 0 ? 'X' : i % 2 ? 'M' : 'F') as 'F' | 'M' | 'X',
    dob,
    nationality: ['MEX', 'VEN', 'HND', 'GTM', 'CUB'][i % 5]!,
    language: ['es', 'es', 'ht', 'pt'][i % 4]!,
  };
}

const RULE_IDS = ['SHARED_PHONE', 'SHARED_ADDRESS', 'IDENTITY_DUPLICATE', 'LOOKOUT_MATCH', 'RETIRED_RULE'];

/** Flags in every state on the simulated day and the others: open, acknowledged, reviewed, cleared. */
function seedFlags(a: AppContext): void {
  const insert = a.db.prepare(
    `INSERT INTO flags (applicant_id, rule_id, rule_version, match_key, severity, evidence, explanation, status,
       computed_at, acknowledged_by, acknowledged_at, feedback, feedback_by, feedback_at)
     VALUES (?, ?, 1, ?, ?, '{}', 'x', ?, '2026-11-22T06:00:00Z', ?, ?, ?, ?, ?)`,
  );
  for (const i of [...Array.from({ length: 120 }, (_, k) => k), 200, 203, 205, 300, 304]) {
    if (i % 3 === 2) continue;
    const rule = RULE_IDS[i % RULE_IDS.length]!;
    const acked = i % 4 === 0;
    // The other days' flags are all reviewed: precision over all days then differs from the day's.
    const verdict =
      i >= 200
        ? i % 2
          ? 'false_positive'
          : 'confirmed'
        : i % 7 === 0
          ? 'confirmed'
          : i % 5 === 1
            ? 'false_positive'
            : null;
    insert.run(
      `A${i}`,
      rule,
      `k${i}`,
      (['low', 'medium', 'high'] as const)[i % 3],
      i % 11 === 0 ? 'cleared' : 'open',
      acked ? 'ofc1' : null,
      acked ? '2026-11-22T16:00:00Z' : null,
      verdict,
      verdict ? 'sup' : null,
      verdict ? '2026-11-22T20:00:00Z' : null,
    );
  }
}

function seed(a: AppContext): void {
  const noPhoto = (i: number) => applicant(i, { ...person(i), ...(i % 4 === 0 ? { photo: null } : {}) });
  seedPortDay(
    a.db,
    'SYS',
    DAY,
    Array.from({ length: 120 }, (_, i) => noPhoto(i)),
  );
  seedPortDay(
    a.db,
    'HID',
    DAY,
    Array.from({ length: 10 }, (_, i) => noPhoto(200 + i)),
  );
  seedPortDay(
    a.db,
    'SYS',
    '2026-11-21',
    Array.from({ length: 10 }, (_, i) => noPhoto(300 + i)),
  );
  // Slots spread over the day, 14:00Z (06:00 PST) to 23:45Z; some with an offset, as the feed may send.
  a.db
    .prepare(
      `UPDATE appointments SET slot = CASE WHEN CAST(substr(applicant_id, 2) AS INTEGER) % 9 = 0
       THEN strftime('%Y-%m-%dT%H:%M:00-08:00', service_date || 'T06:00:00', '+' || (CAST(substr(applicant_id, 2) AS INTEGER) % 10) || ' hours')
       ELSE service_date || 'T' || printf('%02d', 14 + CAST(substr(applicant_id, 2) AS INTEGER) % 10) || ':' || printf('%02d', (CAST(substr(applicant_id, 2) AS INTEGER) % 4) * 15) || ':00Z' END`,
    )
    .run();
  a.db
    .prepare("UPDATE appointments SET status = 'cancelled' WHERE appointment_id IN ('AP1', 'AP2', 'AP3')")
    .run();
  a.db.prepare("UPDATE appointments SET status = 'arrived' WHERE appointment_id IN ('AP4', 'AP5')").run();
  a.db.prepare("UPDATE appointments SET status = 'no_show' WHERE appointment_id = 'AP7'").run();
  simulate(
    a,
    Array.from({ length: 90 }, (_, k) => k + 10),
    7,
  );
  simulate(a, [200, 201, 202, 300, 301], 11);
  seedFlags(a);
  // Enrolment as stored: usable templates for some photos, unusable for others.
  a.db
    .prepare(
      `INSERT INTO face_templates (photo_sha256, model_version, embedding, quality_ok, quality_reasons, computed_at)
     SELECT photo_sha256, 'm1', CASE WHEN rowid % 5 = 0 THEN NULL ELSE x'00' END, 1, '[]', 'x'
     FROM applicants WHERE photo_sha256 IS NOT NULL AND CAST(substr(applicant_id, 2) AS INTEGER) % 3 <> 0`,
    )
    .run();
}

// ---- The independent reading: plain queries over the tables, none of the service's SQL. ----

const DAY_CASES = `SELECT ap.appointment_id, ap.status, ap.slot FROM appointments ap
  WHERE ap.port = 'SYS' AND ap.service_date = '${DAY}'
    AND (ap.status <> 'cancelled' OR EXISTS (SELECT 1 FROM encounters x WHERE x.appointment_id = ap.appointment_id))`;
const FINAL = `SELECT e.*, (julianday(e.completed_at) - julianday(e.arrived_at)) * 1440.0 AS minutes FROM encounters e
  WHERE e.appointment_id IN (SELECT appointment_id FROM (${DAY_CASES}))
    AND NOT EXISTS (SELECT 1 FROM encounters l WHERE l.appointment_id = e.appointment_id
      AND (l.completed_at > e.completed_at OR (l.completed_at = e.completed_at AND l.rowid > e.rowid)))`;
const DONE = `SELECT * FROM (${FINAL}) WHERE disposition <> 'no_show'`;

const n = (db: Db, sql: string) => db.prepare(sql).pluck().get() as number;

function expectedFigures(db: Db) {
  const undecided = (status: string) =>
    n(
      db,
      `SELECT COUNT(*) FROM (${DAY_CASES}) c WHERE c.status IN (${status}) AND c.appointment_id NOT IN (SELECT appointment_id FROM encounters)`,
    );
  const final = (d: string) => n(db, `SELECT COUNT(*) FROM (${FINAL}) WHERE disposition = '${d}'`);
  const scheduled = n(db, `SELECT COUNT(*) FROM (${DAY_CASES})`);
  const completed = n(db, `SELECT COUNT(*) FROM (${DONE})`);
  const arrived = completed + undecided("'arrived', 'completed'");
  const noShow = final('no_show') + undecided("'no_show'");
  return {
    scheduled,
    arrived,
    completed,
    processed: final('processed'),
    referred: final('referred_secondary'),
    identityNotConfirmed: final('identity_not_confirmed'),
    noShow,
    stillToCome: scheduled - arrived - noShow,
  };
}

/** Nearest-rank percentile of a group's minutes, by ordering and skipping rows. */
function expectedWork(db: Db, key: 'booth' | 'officer') {
  const keys = db.prepare(`SELECT DISTINCT ${key} FROM (${DONE}) ORDER BY 1`).pluck().all() as string[];
  return keys.map((k) => {
    const cases = n(db, `SELECT COUNT(*) FROM (${DONE}) WHERE ${key} = '${k}'`);
    const at = (rank: number) =>
      n(
        db,
        `SELECT ROUND(minutes, 1) FROM (${DONE}) WHERE ${key} = '${k}' ORDER BY minutes LIMIT 1 OFFSET ${rank - 1}`,
      );
    return {
      key: k,
      cases,
      medianMinutes: at(Math.ceil(cases * 0.5)),
      p90Minutes: at(Math.ceil(cases * 0.9)),
      referrals: n(
        db,
        `SELECT COUNT(*) FROM (${DONE}) WHERE ${key} = '${k}' AND disposition = 'referred_secondary'`,
      ),
    };
  });
}

/** San Ysidro in November is UTC−8 all day: local hours by a fixed offset, no time-zone library. */
function expectedHours(db: Db) {
  const rows = db
    .prepare(
      `SELECT hour, SUM(s) AS scheduled, SUM(c) AS completed FROM (
         SELECT strftime('%H:00', datetime(slot, '-8 hours')) AS hour, 1 AS s, 0 AS c FROM (${DAY_CASES})
         UNION ALL SELECT strftime('%H:00', datetime(completed_at, '-8 hours')), 0, 1 FROM (${DONE}))
       GROUP BY hour ORDER BY hour`,
    )
    .all() as { hour: string; scheduled: number; completed: number }[];
  // Hours between the first and last with nothing in them read as zero.
  const first = Number(rows[0]!.hour.slice(0, 2));
  const last = Number(rows[rows.length - 1]!.hour.slice(0, 2));
  return Array.from({ length: last - first + 1 }, (_, k) => {
    const hour = `${String(first + k).padStart(2, '0')}:00`;
    return rows.find((r) => r.hour === hour) ?? { hour, scheduled: 0, completed: 0 };
  });
}

function expectedOpenReferrals(db: Db) {
  return n(
    db,
    `SELECT COUNT(*) FROM (${FINAL}) f WHERE f.disposition = 'referred_secondary'
       AND f.client_id NOT IN (SELECT encounter_id FROM referral_signoffs)`,
  );
}

function expectedPhotos(db: Db) {
  const photos = `SELECT DISTINCT photo_sha256 AS sha FROM applicants WHERE port = 'SYS' AND service_date = '${DAY}' AND photo_sha256 IS NOT NULL`;
  return {
    total: n(db, `SELECT COUNT(*) FROM (${photos})`),
    done: n(
      db,
      `SELECT COUNT(*) FROM (${photos}) p WHERE EXISTS (SELECT 1 FROM face_templates t WHERE t.photo_sha256 = p.sha AND t.embedding IS NOT NULL)`,
    ),
    unusable: n(
      db,
      `SELECT COUNT(*) FROM (${photos}) p WHERE EXISTS (SELECT 1 FROM face_templates t WHERE t.photo_sha256 = p.sha)
         AND NOT EXISTS (SELECT 1 FROM face_templates t WHERE t.photo_sha256 = p.sha AND t.embedding IS NOT NULL)`,
    ),
  };
}

// The day's compared or hand-checked applicants, each with an age band worked out by date
// arithmetic (the service compares year and month-day strings).
const PEOPLE = `SELECT a.applicant_id, a.sex, a.nationality, a.language,
    CASE WHEN date(a.dob, '+60 years') <= a.service_date THEN '60plus'
      WHEN date(a.dob, '+45 years') <= a.service_date THEN '45-59'
      WHEN date(a.dob, '+30 years') <= a.service_date THEN '30-44'
      WHEN date(a.dob, '+18 years') <= a.service_date THEN '18-29'
      WHEN a.dob <= a.service_date THEN 'under18' ELSE 'unknown' END AS age
  FROM applicants a WHERE a.port = 'SYS' AND a.service_date = '${DAY}'
    AND (a.applicant_id IN (SELECT applicant_id FROM verifications) OR a.applicant_id IN (SELECT applicant_id FROM manual_checks))`;
// Model m1 has no calibration file: its liveness advisory threshold is the fallback, 0.5.
const ADVISORY = 0.5;

/** Verification counts over the day's people that `where` selects, each by its own query. */
function expectedCounts(db: Db, where: string) {
  const P = `SELECT applicant_id FROM (${PEOPLE}) WHERE ${where}`;
  const V = `SELECT * FROM verifications WHERE applicant_id IN (${P})`;
  const D = `SELECT f.disposition, f.manual_check_id, v.band FROM (${FINAL}) f
    LEFT JOIN verifications v ON v.id = f.verification_id WHERE f.applicant_id IN (${P})`;
  const agreed = `(judgement = 'same' AND band = 'MATCH') OR (judgement = 'different' AND band = 'NO_MATCH')`;
  const disagreed = `(judgement = 'same' AND band = 'NO_MATCH') OR (judgement = 'different' AND band = 'MATCH')`;
  const verifications = n(db, `SELECT COUNT(*) FROM (${V})`);
  return {
    applicants: n(db, `SELECT COUNT(*) FROM (${P})`),
    verifications,
    match: n(db, `SELECT COUNT(*) FROM (${V}) WHERE band = 'MATCH'`),
    inconclusive: n(db, `SELECT COUNT(*) FROM (${V}) WHERE band = 'INCONCLUSIVE'`),
    noMatch: n(db, `SELECT COUNT(*) FROM (${V}) WHERE band = 'NO_MATCH'`),
    noResult: n(db, `SELECT COUNT(*) FROM (${V}) WHERE band IS NULL`),
    retries: verifications - n(db, `SELECT COUNT(DISTINCT applicant_id) FROM (${V})`),
    retried: n(db, `SELECT COUNT(*) FROM (SELECT 1 FROM (${V}) GROUP BY applicant_id HAVING COUNT(*) > 1)`),
    manualChecks: n(db, `SELECT COUNT(*) FROM manual_checks WHERE applicant_id IN (${P})`),
    decidedOnManualCheck: n(
      db,
      `SELECT COUNT(*) FROM (${D}) WHERE manual_check_id IS NOT NULL AND disposition <> 'no_show'`,
    ),
    livenessAdvisories: n(db, `SELECT COUNT(*) FROM (${V}) WHERE liveness < ${ADVISORY}`),
    blind: n(db, `SELECT COUNT(*) FROM (${V}) WHERE blind = 1`),
    blindAgreed: n(db, `SELECT COUNT(*) FROM (${V}) WHERE blind = 1 AND (${agreed})`),
    blindDisagreed: n(db, `SELECT COUNT(*) FROM (${V}) WHERE blind = 1 AND (${disagreed})`),
    confirmedAfterNonMatch: n(
      db,
      `SELECT COUNT(*) FROM (${D}) WHERE disposition = 'processed' AND band IN ('INCONCLUSIVE', 'NO_MATCH')`,
    ),
    notConfirmedAfterMatch: n(
      db,
      `SELECT COUNT(*) FROM (${D}) WHERE disposition = 'identity_not_confirmed' AND band = 'MATCH'`,
    ),
  };
}

/**
 * Everyone, then each group of each dimension in order; a group of fewer than 10 applicants is
 * suppressed, and where a dimension has exactly one such group the next smallest is too.
 */
function expectedVerification(db: Db) {
  const groups = (['sex', 'age', 'nationality', 'language'] as const).flatMap((dimension) => {
    const values = db
      .prepare(`SELECT DISTINCT ${dimension} FROM (${PEOPLE}) ORDER BY 1`)
      .pluck()
      .all() as string[];
    const rows = values
      .sort((x, y) => x.localeCompare(y))
      .map((group) => ({ dimension, group, counts: expectedCounts(db, `${dimension} = '${group}'`) }));
    const small = rows.filter((r) => r.counts.applicants < 10);
    const hidden = new Set(small);
    if (small.length === 1) {
      const next = rows
        .filter((r) => !hidden.has(r))
        .sort((x, y) => x.counts.applicants - y.counts.applicants || x.group.localeCompare(y.group))[0];
      if (next) hidden.add(next);
    }
    return rows.map((r) =>
      hidden.has(r) ? { ...r, suppressed: true, counts: null } : { ...r, suppressed: false },
    );
  });
  return { overall: expectedCounts(db, '1'), groups, minGroup: 10 };
}

/** Per rule, the day's flags (open or reviewed) in one state each; precision of the day's and all reviews. */
function expectedFlagRules(db: Db) {
  const F = `SELECT * FROM flags WHERE applicant_id IN (SELECT applicant_id FROM applicants WHERE port = 'SYS' AND service_date = '${DAY}')
    AND (status = 'open' OR feedback IS NOT NULL)`;
  const known = RULES.map((r) => ({ ruleId: r.id, description: r.description, version: r.version }));
  const extra = (db.prepare(`SELECT DISTINCT rule_id FROM (${F}) ORDER BY 1`).pluck().all() as string[])
    .filter((id) => !RULES.some((r) => r.id === id))
    .map((ruleId) => ({ ruleId, description: '', version: 0 }));
  return [...known, ...extra].map((r) => {
    const c = (where: string) =>
      n(db, `SELECT COUNT(*) FROM (${F}) WHERE rule_id = '${r.ruleId}' AND ${where}`);
    const all = (verdict: string) =>
      n(db, `SELECT COUNT(*) FROM flags WHERE rule_id = '${r.ruleId}' AND feedback = '${verdict}'`);
    const confirmed = c("feedback = 'confirmed'");
    const falsePositive = c("feedback = 'false_positive'");
    const allReviewed = all('confirmed') + all('false_positive');
    return {
      ...r,
      open: c('feedback IS NULL AND acknowledged_at IS NULL'),
      acknowledged: c('feedback IS NULL AND acknowledged_at IS NOT NULL'),
      reviewed: c('feedback IS NOT NULL'),
      confirmed,
      falsePositive,
      precision: confirmed + falsePositive ? confirmed / (confirmed + falsePositive) : null,
      precisionAllDays: allReviewed ? all('confirmed') / allReviewed : null,
    };
  });
}

function expectDashboardMatchesTables(a: AppContext) {
  const d = arrivalsDashboard(a, { port: 'SYS', date: DAY });
  expect(d.port).toBe('SYS');
  expect(d.serviceDate).toBe(DAY);
  expect(d.figures).toEqual(expectedFigures(a.db));
  expect(d.perHour).toEqual(expectedHours(a.db));
  expect(d.booths).toEqual(expectedWork(a.db, 'booth'));
  expect(d.officers).toEqual(expectedWork(a.db, 'officer'));
  expect(d.openReferrals).toBe(expectedOpenReferrals(a.db));
  expect(d.enrolment).toEqual({ running: false, ...expectedPhotos(a.db) });
  expect(d.verification).toEqual(expectedVerification(a.db));
  expect(d.flagRules).toEqual(expectedFlagRules(a.db));
  return d;
}

describe('the supervisor day figures', () => {
  it('equal independent queries on a simulated day, corrections replacing what they correct', () => {
    app = testApp();
    seed(app);
    const d = expectDashboardMatchesTables(app);
    // The simulation is rich enough to mean something: several of each, and corrections did change outcomes.
    expect(d.booths).toHaveLength(3);
    expect(d.officers).toHaveLength(5);
    expect(d.figures.referred).toBeGreaterThan(3);
    expect(d.figures.stillToCome).toBeGreaterThan(10);
    // Verification and flags in every state the view distinguishes, a group suppressed by size and one beside it.
    const o = d.verification.overall;
    for (const k of [
      'retries',
      'manualChecks',
      'decidedOnManualCheck',
      'livenessAdvisories',
      'blindAgreed',
      'blindDisagreed',
      'confirmedAfterNonMatch',
      'notConfirmedAfterMatch',
    ] as const)
      expect(o[k], k).toBeGreaterThan(0);
    const sex = d.verification.groups.filter((g) => g.dimension === 'sex');
    expect(sex.map((g) => [g.group, g.suppressed])).toEqual([
      ['F', false],
      ['M', true],
      ['X', true],
    ]);
    expect(sex.find((g) => g.group === 'F')!.counts!.applicants).toBeGreaterThanOrEqual(10);
    expect(d.verification.groups.filter((g) => g.dimension === 'age').map((g) => g.group)).toEqual(
      expect.arrayContaining(['under18', '18-29', '30-44', '45-59', '60plus']),
    );
    const phone = d.flagRules.find((r) => r.ruleId === 'SHARED_PHONE')!;
    expect(phone.open + phone.acknowledged + phone.reviewed).toBeGreaterThan(3);
    expect(d.flagRules.some((r) => r.precision !== null && r.precision !== r.precisionAllDays)).toBe(true);
    expect(d.flagRules.at(-1)!.ruleId).toBe('RETIRED_RULE');
    expect(n(app.db, 'SELECT COUNT(*) FROM encounters WHERE supersedes IS NOT NULL')).toBeGreaterThan(15);
    const rows = n(
      app.db,
      `SELECT COUNT(*) FROM encounters e JOIN appointments ap USING (appointment_id) WHERE ap.port = 'SYS' AND ap.service_date = '${DAY}' AND e.disposition <> 'no_show'`,
    );
    expect(d.figures.completed).toBeLessThan(rows);
    const hours = d.perHour.reduce((s, h) => s + h.completed, 0);
    expect(hours).toBe(d.figures.completed);
    expect(d.perHour.reduce((s, h) => s + h.scheduled, 0)).toBe(d.figures.scheduled);
    // The other port and the other day are left out.
    expect(arrivalsDashboard(app, { port: 'HID', date: DAY }).figures.scheduled).toBe(10);
    expect(arrivalsDashboard(app, { port: 'SYS', date: '2026-11-21' }).figures.scheduled).toBe(10);

    // A correction later in the day: the case moves from processed to referred, counted once.
    const processed = app.db
      .prepare(`SELECT * FROM (${FINAL}) WHERE disposition = 'processed' LIMIT 1`)
      .get() as { client_id: string; completed_at: string };
    new EncounterRepository(app.db).insert({
      ...(app.db
        .prepare('SELECT * FROM encounters WHERE client_id = ?')
        .get(processed.client_id) as EncounterRow),
      client_id: 'late-fix',
      completed_at: iso(Date.parse(processed.completed_at) + 3_600_000),
      disposition: 'referred_secondary',
      supersedes: processed.client_id,
    });
    const after = expectDashboardMatchesTables(app);
    expect(after.figures.completed).toBe(d.figures.completed);
    expect(after.figures.referred).toBe(d.figures.referred + 1);
    expect(after.figures.processed).toBe(d.figures.processed - 1);
  });

  it('lists referrals with the note (audited), and a sign-off closes one, once, on the latest decision only', () => {
    app = testApp();
    seed(app);
    const open = arrivalsDashboard(app, { port: 'SYS', date: DAY }).openReferrals;
    const list = referralList(app, 'sup', { port: 'SYS', date: DAY });
    expect(list).toHaveLength(open);
    const audit = app.db
      .prepare("SELECT details FROM audit_log WHERE action = 'referral.list'")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toEqual({ rows: open, applicants: list.map((r) => r.applicantId) });
    const withFlags = list.find((r) => r.flags.length)!;
    expect(withFlags.flags).toEqual(['SHARED_PHONE']);
    expect(list.some((r) => r.note.includes('"held"'))).toBe(true);

    const first = list[0]!;
    const signed = signOffReferral(app, 'sup', {
      encounterId: first.encounterId,
      outcome: 'admitted',
      note: '  Cleared at secondary ',
    });
    expect(signed.signOff).toMatchObject({
      outcome: 'admitted',
      note: 'Cleared at secondary',
      supervisor: 'sup',
    });
    expect(() =>
      signOffReferral(app!, 'sup', {
        encounterId: first.encounterId,
        outcome: 'not_admitted',
        note: 'again',
      }),
    ).toThrow(/already signed off/);
    const replaced = app.db
      .prepare(
        "SELECT supersedes FROM encounters WHERE supersedes IS NOT NULL AND supersedes IN (SELECT client_id FROM encounters WHERE disposition = 'referred_secondary')",
      )
      .pluck()
      .get() as string;
    expect(() =>
      signOffReferral(app!, 'sup', { encounterId: replaced, outcome: 'admitted', note: 'old one' }),
    ).toThrow(/corrected by a later decision/);
    const notReferral = app.db
      .prepare("SELECT client_id FROM encounters WHERE disposition = 'processed'")
      .pluck()
      .get() as string;
    expect(() =>
      signOffReferral(app!, 'sup', { encounterId: notReferral, outcome: 'admitted', note: 'nope' }),
    ).toThrow(/not a referral/);
    expect(() =>
      signOffReferral(app!, 'sup', { encounterId: 'nothing', outcome: 'admitted', note: 'nope' }),
    ).toThrow(/No such decision/);
    const entries = app.db
      .prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'referral.sign_off'")
      .all() as { details: string }[];
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({
      encounterId: first.encounterId,
      outcome: 'admitted',
    });
    expectDashboardMatchesTables(app);
    expect(arrivalsDashboard(app, { port: 'SYS', date: DAY }).openReferrals).toBe(open - 1);
  });

  it("queues the day's flags with whom each is about and the case's decision (audited); a verdict keeps its place", async () => {
    app = testApp();
    seed(app);
    const DAY_FLAGS = `FROM flags f JOIN applicants a ON a.applicant_id = f.applicant_id
      WHERE a.port = 'SYS' AND a.service_date = '${DAY}' AND (f.status = 'open' OR f.feedback IS NOT NULL)`;
    const expected = () =>
      app!.db
        .prepare(
          `SELECT f.id, f.applicant_id, a.given_names || ' ' || a.family_names AS name,
             (SELECT disposition FROM (${FINAL}) d WHERE d.applicant_id = f.applicant_id) AS decision,
             f.feedback, f.feedback_by ${DAY_FLAGS}
           ORDER BY CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, f.computed_at DESC, f.id`,
        )
        .raw()
        .all();
    const shown = (v: ReturnType<typeof flagReview>) =>
      v.queue.map((f) => [f.id, f.applicantId, f.applicantName, f.decision, f.feedback, f.feedbackBy]);
    const view = flagReview(app, 'sup', { port: 'SYS', date: DAY });
    expect(shown(view)).toEqual(expected());
    expect(view.total).toBe(n(app.db, `SELECT COUNT(*) ${DAY_FLAGS}`));
    expect(view.queue.some((f) => f.decision === null) && view.queue.some((f) => f.decision)).toBe(true);
    const audit = app.db
      .prepare("SELECT subject, details FROM audit_log WHERE action = 'flags.review.view'")
      .get() as { subject: string; details: string };
    expect(audit.subject).toBe(`manifest:SYS:${DAY}`);
    expect(JSON.parse(audit.details)).toMatchObject({
      rows: view.queue.length,
      applicants: [...new Set(view.queue.map((f) => f.applicantId))],
    });
    // A verdict with a note: the flag keeps its place, and says who gave it, when, and why.
    const open = view.queue.find((f) => f.feedback === null)!;
    app.flags.feedback(open.id, 'sup2', 'confirmed', 'Same phone, same sponsor');
    const after = flagReview(app, 'sup', { port: 'SYS', date: DAY });
    expect(shown(after)).toEqual(expected());
    expect(after.queue.findIndex((f) => f.id === open.id)).toBe(view.queue.indexOf(open));
    expect(after.queue.find((f) => f.id === open.id)).toMatchObject({
      feedback: 'confirmed',
      feedbackBy: 'sup2',
      feedbackNote: 'Same phone, same sponsor',
      feedbackAt: expect.stringMatching(/^\d{4}-/),
    });
    // No port: nothing to show, still audited.
    await app.close();
    app = testApp();
    expect(flagReview(app, 'sup', {})).toMatchObject({ queue: [], total: 0 });
  });

  it("defaults to today at the console's port, and says so when there is none", () => {
    app = testApp();
    seed(app);
    const none = arrivalsDashboard(app, {});
    expect(none).toMatchObject({ port: null, serviceDate: null, perHour: [], booths: [], openReferrals: 0 });
    expect(none.figures.scheduled).toBe(0);
    app.demo = { port: 'SYS', feedUrl: '', publisherKeys: {} };
    // 23:30Z on the 23rd is still the 22nd in San Ysidro.
    const today = arrivalsDashboard(app, {}, new Date('2026-11-23T07:30:00Z'));
    expect(today.serviceDate).toBe(DAY);
    expect(today.figures).toEqual(expectedFigures(app.db));
    expect(() => arrivalsDashboard(app!, { port: 'XXX' })).toThrow(/Unknown port XXX/);
  });

  it('labels UTC hours in the port zone, fills quiet hours, and merges the hour a clock goes back', () => {
    const h = (iso: string) => Date.parse(iso) / 3_600_000;
    expect(
      localHours(
        [
          { h: h('2026-11-22T15:00:00Z'), scheduled: 2, completed: 1 },
          { h: h('2026-11-22T18:00:00Z'), scheduled: 0, completed: 3 },
        ],
        'America/Los_Angeles',
      ),
    ).toEqual([
      { hour: '07:00', scheduled: 2, completed: 1 },
      { hour: '08:00', scheduled: 0, completed: 0 },
      { hour: '09:00', scheduled: 0, completed: 0 },
      { hour: '10:00', scheduled: 0, completed: 3 },
    ]);
    // 1 November 2026: 01:00 PDT (08:00Z) and 01:00 PST (09:00Z) are both "01:00".
    expect(
      localHours(
        [
          { h: h('2026-11-01T08:00:00Z'), scheduled: 1, completed: 0 },
          { h: h('2026-11-01T09:00:00Z'), scheduled: 1, completed: 2 },
        ],
        'America/Los_Angeles',
      ),
    ).toEqual([{ hour: '01:00', scheduled: 2, completed: 2 }]);
    expect(localHours([], 'America/Chicago')).toEqual([]);
  });
});
