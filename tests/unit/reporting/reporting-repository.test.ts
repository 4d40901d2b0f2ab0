// Runs in: vitest (Node, real SQLite file). The supervisor's day figures: counts per disposition
// and verification band for one port-day only, decision times bucketed per local hour, and the
// dashboard that puts them together for the console's port.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { Outbox } from '../../../main/sync/outbox';
import { ReportingRepository } from '../../../main/reporting/reporting-repository';
import { arrivalsDashboard, perHour } from '../../../main/reporting/dashboard';
import { applicant } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
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

describe('reporting repository', () => {
  it('counts one port-day only: decisions by disposition, verifications by band (none when no comparison)', () => {
    app = testApp();
    seed(app);
    const repo = new ReportingRepository(app.db);
    expect(repo.dispositions('SYS', DAY)).toEqual({ processed: 2, referred_secondary: 1, no_show: 1 });
    expect(repo.verificationBands('SYS', DAY)).toEqual({ MATCH: 2, NO_MATCH: 1, none: 1 });
    expect(repo.completedTimes('SYS', DAY).sort()).toEqual([
      '2026-11-22T15:10:00Z',
      '2026-11-22T15:50:00Z',
      '2026-11-22T16:05:00Z',
      '2026-11-22T23:30:00Z',
    ]);
    expect(repo.dispositions('HID', DAY)).toEqual({ processed: 1 });
    expect(repo.dispositions('NOG', DAY)).toEqual({});
    expect(repo.verificationBands('NOG', DAY)).toEqual({});
    expect(repo.completedTimes('NOG', DAY)).toEqual([]);
  });

  it('buckets decision times per hour in the port time zone, in hour order', () => {
    const times = ['23:30', '15:10', '16:05', '15:50'].map((t) => `2026-11-22T${t}:00Z`);
    expect(perHour(times, 'America/Los_Angeles')).toEqual([
      { hour: '07:00', completed: 2 },
      { hour: '08:00', completed: 1 },
      { hour: '15:00', completed: 1 },
    ]);
    expect(perHour([], 'America/Chicago')).toEqual([]);
  });

  it("the dashboard reports the console's port-day, with uploads waiting and enrolment", () => {
    app = testApp();
    seed(app);
    new Outbox(app.db).enqueue('encounter', 'A0', { note: '' });
    const now = new Date('2026-11-22T20:00:00Z');
    expect(arrivalsDashboard(app, now)).toEqual({
      port: null,
      serviceDate: null,
      appointments: {},
      dispositions: {},
      verificationBands: {},
      perHour: [],
      pendingUploads: 1,
      enrolment: { running: false, done: 0, total: 0, unusable: 0 },
    });
    app.demo = { port: 'SYS', feedUrl: '', publisherKeys: {} };
    expect(arrivalsDashboard(app, now)).toEqual({
      port: 'SYS',
      serviceDate: DAY,
      appointments: { scheduled: 5 },
      dispositions: { processed: 2, referred_secondary: 1, no_show: 1 },
      verificationBands: { MATCH: 2, NO_MATCH: 1, none: 1 },
      perHour: [
        { hour: '07:00', completed: 2 },
        { hour: '08:00', completed: 1 },
        { hour: '15:00', completed: 1 },
      ],
      pendingUploads: 1,
      enrolment: { running: false, done: 0, total: 0, unusable: 0 },
    });
  });
});
