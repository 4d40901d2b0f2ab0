import { describe, expect, it } from 'vitest';
import { AccountService, LOCKOUT_MS } from '../../../main/auth/account-service';
import { SessionStore } from '../../../main/auth/session-store';
import { AuditLog } from '../../../main/audit/audit-log';
import { openDatabase } from '../../../main/db/database';
import { hashPassword, verifyPassword } from '../../../main/auth/password';
import { tempDir } from '../../helpers/temp-dir';

function setup() {
  let now = new Date('2026-11-22T08:00:00Z');
  const db = openDatabase(tempDir());
  const audit = new AuditLog(db, () => now);
  const accounts = new AccountService(db, audit, () => now);
  return { db, audit, accounts, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('passwords', () => {
  it('hashes with scrypt and a random salt, and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });
});

describe('accounts', () => {
  it('locks an account after 5 failures for 5 minutes, even against the right password', async () => {
    const { accounts, advance, audit } = setup();
    await accounts.createUser('test', {
      username: 'ofc.ramos',
      displayName: 'R',
      role: 'officer',
      password: 'right-password-1',
    });
    for (let i = 0; i < 5; i++)
      await expect(accounts.authenticate('ofc.ramos', 'wrong')).rejects.toMatchObject({
        code: 'BAD_CREDENTIALS',
      });
    await expect(accounts.authenticate('ofc.ramos', 'right-password-1')).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    advance(LOCKOUT_MS - 1000);
    await expect(accounts.authenticate('ofc.ramos', 'right-password-1')).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    advance(2000);
    await expect(accounts.authenticate('ofc.ramos', 'right-password-1')).resolves.toMatchObject({
      username: 'ofc.ramos',
    });
    const actions = audit.recent(50).map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(5);
    expect(actions).toContain('auth.sign_in_refused_locked');
    expect(actions[0]).toBe('auth.sign_in');
  });

  it('a success resets the failure count', async () => {
    const { accounts } = setup();
    await accounts.createUser('test', {
      username: 'sup',
      displayName: 'S',
      role: 'supervisor',
      password: 'right-password-1',
    });
    for (let i = 0; i < 4; i++) await expect(accounts.authenticate('sup', 'x')).rejects.toBeTruthy();
    await accounts.authenticate('sup', 'right-password-1');
    for (let i = 0; i < 4; i++)
      await expect(accounts.authenticate('sup', 'x')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    await expect(accounts.authenticate('sup', 'right-password-1')).resolves.toBeTruthy();
  });

  it('refuses disabled accounts and audits role changes', async () => {
    const { accounts, audit } = setup();
    const u = await accounts.createUser('admin1', {
      username: 'o2',
      displayName: 'O',
      role: 'officer',
      password: 'right-password-1',
    });
    accounts.setRole('admin1', u.id, 'supervisor');
    accounts.setDisabled('admin1', u.id, true);
    await expect(accounts.authenticate('o2', 'right-password-1')).rejects.toMatchObject({
      code: 'ACCOUNT_DISABLED',
    });
    const change = audit.recent(20).find((e) => e.action === 'user.role_change');
    expect(change).toMatchObject({
      actor: 'admin1',
      subject: 'user:o2',
      details: { from: 'officer', to: 'supervisor' },
    });
  });

  it('setup runs once; demo accounts only in demo mode', async () => {
    const { accounts } = setup();
    const r = await accounts.setup(
      { username: 'root.admin', displayName: 'A', password: 'admin-password-1', createDemoAccounts: true },
      false,
    );
    expect(r.demoAccounts).toEqual([]);
    await expect(
      accounts.setup(
        { username: 'x.admin', displayName: 'A', password: 'admin-password-1', createDemoAccounts: false },
        false,
      ),
    ).rejects.toMatchObject({ code: 'SETUP_DONE' });
    const demo = setup();
    const d = await demo.accounts.setup(
      { username: 'root.admin', displayName: 'A', password: 'admin-password-1', createDemoAccounts: true },
      true,
    );
    expect(d.demoAccounts).toEqual(['officer', 'supervisor', 'admin']);
  });
});

describe('sessions', () => {
  it('lock after the idle period and unlock keeps the user', () => {
    let t = 0;
    const store = new SessionStore(
      () => 10 * 60_000,
      () => t,
    );
    store.start('c1', { userId: 1, username: 'a', role: 'officer' });
    t += 9 * 60_000;
    expect(store.get('c1')?.locked).toBe(false);
    store.touch('c1');
    t += 9 * 60_000;
    expect(store.get('c1')?.locked).toBe(false);
    t += 10 * 60_000 + 1;
    expect(store.get('c1')?.locked).toBe(true);
    store.touch('c1');
    expect(store.get('c1')?.locked).toBe(true);
    store.unlock('c1');
    expect(store.get('c1')).toMatchObject({ locked: false, username: 'a' });
  });
});
