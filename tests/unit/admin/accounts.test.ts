// Runs in: tests (Node). The admin's account rules on a real SQLite file: the last enabled admin
// stays one (in the service, through the router and over the HTTP bridge), a password reset is
// one-time and must be changed at the next sign-in, an admin ends a lockout; all audited.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountService, MAX_FAILED_ATTEMPTS } from '../../../main/auth/account-service';
import { AuditLog } from '../../../main/audit/audit-log';
import { openDatabase } from '../../../main/db/database';
import { createRouter } from '../../../main/ipc/router';
import { startBridge } from '../../../main/shell/http-bridge';
import type { AppContext } from '../../../main/app-context';
import { testApp } from '../../helpers/app';
import { setUpAdmin } from '../../helpers/sessions';
import { tempDir } from '../../helpers/temp-dir';

function service() {
  const now = new Date('2026-11-22T08:00:00Z');
  const db = openDatabase(tempDir());
  const audit = new AuditLog(db, () => now);
  const accounts = new AccountService(db, audit, () => now);
  const add = (username: string, role: 'officer' | 'supervisor' | 'admin') =>
    accounts.createUser('setup', { username, displayName: username, role, password: 'first-password-1' });
  return { db, audit, accounts, add };
}

async function lockOut(accounts: AccountService, username: string) {
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++)
    await expect(accounts.authenticate(username, 'wrong-password')).rejects.toMatchObject({
      code: 'BAD_CREDENTIALS',
    });
  await expect(accounts.authenticate(username, 'first-password-1')).rejects.toMatchObject({
    code: 'ACCOUNT_LOCKED',
  });
}

