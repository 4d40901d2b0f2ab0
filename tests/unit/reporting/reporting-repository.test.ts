// Runs in: vitest (Node, real SQLite file). The supervisor's day figures: cases by decision and
// verifications by band for one port-day only, completions per hour, and the dashboard that puts
// them together for the console's port (the simulated day is in day-figures.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { Outbox } from '../../../main/sync/outbox';
import { ReportingRepository } from '../../../main/reporting/reporting-repository';
import { arrivalsDashboard, computeDashboard } from '../../../main/reporting/dashboard';
import { RULES } from '../../../main/flags/rules/index';
import { applicant } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
import { ruleDayRow } from '../../helpers/rule-day-row';
import { seedPortDay } from '../../helpers/port-day';

let app: AppContext | undefined;
afterEach(() => app?.close());

const DAY = '2026-11-22';

const seedDay = (a: AppContext, port: string, date: string, ids: number[]) =>
  seedPortDay(
    a.db,
    port,
    date,
    ids.map((i) => applicant(i, { photo: null })),
  );

function encounter(a: AppContext, i: number, disposition: string, completedAt: string): void {
  a.db
    .prepare(
      `INSERT INTO encounters (client_id, applicant_id, appointment_id, officer, booth, arrived_at, completed_at, disposition, note, verification_id, flags_acknowledged, supersedes)
       VALUES (?, ?, ?, 'ofc', 'B1', ?, ?, ?, '', NULL, '[]', NULL)`,
    )
    .run(`E${i}`, `A${i}`, `AP${i}`, completedAt, completedAt, disposition);
}

function verification(a: AppContext, i: number, band: string | null): void {
  a.db
    .prepare(
      `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold, inconclusive_threshold, liveness, quality_reasons, model_version, total_ms)
       VALUES (?, 'ofc', '2026-11-22T15:00:00Z', 'c', ?, 0.5, 0.47, 0.37, 0.9, '[]', 'm1', 20)`,
    )
    .run(`A${i}`, band);
}

/** SYS on DAY: A0..A4; another port (HID) on the same day and SYS on the day before, to be left out. */
function seed(a: AppContext): void {
  seedDay(a, 'SYS', DAY, [0, 1, 2, 3, 4]);
  seedDay(a, 'HID', DAY, [10, 11]);
  seedDay(a, 'SYS', '2026-11-21', [20]);
  // San Ysidro is on Pacific time: 15:10Z and 15:50Z are 07:xx, 16:05Z is 08:05, 23:30Z is 15:30.
  encounter(a, 0, 'processed', '2026-11-22T15:10:00Z');
  encounter(a, 1, 'processed', '2026-11-22T15:50:00Z');
  encounter(a, 2, 'referred_secondary', '2026-11-22T16:05:00Z');
  encounter(a, 3, 'no_show', '2026-11-22T23:30:00Z');
  encounter(a, 10, 'processed', '2026-11-22T15:10:00Z');
  encounter(a, 20, 'processed', '2026-11-21T15:10:00Z');
  verification(a, 0, 'MATCH');
  verification(a, 1, 'MATCH');
  verification(a, 2, 'NO_MATCH');
  verification(a, 4, null);
  verification(a, 10, 'INCONCLUSIVE');
  verification(a, 20, 'MATCH');
}

const FIGURES = (over: Partial<Record<string, number>>) => ({
  scheduled: 0,
  arrived: 0,
  completed: 0,
  processed: 0,
  referred: 0,
  identityNotConfirmed: 0,
  noShow: 0,
  stillToCome: 0,
  ...over,
});

/** San Ysidro's day in seed(): 5 cases, 2 processed, 1 referred, 1 no-show, 1 still to come. */
const SYS_FIGURES = FIGURES({
  scheduled: 5,
  arrived: 3,
  completed: 3,
  processed: 2,
  referred: 1,
  noShow: 1,
  stillToCome: 1,
});

/** Every verification counter at zero, then the ones a case sets. */
const COUNTS = (over: Partial<Record<string, number>>) => ({
  applicants: 0,
  verifications: 0,
  match: 0,
  inconclusive: 0,
  noMatch: 0,
  noResult: 0,
  retries: 0,
  retried: 0,
  manualChecks: 0,
  decidedOnManualCheck: 0,
  livenessAdvisories: 0,
  blind: 0,
  blindAgreed: 0,
  blindDisagreed: 0,
  confirmedAfterNonMatch: 0,
  notConfirmedAfterMatch: 0,
  ...over,
});

