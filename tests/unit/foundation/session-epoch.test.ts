// Runs in: tests (Node). Sessions follow the account's current state, whoever changes it: a
// disable made by the CLI in another process, or a demotion made through a second app context
// on the same file, ends the live session at its next call.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { createRouter } from '../../../main/ipc/router';
import { testApp } from '../../helpers/app';
import { arrivals } from '../../helpers/cli';
import { signInUsers } from '../../helpers/sessions';

const opened: AppContext[] = [];
afterEach(async () => {
  for (const a of opened.splice(0)) await a.close();
});
function open(dir?: string): AppContext {
  const app = testApp(dir);
  opened.push(app);
  return app;
}

const revoked = {
  ok: false,
  error: { code: 'NOT_SIGNED_IN', message: expect.stringMatching(/account was changed since you signed in/) },
};

describe('sessions and the account epoch', { timeout: 120_000 }, () => {
  it('`arrivals user disable` in another process ends the officer’s live session', async () => {
    const app = open();
    const route = createRouter(app);
    await signInUsers(route, [{ username: 'ofc.lee', displayName: 'Lee', role: 'officer', connection: 'o' }]);
    expect(await route('queue.today', {}, 'o')).toMatchObject({ ok: true });

    const r = arrivals(app.dataDir, ['user', 'disable', 'ofc.lee']);
    expect(r.code, r.out).toBe(0);

    expect(await route('queue.today', {}, 'o')).toMatchObject(revoked);
    // Told once; the connection is simply signed out after that, and the end is audited.
    expect(await route('queue.today', {}, 'o')).toMatchObject({
      ok: false,
      error: { message: 'Please sign in.' },
    });
    expect(app.audit.recent(5).map((e) => e.action)).toContain('auth.session_revoked');
    // The admin's session is untouched.
    expect(await route('users.list', {}, 'a')).toMatchObject({ ok: true });
  });

  it('a demotion made through a second app context on the same file ends the admin’s session', async () => {
    const app = open();
    const route = createRouter(app);
    await signInUsers(route, [{ username: 'adm.two', displayName: 'Two', role: 'admin', connection: 'b' }]);
    expect(await route('users.list', {}, 'b')).toMatchObject({ ok: true });

    const other = open(app.dataDir);
    const u = other.accounts.users.byUsername('adm.two')!;
    other.accounts.setRole('cli', u.id, 'officer');

    expect(await route('users.list', {}, 'b')).toMatchObject(revoked);
    // Signing in again gives the new role, which may not list users.
    await route('auth.signIn', { username: 'adm.two', password: 'user-password-1' }, 'b');
    expect(await route('users.list', {}, 'b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
