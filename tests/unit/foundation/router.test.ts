import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../main/ipc/router';
import { testApp } from '../../helpers/app';
import { setUpAdmin, signInUsers } from '../../helpers/sessions';
import type { AppContext } from '../../../main/app-context';

let app: AppContext | undefined;
afterEach(() => app?.close());

/** A user of `role` signed in on connection 'me' (the admin alone, or a user the admin created). */
async function signedIn(role: 'officer' | 'supervisor' | 'admin') {
  app = testApp();
  const route = createRouter(app);
  if (role === 'admin') await setUpAdmin(route, 'me');
  else await signInUsers(route, [{ username: `u.${role}`, displayName: role, role, connection: 'me' }]);
  expect(await route('auth.session', {}, 'me')).toMatchObject({ ok: true, value: { user: { role } } });
  return route;
}

describe('router', () => {
  it('refuses unknown channels and invalid payloads before anything runs', async () => {
    const route = await signedIn('admin');
    expect(await route('users.drop', {}, 'me')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await route('__proto__', {}, 'me')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await route('users.create', { username: 'x', role: 'root' }, 'me')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await route('users.list', { extra: 1 }, 'me')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('checks the role in main for every channel', async () => {
    const route = await signedIn('officer');
    expect(await route('users.list', {}, 'me')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await route('audit.verify', {}, 'me')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await route('sync.status', {}, 'me')).toMatchObject({ ok: true });
    expect(
      app!.audit.recent(5).some((e) => e.action === 'ipc.forbidden' && e.subject === 'channel:users.list'),
    ).toBe(true);
  });

  it('supervisors read the audit log but cannot manage users', async () => {
    const route = await signedIn('supervisor');
    expect(await route('audit.recent', {}, 'me')).toMatchObject({ ok: true });
    expect(
      await route(
        'users.create',
        { username: 'zz.top', displayName: 'Z', role: 'admin', password: 'user-password-1' },
        'me',
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a session on another connection is not shared', async () => {
    const route = await signedIn('admin');
    expect(await route('users.list', {}, 'someone-else')).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
  });

  it('a role change ends the user session at once', async () => {
    const route = await signedIn('admin');
    await route(
      'users.create',
      { username: 'o.one', displayName: 'O', role: 'officer', password: 'user-password-1' },
      'me',
    );
    await route('auth.signIn', { username: 'o.one', password: 'user-password-1' }, 'o');
    const list = (await route('users.list', {}, 'me')) as {
      ok: true;
      value: { id: number; username: string }[];
    };
    const id = list.value.find((u) => u.username === 'o.one')!.id;
    await route('users.setRole', { userId: id, role: 'supervisor' }, 'me');
    expect(await route('sync.status', {}, 'o')).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
  });

  it('flag thresholds: admin only, audited, kept across restarts', async () => {
    const route = await signedIn('admin');
    expect(await route('flags.config', {}, 'me')).toMatchObject({
      ok: true,
      value: { sharedAddressMinHouseholds: 3 },
    });
    expect(await route('flags.config', { sharedAddressMinHouseholds: 1 }, 'me')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await route('flags.config', { sharedAddressMinHouseholds: 5 }, 'me')).toMatchObject({
      ok: true,
      value: { sharedAddressMinHouseholds: 5 },
    });
    expect(app!.audit.recent(3).some((e) => e.action === 'flags.config')).toBe(true);
    expect(app!.flags.config().sharedAddressMinHouseholds).toBe(5);
  });
});
