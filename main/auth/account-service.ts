// Runs in: main process and CLI.
// Accounts: first-run setup, sign-in with lockout, role and status changes. Every change and
// every sign-in outcome goes to the audit log.
import type { Role } from '../../ipc/channel';
import type { UserView } from '../../ipc/channels/users';
import { AppError } from '../platform/app-error';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/database';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { toView, UserRepository, type UserRecord } from './user-repository';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60_000;

/** Documented in the README; created only when the site runs in demo mode. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  username: string;
  displayName: string;
  role: Role;
  password: string;
}> = [
  { username: 'officer', displayName: 'Demo Officer', role: 'officer', password: 'officer-demo-pass' },
  {
    username: 'supervisor',
    displayName: 'Demo Supervisor',
    role: 'supervisor',
    password: 'supervisor-demo-pass',
  },
  { username: 'admin', displayName: 'Demo Admin', role: 'admin', password: 'admin-demo-pass' },
];

const minutesUntil = (iso: string, now: Date) =>
  Math.ceil((new Date(iso).getTime() - now.getTime()) / 60_000);

/** The lock screen's refusal once the account is locked: until when, with the time for the screen. */
function lockedError(lockedUntil: string, now: Date): AppError {
  const minutes = minutesUntil(lockedUntil, now);
  return new AppError(
    'ACCOUNT_LOCKED',
    `Too many wrong passwords: the account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}. ` +
      'An administrator can unlock it sooner.',
    { lockedUntil },
  );
}