// SYS's four compared applicants (A0..A2, A4), all born 1990-01-01, female, VEN, es: each
// dimension one group of four, under the ten a group needs to be shown.
const SYS_VERIFICATION = {
  overall: COUNTS({ applicants: 4, verifications: 4, match: 2, noMatch: 1, noResult: 1 }),
  groups: [
    ['sex', 'F'],
    ['age', '30-44'],
    ['nationality', 'VEN'],
    ['language', 'es'],
  ].map(([dimension, group]) => ({ dimension, group, suppressed: true, counts: null })),
  minGroup: 10,
};

/** No flag on the day: every rule, in the engine's order, at zero. */
const NO_FLAGS = RULES.map((r) =>
  ruleDayRow({ ruleId: r.id, description: r.description, version: r.version }),
);

describe('reporting repository', () => {
  it('counts one port-day only: cases by decision', () => {
    app = testApp();
    seed(app);
    const repo = new ReportingRepository(app.db);
    const sys = { port: 'SYS', date: DAY };
    expect(repo.day(sys).figures).toEqual(SYS_FIGURES);
    // Completions per UTC hour: 15:10Z and 15:50Z, 16:05Z; the no-show is no completion.
    expect(
      repo.day(sys).perUtcHour.map((r) => [new Date(r.h * 3_600_000).toISOString(), r.completed]),
    ).toEqual([
      ['2026-11-22T15:00:00.000Z', 2],
      ['2026-11-22T16:00:00.000Z', 1],
    ]);
    expect(repo.day({ port: 'HID', date: DAY }).figures).toEqual(
      FIGURES({ scheduled: 2, arrived: 1, completed: 1, processed: 1, stillToCome: 1 }),
    );
    const nog = { port: 'NOG', date: DAY };
    expect(repo.day(nog)).toEqual({
      figures: FIGURES({}),
      perUtcHour: [],
      booths: [],
      officers: [],
      openReferrals: 0,
      verification: [{ dimension: 'all', grp: '', ...COUNTS({}) }],
      flagRules: [],
    });
  });

  it("the dashboard reports the console's port-day, with uploads waiting and enrolment", () => {
    app = testApp();
    seed(app);
    new Outbox(app.db).enqueue('encounter', 'A0', { note: '' });
    const now = new Date('2026-11-22T20:00:00Z');
    expect(arrivalsDashboard(app, {}, now)).toEqual({
      port: null,
      serviceDate: null,
      timeZone: null,
      figures: FIGURES({}),
      perHour: [],
      booths: [],
      officers: [],
      appointments: {},
      verification: { overall: COUNTS({}), groups: [], minGroup: 10 },
      flagRules: NO_FLAGS,
      openReferrals: 0,
      pendingUploads: 1,
      enrolment: { running: false, done: 0, total: 0, unusable: 0 },
    });
    app.demo = { port: 'SYS', feedUrl: '', publisherKeys: {} };
    const work = (key: string) => ({ key, cases: 3, medianMinutes: 0, p90Minutes: 0, referrals: 1 });
    expect(arrivalsDashboard(app, {}, now)).toEqual({
      port: 'SYS',
      serviceDate: DAY,
      timeZone: 'America/Los_Angeles',
      figures: SYS_FIGURES,
      // San Ysidro is on Pacific time: every slot is 15:00Z (07:00); 15:10Z and 15:50Z are 07:xx,
      // 16:05Z is 08:05.
      perHour: [
        { hour: '07:00', scheduled: 5, completed: 2 },
        { hour: '08:00', scheduled: 0, completed: 1 },
      ],
      booths: [work('B1')],
      officers: [work('ofc')],
      appointments: { scheduled: 5 },
      verification: SYS_VERIFICATION,
      flagRules: NO_FLAGS,
      openReferrals: 1,
      pendingUploads: 1,
      enrolment: { running: false, done: 0, total: 0, unusable: 0 },
    });
  });

  it('answers a poll from the last answer until something is written, and then counts afresh', () => {
    app = testApp();
    seed(app);
    const day = { port: 'SYS', date: DAY };
    const first = arrivalsDashboard(app, day);
    expect(arrivalsDashboard(app, day)).toEqual(first);
    expect(computeDashboard(app, day)).toEqual(first);
    // Another port-day is its own answer.
    expect(arrivalsDashboard(app, { port: 'HID', date: DAY }).figures.scheduled).toBe(2);
    expect(arrivalsDashboard(app, day)).toEqual(first);
    encounter(app, 4, 'processed', '2026-11-22T17:00:00Z');
    const after = arrivalsDashboard(app, day);
    expect(after.figures.completed).toBe(first.figures.completed + 1);
    expect(after).toEqual(computeDashboard(app, day));
  });
});
