// Runs in: vitest (Node, real SQLite file). The dashboard's kept working state: after each kind of
// change (a completed case, a correction, a face comparison, a manual check, a flag reviewed, an
// appointment's status, a purge, a write by another connection, another port-day asked for) the
// figures it gives equal the figures computed afresh on another connection to the same file, and
// it followed the change rather than filling afresh where it can.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { EncounterRepository, type EncounterRow } from '../../../main/encounter/encounter-repository';
import { ManualCheckRepository } from '../../../main/encounter/manual-check-repository';
import { arrivalsDashboard, computeDashboard } from '../../../main/reporting/dashboard';
import { DayStateRepository } from '../../../main/reporting/day-state-repository';
import { purgeExpired } from '../../../main/sync/retention';
import { testApp } from '../../helpers/app';
import { applicant } from '../../helpers/memory-feed';
import { seedPortDay } from '../../helpers/port-day';
import { tempDir } from '../../helpers/temp-dir';

const apps: AppContext[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

const OLD = '2026-11-21';
const DAY = '2026-11-22';
const iso = (ms: number) => new Date(ms).toISOString();

/** Two port-days of 60 applicants each (A0… on the old day, A100… on the day), of mixed group fields. */
function seed(a: AppContext): void {
  const people = (from: number) =>
    Array.from({ length: 60 }, (_, k) =>
      applicant(from + k, {
        sex: (['F', 'M', 'X'] as const)[k % 3],
        dob: `${1950 + ((k * 7) % 60)}-0${1 + (k % 9)}-1${k % 10}`,
        nationality: ['MEX', 'VEN', 'HND'][k % 3]!,
        language: ['es', 'pt'][k % 2]!,
      }),
    );
  seedPortDay(a.db, 'SYS', OLD, people(0));
  seedPortDay(a.db, 'SYS', DAY, people(100));
}

const verify = (a: AppContext, i: number, band: string | null, model = 'm1', blind = 0): number =>
  Number(
    a.db
      .prepare(
        `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold,
           inconclusive_threshold, liveness, quality_reasons, model_version, total_ms, blind, judgement)
         VALUES (?, 'ofc1', ?, 'c', ?, 0.5, 0.47, 0.37, ?, '[]', ?, 20, ?, ?)`,
      )
      .run(
        `A${i}`,
        iso(Date.parse(`${DAY}T15:05:00Z`) + i * 1000),
        band,
        i % 4 ? 0.9 : 0.1,
        model,
        blind,
        blind ? 'same' : null,
      ).lastInsertRowid,
  );

/** A case decided at the booth as the service writes it: the decision, then the appointment's status. */
function decide(
  a: AppContext,
  i: number,
  disposition: EncounterRow['disposition'],
  extra: Partial<EncounterRow> = {},
) {
  const date = i >= 100 ? DAY : OLD;
  const arrived = Date.parse(`${date}T15:00:00Z`) + (i % 7) * 60_000;
  a.db.transaction(() => {
    new EncounterRepository(a.db).insert({
      client_id: `E${i}-${Math.random().toString(36).slice(2)}`,
      applicant_id: `A${i}`,
      appointment_id: `AP${i}`,
      officer: `ofc${i % 3}`,
      booth: `Booth ${i % 2}`,
      arrived_at: iso(arrived),
      completed_at: iso(arrived + (3 + (i % 11)) * 60_000),
      disposition,
      note: '',
      verification_id: null,
      manual_check_id: null,
      flags_acknowledged: '[]',
      supersedes: null,
      ...extra,
    });
    a.db
      .prepare('UPDATE appointments SET status = ? WHERE appointment_id = ?')
      .run(disposition === 'no_show' ? 'no_show' : 'completed', `AP${i}`);
  })();
}

/** Booth work on a port-day's applicants from..from+39: comparisons (retries), checks, decisions, flags. */
function simulate(a: AppContext, from: number): void {
  const kinds = ['processed', 'referred_secondary', 'identity_not_confirmed', 'no_show'] as const;
  for (let i = from; i < from + 40; i++) {
    let v = verify(a, i, ['MATCH', 'INCONCLUSIVE', 'NO_MATCH', null][i % 4]!, 'm1', i % 5 === 0 ? 1 : 0);
    if (i % 3 === 0) v = verify(a, i, 'MATCH');
    const check =
      i % 6 === 0
        ? new ManualCheckRepository(a.db).insert({
            applicant_id: `A${i}`,
            officer: 'ofc1',
            at: iso(Date.parse(`${DAY}T15:10:00Z`)),
            reason: 'Passport inspected',
            attempts: 2,
            unsuccessful: 2,
          }).id
        : null;
    decide(a, i, kinds[i % kinds.length]!, { verification_id: v, manual_check_id: check });
  }
  const flag = a.db.prepare(
    `INSERT INTO flags (applicant_id, rule_id, rule_version, match_key, severity, evidence, explanation, status, computed_at)
     VALUES (?, 'SHARED_PHONE', 1, ?, 'medium', '{}', 'x', 'open', '2026-11-22T06:00:00Z')`,
  );
  for (let i = from; i < from + 60; i += 4) flag.run(`A${i}`, `k${i}`);
}

describe("the dashboard's kept working state", () => {
  it('equals a fresh count on another connection after every kind of change, following what it can', () => {
    const dir = tempDir();
    const app = testApp(dir);
    apps.push(app);
    seed(app);
    simulate(app, 0);
    simulate(app, 100);
    // Another connection to the same file, opened before the first report: it only reads from here on.
    const other = testApp(dir);
    apps.push(other);
    const state = new DayStateRepository(app.db);
    const expectSame = (date: string, how: 'filled' | 'followed') => {
      const kept = arrivalsDashboard(app, { port: 'SYS', date });
      expect(state.lastUpdate()).toBe(how);
      expect(kept).toEqual(computeDashboard(other, { port: 'SYS', date }));
      return kept;
    };
    expect(state.lastUpdate()).toBeNull();
    const first = expectSame(DAY, 'filled');
    expect(first.figures.completed).toBeGreaterThan(20);
    expect(first.verification.overall.retries).toBeGreaterThan(5);

    // A booth completes a case, with a comparison of a model version the day had not seen.
    decide(app, 150, 'processed', { verification_id: verify(app, 150, 'MATCH', 'm2') });
    const completed = expectSame(DAY, 'followed');
    expect(completed.figures.completed).toBe(first.figures.completed + 1);
    // A correction replaces the decision it corrects: referred instead of processed, counted once.
    decide(app, 150, 'referred_secondary', { completed_at: iso(Date.parse(`${DAY}T18:00:00Z`)) });
    const corrected = expectSame(DAY, 'followed');
    expect(corrected.figures.completed).toBe(completed.figures.completed);
    expect(corrected.figures.referred).toBe(completed.figures.referred + 1);
    // A retry on a decided case, and a first comparison of someone not yet decided.
    verify(app, 101, 'NO_MATCH');
    verify(app, 155, 'INCONCLUSIVE', 'm1', 1);
    expect(expectSame(DAY, 'followed').verification.overall.verifications).toBe(
      corrected.verification.overall.verifications + 2,
    );
    // A manual identity check.
    new ManualCheckRepository(app.db).insert({
      applicant_id: 'A156',
      officer: 'ofc2',
      at: `${DAY}T16:00:00Z`,
      reason: 'Passport inspected',
      attempts: 1,
      unsuccessful: 1,
    });
    expectSame(DAY, 'followed');
    // A flag reviewed by a supervisor, and one acknowledged by an officer.
    app.db
      .prepare(
        "UPDATE flags SET feedback = 'confirmed', feedback_by = 'sup', feedback_at = ? WHERE applicant_id = 'A104'",
      )
      .run(`${DAY}T17:00:00Z`);
    app.db
      .prepare("UPDATE flags SET acknowledged_by = 'ofc1', acknowledged_at = ? WHERE applicant_id = 'A108'")
      .run(`${DAY}T17:00:00Z`);
    const reviewed = expectSame(DAY, 'followed');
    expect(reviewed.flagRules.find((r) => r.ruleId === 'SHARED_PHONE')!.reviewed).toBe(1);
    // Appointments change in place: one arrives, one is cancelled, a decided one is cancelled, one moves.
    const status = app.db.prepare('UPDATE appointments SET status = ? WHERE appointment_id = ?');
    status.run('arrived', 'AP157');
    status.run('cancelled', 'AP158');
    status.run('cancelled', 'AP102');
    app.db
      .prepare("UPDATE appointments SET status = 'rescheduled', slot = ? WHERE appointment_id = 'AP159'")
      .run(`${DAY}T19:30:00Z`);
    const moved = expectSame(DAY, 'followed');
    expect(moved.figures.arrived).toBe(reviewed.figures.arrived + 1);
    expect(moved.perHour.length).toBeGreaterThan(reviewed.perHour.length);

    // Another port-day is filled for itself, and the first one again after it.
    const old = expectSame(OLD, 'filled');
    expect(old.figures.completed).toBeGreaterThan(20);
    expectSame(DAY, 'filled');
    // The old day purged under the retention rule: what it held is gone, followed row by row.
    expectSame(OLD, 'filled');
    const purged = purgeExpired(app, 1, 'test', new Date('2026-11-23T12:00:00Z'));
    expect(purged.applicants).toBe(60);
    const gone = expectSame(OLD, 'followed');
    expect(gone.figures.completed).toBe(0);
    expect(gone.verification.overall.applicants).toBe(0);

    // A write by another connection to the same file: seen by data_version, and filled afresh.
    expectSame(DAY, 'filled');
    decide(other, 145, 'processed');
    const elsewhere = expectSame(DAY, 'filled');
    expect(elsewhere.figures.completed).toBe(moved.figures.completed + 1);
    // And the next change here is followed again.
    decide(app, 146, 'no_show');
    expect(expectSame(DAY, 'followed').figures.noShow).toBe(elsewhere.figures.noShow + 1);
  });
});
