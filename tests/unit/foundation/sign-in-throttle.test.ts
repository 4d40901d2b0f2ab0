// Runs in: tests (Node). Sign-in throttling per connection and for the whole console, on an
// injected clock (nothing waits), and the CLI recovery from a lockout of the last admin.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { SIGN_IN_THROTTLE, SignInThrottle, throttleDelay } from '../../../main/auth/sign-in-throttle';
import { createRouter } from '../../../main/ipc/router';
import { testApp } from '../../helpers/app';
import { arrivals } from '../../helpers/cli';
import { ADMIN } from '../../helpers/sessions';

let app: AppContext | undefined;
afterEach(() => app?.close());

describe('sign-in throttle', () => {
  it('delays each connection exponentially after its free failures, and the console as a whole', () => {
    const rule = SIGN_IN_THROTTLE.perConnection;
    expect([5, 6, 7, 8, 30].map((n) => throttleDelay(n, rule))).toEqual([0, 1_000, 2_000, 4_000, 300_000]);
    let t = 1_000_000;
    const th = new SignInThrottle(() => t);
    for (let i = 0; i < 5; i++) th.failed('x');
    expect(th.waitMs('x')).toBe(0);
    th.failed('x');
    expect(th.waitMs('x')).toBe(1_000);
    t += 400;
    expect(th.waitMs('x')).toBe(600);
    th.failed('x');
    expect(th.waitMs('x')).toBe(2_000);
    // A new connection id for each guess does not help: past twenty failures in all, everyone waits.
    for (let i = 0; i < 13; i++) th.failed(`c${i}`);
    expect(th.waitMs('new')).toBe(0);
    th.failed('c13');
    expect(th.waitMs('new')).toBe(500);
    th.failed('c14');
    expect(th.waitMs('new')).toBe(1_000);
    // A success clears its connection and takes back its own count: the console still waits for
    // the failures before it. A quiet spell forgets everything.
    th.succeeded('x');
    expect(th.waitMs('x')).toBe(500);
    t += SIGN_IN_THROTTLE.forgetAfterMs + 1;
    expect(th.waitMs('x')).toBe(0);
    expect(th.waitMs('new')).toBe(0);
  });

  it('refuses a throttled attempt before any password check, and lets it through once the delay is over', async () => {
    app = testApp();
    let t = 5_000_000;
    app.signInThrottle = new SignInThrottle(() => t);
    const route = createRouter(app);
    await route('auth.setup', { ...ADMIN, displayName: 'Admin' }, 'setup');
    // Guesses at names that do not exist: five free failures, then a sixth, after which a second's
    // wait; within it, even the right password of another account is not looked at.
    for (let i = 0; i < 6; i++)
      expect(
        await route('auth.signIn', { username: `guess.${i}`, password: 'not-the-password' }, 'x'),
      ).toMatchObject({
        error: { code: 'BAD_CREDENTIALS' },
      });
    expect(await route('auth.signIn', ADMIN, 'x')).toMatchObject({
      ok: false,
      error: {
        code: 'TOO_MANY_ATTEMPTS',
        message: 'Too many sign-in attempts. Wait 1 second, then try again.',
        details: { retryAfterMs: 1_000 },
      },
    });
    const before = app.audit.head().seq;
    expect(await route('auth.signIn', ADMIN, 'x')).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    // A refused attempt checked nothing (no sign-in outcome was recorded) and another connection is not held up.
    expect(app.audit.head().seq).toBe(before);
    expect(await route('auth.signIn', ADMIN, 'y')).toMatchObject({ ok: true });
    t += 1_000;
    expect(await route('auth.signIn', ADMIN, 'x')).toMatchObject({ ok: true });

    // A burst of parallel guesses on a fresh connection: each counts from the moment it starts,
    // so the sixth is the last to be checked and the rest are refused.
    t += SIGN_IN_THROTTLE.forgetAfterMs + 1;
    const burst = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        route('auth.signIn', { username: ADMIN.username, password: `parallel-guess-${i}` }, 'p'),
      ),
    );
    const codes = burst.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
  });

  it(
    '`arrivals user unlock` ends a lockout of the last admin while the app runs',
    { timeout: 120_000 },
    async () => {
      app = testApp();
      let t = 9_000_000;
      app.signInThrottle = new SignInThrottle(() => t);
      const route = createRouter(app);
      await route('auth.setup', { ...ADMIN, displayName: 'Admin' }, 'setup');
      for (let i = 0; i < 5; i++) {
        t += 60_000;
        await route('auth.signIn', { username: ADMIN.username, password: 'a-wrong-guess' }, 'attacker');
      }
      t += 60_000;
      expect(await route('auth.signIn', ADMIN, 'admin')).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });

      const r = arrivals(app.dataDir, ['user', 'unlock', ADMIN.username]);
      expect(r.code, r.out).toBe(0);
      expect(r.stdout).toContain(`${ADMIN.username} can sign in again.`);
      expect(await route('auth.signIn', ADMIN, 'admin')).toMatchObject({ ok: true });
      expect(app.audit.recent(3).map((e) => [e.actor, e.action])).toContainEqual(['cli', 'user.unlock']);
    },
  );
});