describe('the last enabled admin', () => {
  it('cannot be demoted or disabled; an admin beside it (enabled) makes both possible', async () => {
    const { accounts, audit, add } = service();
    const a1 = await add('adm.one', 'admin');
    await expect(async () => accounts.setRole('adm.two', a1.id, 'supervisor')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('only enabled administrator') as unknown,
    });
    await expect(async () => accounts.setDisabled('adm.two', a1.id, true)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // A disabled admin does not count as one.
    const a2 = await add('adm.two', 'admin');
    accounts.setDisabled('adm.one', a2.id, true);
    await expect(async () => accounts.setRole('adm.two', a1.id, 'officer')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(accounts.view(a1.id)).toMatchObject({ role: 'admin', disabled: false });
    accounts.setDisabled('adm.one', a2.id, false);
    expect(accounts.setRole('adm.two', a1.id, 'supervisor')).toMatchObject({ role: 'supervisor' });
    // Now adm.two is the last one.
    await expect(async () => accounts.setRole('adm.one', a2.id, 'officer')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const actions = audit.recent(20).map((e) => `${e.action} ${e.subject}`);
    expect(actions.filter((a) => a === 'user.role_change user:adm.one')).toHaveLength(1);
    expect(actions.filter((a) => a.startsWith('user.role_change user:adm.two'))).toHaveLength(0);
  });
});

describe('password reset and unlock', () => {
  it('a reset is one-time: the old password stops working, the new one must be changed, the lockout ends', async () => {
    const { accounts, audit, add } = service();
    const u = await add('ofc.ruiz', 'officer');
    await lockOut(accounts, 'ofc.ruiz');
    expect(accounts.view(u.id).lockedUntil).not.toBeNull();

    const after = await accounts.resetPassword('adm.one', u.id, 'one-time-pass-1');
    expect(after).toMatchObject({ mustChangePassword: true, lockedUntil: null, failedAttempts: 0 });
    await expect(accounts.authenticate('ofc.ruiz', 'first-password-1')).rejects.toMatchObject({
      code: 'BAD_CREDENTIALS',
    });
    const signedIn = await accounts.authenticate('ofc.ruiz', 'one-time-pass-1');
    expect(signedIn.must_change_password).toBe(1);

    await expect(accounts.changePassword(u.id, 'one-time-pass-1')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('different from the one-time password') as unknown,
    });
    expect(await accounts.changePassword(u.id, 'my-own-password-1')).toMatchObject({
      mustChangePassword: false,
    });
    await expect(accounts.authenticate('ofc.ruiz', 'one-time-pass-1')).rejects.toMatchObject({
      code: 'BAD_CREDENTIALS',
    });
    await expect(accounts.authenticate('ofc.ruiz', 'my-own-password-1')).resolves.toMatchObject({
      must_change_password: 0,
    });
    // Changing it again is the admin's reset, not a free-standing call.
    await expect(accounts.changePassword(u.id, 'another-password-1')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const entries = audit.recent(30);
    expect(entries.find((e) => e.action === 'user.password_reset')).toMatchObject({
      actor: 'adm.one',
      subject: 'user:ofc.ruiz',
      details: { wasLocked: true },
    });
    expect(entries.find((e) => e.action === 'user.password_change')).toMatchObject({
      actor: 'ofc.ruiz',
      subject: 'user:ofc.ruiz',
    });
    // No password, old or new, is ever written to the audit log.
    expect(JSON.stringify(entries)).not.toMatch(/one-time-pass-1|my-own-password-1/);
  });

  it('an admin unlocks a locked account before the lockout runs out', async () => {
    const { accounts, audit, add } = service();
    const u = await add('sup.kim', 'supervisor');
    await lockOut(accounts, 'sup.kim');
    const locked = accounts.view(u.id);
    expect(locked.lockedUntil).toBe('2026-11-22T08:05:00.000Z');
    expect(accounts.unlock('adm.one', u.id)).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    await expect(accounts.authenticate('sup.kim', 'first-password-1')).resolves.toMatchObject({
      username: 'sup.kim',
    });
    expect(audit.recent(10).find((e) => e.action === 'user.unlock')).toMatchObject({
      actor: 'adm.one',
      subject: 'user:sup.kim',
      details: { lockedUntil: '2026-11-22T08:05:00.000Z' },
    });
  });
});

describe('through the router and the HTTP bridge', () => {
  let app: AppContext | undefined;
  afterEach(() => app?.close());

  async function site() {
    app = testApp();
    const route = createRouter(app);
    await setUpAdmin(route, 'admin');
    return route;
  }

  it('a one-time password opens a session that may only choose a new password', async () => {
    const route = await site();
    const created = (await route(
      'users.create',
      { username: 'ofc.diaz', displayName: 'Diaz', role: 'officer', password: 'first-password-1' },
      'admin',
    )) as { ok: true; value: { id: number } };
    expect(
      await route('users.resetPassword', { userId: created.value.id, password: 'one-time-pass-1' }, 'admin'),
    ).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(
      await route('auth.signIn', { username: 'ofc.diaz', password: 'one-time-pass-1' }, 'ofc'),
    ).toMatchObject({ ok: true, value: { user: { mustChangePassword: true } } });
    expect(await route('queue.today', {}, 'ofc')).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password before you continue.' },
    });
    const short = await route('auth.changePassword', { newPassword: 'short' }, 'ofc');
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'New password must be at least 10 characters.' },
    });
    expect(await route('auth.changePassword', { newPassword: 'my-own-password-1' }, 'ofc')).toMatchObject({
      ok: true,
      value: { user: { mustChangePassword: false } },
    });
    expect(await route('sync.status', {}, 'ofc')).toMatchObject({ ok: true });
  });

  it('refuses to demote or disable the last admin over the HTTP bridge, in words without channel names', async () => {
    const route = await site();
    const bridge = await startBridge({
      router: route,
      rendererDir: path.join(__dirname, '../../fixtures/renderer'),
    });
    try {
      const conn = randomUUID();
      const post = async (channel: string, body: unknown) =>
        (
          await fetch(new URL(`/api/${channel}`, bridge.url), {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-arrivals-key': bridge.secret,
              'x-arrivals-connection': conn,
            },
            body: JSON.stringify(body),
          })
        ).json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
      expect(
        await post('auth.signIn', { username: 'site.admin', password: 'admin-password-1' }),
      ).toMatchObject({
        ok: true,
      });
      const me = app!.accounts.users.byUsername('site.admin')!;
      for (const [channel, body] of [
        ['users.setRole', { userId: me.id, role: 'officer' }],
        ['users.setDisabled', { userId: me.id, disabled: true }],
      ] as const) {
        const r = await post(channel, body);
        expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
        expect(r.error!.message).not.toContain(channel);
      }
      expect(app!.accounts.view(me.id)).toMatchObject({ role: 'admin', disabled: false });
      // A refused request names the field and what to change, not the channel or a schema path.
      const bad = await post('users.create', {
        username: 'x',
        displayName: 'X',
        role: 'officer',
        password: 'p',
      });
      expect(bad).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST', message: 'Username must be at least 3 characters.' },
      });
      const forbidden = await post('nope.channel', {});
      expect(forbidden.error!.message).not.toContain('nope.channel');
    } finally {
      await bridge.close();
    }
  });
});
