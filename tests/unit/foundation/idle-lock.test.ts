// Runs in: vitest (Node, real SQLite file). The idle lock through the real router, on a clock the
// test moves: background polls never keep a session open, only reported input does; a locked
// session's calls for personal data are refused; wrong unlock passwords count towards the
// account's lockout and say so plainly, without a username.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { AccountService, LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '../../../main/auth/account-service';
import { SessionStore } from '../../../main/auth/session-store';
import { portByCode, serviceDateAt } from '../../../main/domain/ports';
import { createRouter, type Router } from '../../../main/ipc/router';
import { testApp } from '../../helpers/app';
import { applicant } from '../../helpers/memory-feed';
import { seedPortDay } from '../../helpers/port-day';
import { signInUsers, USER_PASSWORD } from '../../helpers/sessions';

const IDLE_MS = 60_000;
const START = Date.parse('2026-12-01T20:00:00Z');

let app: AppContext | undefined;
afterEach(() => app?.close());

/** An officer signed in on connection 'booth', with a one-minute idle lock on the test's clock. */
async function booth(): Promise<{ route: Router; tick: (ms: number) => void; now: () => number }> {
  app = testApp();
  app.demo = { port: 'SYS', feedUrl: '', publisherKeys: {} };
  let t = START;
  const now = () => t;
  app.sessions = new SessionStore(() => IDLE_MS, now);
  app.accounts = new AccountService(app.db, app.audit, () => new Date(t));
  seedPortDay(app.db, 'SYS', serviceDateAt(portByCode('SYS')!), [applicant(1, { photo: null })]);
  const route = createRouter(app);
  await signInUsers(route, [
    { username: 'u.officer', displayName: 'Officer One', role: 'officer', connection: 'booth' },
  ]);
  return { route, tick: (ms) => void (t += ms), now };
}

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('idle lock', () => {
  it('locks after the idle time although the status area polls every 5 s', async () => {
    const { route, tick } = await booth();
    const polls: string[] = [];
    for (let s = 5; s <= 120; s += 5) {
      tick(5_000);
      polls.push(`${s}:${code(await route('sync.status', {}, 'booth'))}`);
    }
    // Open up to the minute, locked after it: the polls themselves never counted as activity.
    expect(polls.slice(0, 12).every((p) => p.endsWith(':ok'))).toBe(true);
    expect(polls.slice(12).every((p) => p.endsWith(':SESSION_LOCKED'))).toBe(true);
    for (const [channel, req] of [
      ['applicant.get', { applicantId: 'A1' }],
      ['queue.today', {}],
    ] as const) {
      expect(await route(channel, req, 'booth')).toMatchObject({
        ok: false,
        error: { code: 'SESSION_LOCKED' },
      });
    }
    expect(await route('auth.session', {}, 'booth')).toMatchObject({
      ok: true,
      value: { locked: true, user: { username: 'u.officer' } },
    });
  });

  it('reported input keeps the session open; the lock comes a minute after the last input', async () => {
    const { route, tick } = await booth();
    for (let i = 0; i < 6; i++) {
      tick(40_000);
      expect(code(await route('auth.activity', {}, 'booth'))).toBe('ok');
      expect(code(await route('applicant.get', { applicantId: 'A1' }, 'booth'))).toBe('ok');
    }
    tick(IDLE_MS);
    expect(code(await route('applicant.get', { applicantId: 'A1' }, 'booth'))).toBe('ok');
    tick(1);
    expect(code(await route('applicant.get', { applicantId: 'A1' }, 'booth'))).toBe('SESSION_LOCKED');
    // Input reported once locked does not unlock it.
    expect(code(await route('auth.activity', {}, 'booth'))).toBe('SESSION_LOCKED');
    expect(code(await route('applicant.get', { applicantId: 'A1' }, 'booth'))).toBe('SESSION_LOCKED');
  });

  it('the renderer can lock at once (audited); the password unlocks it', async () => {
    const { route } = await booth();
    expect(await route('auth.lock', { reason: 'idle' }, 'booth')).toMatchObject({
      ok: true,
      value: { locked: true },
    });
    expect(app!.audit.recent(5).find((e) => e.action === 'auth.lock')).toMatchObject({
      actor: 'u.officer',
      details: { reason: 'idle' },
    });
    expect(code(await route('applicant.get', { applicantId: 'A1' }, 'booth'))).toBe('SESSION_LOCKED');
    expect(await route('auth.unlock', { password: USER_PASSWORD }, 'booth')).toMatchObject({
      ok: true,
      value: { locked: false, user: { username: 'u.officer' } },
    });
    expect(code(await route('applicant.get', { applicantId: 'A1' }, 'booth'))).toBe('ok');
    expect(app!.audit.recent(5).some((e) => e.action === 'auth.unlock')).toBe(true);
  });

  it('wrong unlock passwords count down, then lock the account until a time; the session stays locked', async () => {
    const { route, tick, now } = await booth();
    await route('auth.lock', { reason: 'idle' }, 'booth');
    const refusals = [];
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const r = await route('auth.unlock', { password: `wrong-${i}` }, 'booth');
      expect(r.ok).toBe(false);
      if (!r.ok) refusals.push(r.error);
    }
    expect(refusals.map((e) => [e.code, e.details?.attemptsLeft])).toEqual([
      ['BAD_CREDENTIALS', 4],
      ['BAD_CREDENTIALS', 3],
      ['BAD_CREDENTIALS', 2],
      ['BAD_CREDENTIALS', 1],
    ]);
    expect(refusals[1]!.message).toBe('Wrong password. 3 attempts left before the account is locked.');
    expect(refusals[3]!.message).toBe('Wrong password. 1 attempt left before the account is locked.');
    const fifth = await route('auth.unlock', { password: 'wrong-5' }, 'booth');
    const until = new Date(now() + LOCKOUT_MS).toISOString();
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', details: { lockedUntil: until } },
    });
    // While the account is locked even the right password is refused, with the same time.
    tick(4 * 60_000);
    const early = await route('auth.unlock', { password: USER_PASSWORD }, 'booth');
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', details: { lockedUntil: until } },
    });
    expect(!early.ok && early.error.message).toBe(
      'Too many wrong passwords: the account is locked for 1 more minute. An administrator can unlock it sooner.',
    );
    for (const r of [...refusals, !fifth.ok && fifth.error, !early.ok && early.error])
      expect(JSON.stringify(r)).not.toMatch(/u\.officer|username/i);
    // Not signed out: the lock screen stays, for the same officer.
    expect(await route('auth.session', {}, 'booth')).toMatchObject({
      ok: true,
      value: { locked: true, user: { username: 'u.officer' } },
    });
    // The same lockout holds at sign-in, on another machine.
    expect(
      code(await route('auth.signIn', { username: 'u.officer', password: USER_PASSWORD }, 'other')),
    ).toBe('ACCOUNT_LOCKED');
    tick(60_000);
    expect(code(await route('auth.unlock', { password: USER_PASSWORD }, 'booth'))).toBe('ok');
    expect(code(await route('applicant.get', { applicantId: 'A1' }, 'booth'))).toBe('ok');
    const audit = app!.audit.recent(30).map((e) => e.action);
    expect(audit.filter((a) => a === 'auth.unlock_failed')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(audit).toContain('auth.unlock_refused_locked');
  });

  it('a correct unlock resets the count of wrong passwords', async () => {
    const { route } = await booth();
    await route('auth.lock', { reason: 'asked' }, 'booth');
    for (let i = 0; i < 3; i++) await route('auth.unlock', { password: 'wrong' }, 'booth');
    expect(code(await route('auth.unlock', { password: USER_PASSWORD }, 'booth'))).toBe('ok');
    await route('auth.lock', { reason: 'asked' }, 'booth');
    const r = await route('auth.unlock', { password: 'wrong' }, 'booth');
    expect(!r.ok && r.error.details).toEqual({ attemptsLeft: MAX_FAILED_ATTEMPTS - 1 });
  });
});
