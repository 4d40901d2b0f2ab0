// Runs in: tests (Node). First-run setup raced through the real router over a real app context:
// scrypt hashing is async, so concurrent calls all get past an "is anyone here?" check made
// before it. Only the first may create an admin; the others are told setup is done.
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../main/ipc/router';
import { testApp } from '../../helpers/app';
import type { AppContext } from '../../../main/app-context';

let app: AppContext | undefined;
afterEach(() => app?.close());

const admins = (a: AppContext) => a.accounts.users.list().filter((u) => u.role === 'admin');

interface Setup {
  username: string;
  displayName: string;
  password: string;
}

/** Five auth.setup calls at once (the i-th sends setupFor(i)): one succeeds, four are refused SETUP_DONE. */
async function raceSetup(setupFor: (i: number) => Setup) {
  const ctx = (app = testApp());
  const route = createRouter(ctx);
  const results = await Promise.all([1, 2, 3, 4, 5].map((i) => route('auth.setup', setupFor(i), `c${i}`)));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const refused = results.filter((r) => !r.ok) as Array<{
    ok: false;
    error: { code: string; message: string };
  }>;
  expect(refused.map((r) => r.error.code)).toEqual(['SETUP_DONE', 'SETUP_DONE', 'SETUP_DONE', 'SETUP_DONE']);
  return { ctx, refused };
}

describe('first-run setup', () => {
  it('five concurrent auth.setup calls create exactly one admin; four are refused SETUP_DONE', async () => {
    const { ctx, refused } = await raceSetup((i) => ({
      username: `admin.${i}`,
      displayName: `Admin ${i}`,
      password: `admin-password-${i}`,
    }));
    expect(refused[0]!.error.message).toMatch(/already set up/);
    expect(admins(ctx)).toHaveLength(1);
    expect(ctx.accounts.users.count()).toBe(1);
    expect(ctx.audit.recent(50).filter((e) => e.action === 'user.create')).toHaveLength(1);
  });

  it('the same race under one username is SETUP_DONE too, not a database constraint error', async () => {
    const { ctx } = await raceSetup(() => ({
      username: 'site.admin',
      displayName: 'Admin',
      password: 'admin-password-1',
    }));
    expect(admins(ctx)).toHaveLength(1);
  });

  it('after setup, one more call is SETUP_DONE and the admin signs in', async () => {
    app = testApp();
    const route = createRouter(app);
    expect(
      await route(
        'auth.setup',
        { username: 'site.admin', displayName: 'Admin', password: 'admin-password-1' },
        'a',
      ),
    ).toMatchObject({ ok: true });
    expect(
      await route(
        'auth.setup',
        { username: 'other', displayName: 'Other', password: 'admin-password-2' },
        'b',
      ),
    ).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
    expect(
      await route('auth.signIn', { username: 'site.admin', password: 'admin-password-1' }, 'a'),
    ).toMatchObject({ ok: true });
  });
});