export class AccountService {
  readonly users: UserRepository;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.users = new UserRepository(db);
  }

  needsSetup(): boolean {
    return this.users.count() === 0;
  }

  async createUser(
    actor: string,
    input: { username: string; displayName: string; role: Role; password: string },
  ): Promise<UserView> {
    if (this.users.byUsername(input.username)) {
      throw new AppError('CONFLICT', `A user named "${input.username}" already exists.`);
    }
    const passwordHash = await hashPassword(input.password);
    const create = this.db.transaction(() => {
      const u = this.users.insert({ ...input, passwordHash, createdAt: this.now().toISOString() });
      this.audit.append({
        actor,
        action: 'user.create',
        subject: `user:${u.username}`,
        details: { role: u.role },
      });
      return u;
    });
    return toView(create());
  }

  /**
   * First-run setup: the admin (and, in demo mode, the demo accounts) in one transaction that
   * refuses when any account exists. Hashing is async, so concurrent calls all get past any
   * check made before it: the passwords are hashed first, then checked and inserted atomically.
   */
  async setup(
    input: { username: string; displayName: string; password: string; createDemoAccounts: boolean },
    demoMode: boolean,
  ) {
    const done = () => new AppError('SETUP_DONE', 'This console is already set up. Sign in instead.');
    // Early answer for the common case; the check that counts is inside the transaction.
    if (!this.needsSetup()) throw done();
    const { username, displayName } = input;
    const admin = {
      username,
      displayName,
      role: 'admin' as const,
      passwordHash: await hashPassword(input.password),
    };
    const wanted = demoMode && input.createDemoAccounts ? DEMO_ACCOUNTS : [];
    const demos = await Promise.all(
      wanted.map(async (d) => ({ ...d, passwordHash: await hashPassword(d.password) })),
    );
    const create = this.db.transaction(() => {
      if (this.users.count() > 0) throw done();
      const createdAt = this.now().toISOString();
      const insert = (u: { username: string; displayName: string; role: Role; passwordHash: string }) => {
        const row = this.users.insert({ ...u, createdAt });
        const subject = `user:${row.username}`;
        this.audit.append({ actor: 'setup', action: 'user.create', subject, details: { role: row.role } });
        return row;
      };
      const user = insert(admin);
      const demoAccounts: string[] = [];
      for (const d of demos) {
        if (this.users.byUsername(d.username)) continue;
        insert({
          username: d.username,
          displayName: d.displayName,
          role: d.role,
          passwordHash: d.passwordHash,
        });
        demoAccounts.push(d.username);
      }
      return { user: toView(user), demoAccounts };
    });
    // Synchronous, so no other call in this process runs between count and insert; IMMEDIATE
    // takes the write lock first, so another process on this data folder cannot either.
    return create.immediate();
  }

  /** Checks a password with lockout; returns the user or throws a plain-language AppError. */
  async authenticate(username: string, password: string): Promise<UserRecord> {
    const u = this.users.byUsername(username.trim());
    if (!u) {
      await burnPasswordCheck(password);
      this.audit.append({
        actor: username.trim().slice(0, 64) || '(blank)',
        action: 'auth.sign_in_failed',
        subject: 'unknown-user',
        details: {},
      });
      throw new AppError('BAD_CREDENTIALS', 'Wrong username or password.');
    }
    const now = this.now();
    const lockedUntil = this.refuseIfLocked(u, now, 'auth.sign_in_refused_locked');
    if (lockedUntil) {
      const minutes = minutesUntil(lockedUntil, now);
      throw new AppError(
        'ACCOUNT_LOCKED',
        `Too many failed attempts. This account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`,
      );
    }
    const good = await verifyPassword(password, u.password_hash);
    if (!good) {
      this.recordWrongPassword(u, now, 'auth.sign_in_failed');
      throw new AppError('BAD_CREDENTIALS', 'Wrong username or password.');
    }
    if (u.disabled) {
      this.audit.append({
        actor: u.username,
        action: 'auth.sign_in_refused_disabled',
        subject: `user:${u.username}`,
        details: {},
      });
      throw new AppError('ACCOUNT_DISABLED', 'This account is disabled. Ask an administrator.');
    }
    // The password was checked against the record read before hashing; if the account changed
    // meanwhile (from any process: disabled, reset, demoted), that check no longer counts. The
    // record returned is read where the epoch was compared, so the session opens at that epoch.
    return this.db.transaction(() => {
      if (this.users.epochOf(u.id) !== u.epoch)
        throw new AppError('CONFLICT', 'The account changed while you were signing in. Sign in again.');
      this.users.recordSuccess(u.id, now.toISOString());
      this.audit.append({
        actor: u.username,
        action: 'auth.sign_in',
        subject: `user:${u.username}`,
        details: { role: u.role },
      });
      return this.users.byId(u.id)!;
    })();
  }

  /**
   * The idle lock's password check for the signed-in user. Failures count towards the same
   * lockout as sign-in. The session's owner is known here, so the refusal may say how many tries
   * are left, or until when the account is locked; it never names a username.
   */
  async confirmPassword(userId: number, password: string): Promise<UserRecord> {
    const u = this.mustGet(userId);
    const now = this.now();
    const running = this.refuseIfLocked(u, now, 'auth.unlock_refused_locked');
    if (running) throw lockedError(running, now);
    if (!(await verifyPassword(password, u.password_hash))) {
      const { attempts, lockedUntil } = this.recordWrongPassword(u, now, 'auth.unlock_failed');
      if (lockedUntil) throw lockedError(lockedUntil, now);
      const left = MAX_FAILED_ATTEMPTS - attempts;
      throw new AppError(
        'BAD_CREDENTIALS',
        `Wrong password. ${left} attempt${left === 1 ? '' : 's'} left before the account is locked.`,
        { attemptsLeft: left },
      );
    }
    if (u.disabled) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled. Ask an administrator.');
    this.db.transaction(() => {
      this.users.clearLockout(u.id);
      this.audit.append({
        actor: u.username,
        action: 'auth.unlock',
        subject: `user:${u.username}`,
        details: {},
      });
    })();
    return this.users.byId(u.id)!;
  }

  /** The end of a running lockout (audited as `action`), or null when the account may try. */
  private refuseIfLocked(u: UserRecord, now: Date, action: string): string | null {
    if (!u.locked_until || new Date(u.locked_until) <= now) return null;
    this.audit.append({
      actor: u.username,
      action,
      subject: `user:${u.username}`,
      details: { lockedUntil: u.locked_until },
    });
    return u.locked_until;
  }

  /** Counts a wrong password (audited as `action`); the fifth in a row locks the account. */
  private recordWrongPassword(
    u: UserRecord,
    now: Date,
    action: string,
  ): { attempts: number; lockedUntil: string | null } {
    const attempts = (u.locked_until ? 0 : u.failed_attempts) + 1;
    const lockedUntil =
      attempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    this.db.transaction(() => {
      this.users.recordFailure(u.id, lockedUntil ? 0 : attempts, lockedUntil);
      this.audit.append({
        actor: u.username,
        action,
        subject: `user:${u.username}`,
        details: { attempt: attempts, locked: Boolean(lockedUntil) },
      });
    })();
    return { attempts, lockedUntil };
  }

  setRole(actor: string, userId: number, role: Role): UserView {
    const u = this.mustGet(userId);
    this.db
      .transaction(() => {
        if (role !== 'admin') this.keepAnAdmin(u, 'demoted');
        this.users.setRole(userId, role);
        this.audit.append({
          actor,
          action: 'user.role_change',
          subject: `user:${u.username}`,
          details: { from: u.role, to: role },
        });
      })
      .immediate();
    return this.view(userId);
  }

  setDisabled(actor: string, userId: number, disabled: boolean): UserView {
    const u = this.mustGet(userId);
    if (u.username === actor && disabled)
      throw new AppError('CONFLICT', 'You cannot disable your own account.');
    this.db
      .transaction(() => {
        if (disabled) this.keepAnAdmin(u, 'disabled');
        this.users.setDisabled(userId, disabled);
        this.audit.append({
          actor,
          action: disabled ? 'user.disable' : 'user.enable',
          subject: `user:${u.username}`,
          details: {},
        });
      })
      .immediate();
    return this.view(userId);
  }

  /**
   * An admin sets a one-time password: the user must choose their own at the next sign-in. It
   * also ends a lockout (the user is told the new password by the admin, not by guessing).
   */
  async resetPassword(actor: string, userId: number, password: string): Promise<UserView> {
    const u = this.mustGet(userId);
    const passwordHash = await hashPassword(password);
    this.db.transaction(() => {
      this.users.setPassword(userId, passwordHash, true);
      this.users.clearLockout(userId);
      this.audit.append({
        actor,
        action: 'user.password_reset',
        subject: `user:${u.username}`,
        details: { wasLocked: this.isLocked(u) },
      });
    })();
    return this.view(userId);
  }

  /** An admin ends a lockout before it runs out. */
  unlock(actor: string, userId: number): UserView {
    const u = this.mustGet(userId);
    this.db.transaction(() => {
      this.users.clearLockout(userId);
      this.audit.append({
        actor,
        action: 'user.unlock',
        subject: `user:${u.username}`,
        details: { lockedUntil: u.locked_until, failedAttempts: u.failed_attempts },
      });
    })();
    return this.view(userId);
  }

  /**
   * The user replaces the one-time password an admin set. The session that asks was opened with
   * that password moments ago, so it is not asked again (and this cannot be used to guess it).
   */
  async changePassword(userId: number, newPassword: string): Promise<UserView> {
    const u = this.mustGet(userId);
    if (!u.must_change_password)
      throw new AppError(
        'CONFLICT',
        'Your password does not need changing. Ask an administrator to reset it.',
      );
    if (await verifyPassword(newPassword, u.password_hash))
      throw new AppError(
        'CONFLICT',
        'Choose a password different from the one-time password you were given.',
      );
    const passwordHash = await hashPassword(newPassword);
    this.db.transaction(() => {
      this.users.setPassword(userId, passwordHash, false);
      this.audit.append({
        actor: u.username,
        action: 'user.password_change',
        subject: `user:${u.username}`,
        details: {},
      });
    })();
    return this.view(userId);
  }

  view(userId: number): UserView {
    return toView(this.mustGet(userId), this.now());
  }

  private isLocked(u: UserRecord): boolean {
    return u.locked_until !== null && new Date(u.locked_until) > this.now();
  }

  /**
   * Inside the change's (IMMEDIATE) transaction, so no other process changes the count between
   * the check and the write: the last enabled admin stays one; the site is never without one.
   */
  private keepAnAdmin(before: UserRecord, change: 'demoted' | 'disabled'): void {
    const u = this.mustGet(before.id);
    if (u.role !== 'admin' || u.disabled) return;
    if (this.users.enabledAdmins() > 1) return;
    throw new AppError(
      'CONFLICT',
      `${u.username} is the only enabled administrator, so the account cannot be ${change}. ` +
        'Make another account an administrator first.',
    );
  }

  private mustGet(id: number): UserRecord {
    const u = this.users.byId(id);
    if (!u) throw new AppError('NOT_FOUND', `No user with id ${id}.`);
    return u;
  }
}
