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
    if (u.locked_until && new Date(u.locked_until) > now) {
      this.audit.append({
        actor: u.username,
        action: 'auth.sign_in_refused_locked',
        subject: `user:${u.username}`,
        details: { lockedUntil: u.locked_until },
      });
      const minutes = Math.ceil((new Date(u.locked_until).getTime() - now.getTime()) / 60_000);
      throw new AppError(
        'ACCOUNT_LOCKED',
        `Too many failed attempts. This account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`,
      );
    }
    const good = await verifyPassword(password, u.password_hash);
    if (!good) {
      const attempts = (u.locked_until ? 0 : u.failed_attempts) + 1;
      const lockedUntil =
        attempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
      this.db.transaction(() => {
        this.users.recordFailure(u.id, lockedUntil ? 0 : attempts, lockedUntil);
        this.audit.append({
          actor: u.username,
          action: 'auth.sign_in_failed',
          subject: `user:${u.username}`,
          details: { attempt: attempts, locked: Boolean(lockedUntil) },
        });
      })();
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
    this.db.transaction(() => {
      this.users.recordSuccess(u.id, now.toISOString());
      this.audit.append({
        actor: u.username,
        action: 'auth.sign_in',
        subject: `user:${u.username}`,
        details: { role: u.role },
      });
    })();
    return this.users.byId(u.id)!;
  }

  setRole(actor: string, userId: number, role: Role): UserView {
    const u = this.mustGet(userId);
    this.db.transaction(() => {
      this.users.setRole(userId, role);
      this.audit.append({
        actor,
        action: 'user.role_change',
        subject: `user:${u.username}`,
        details: { from: u.role, to: role },
      });
    })();
    return toView(this.mustGet(userId));
  }

  setDisabled(actor: string, userId: number, disabled: boolean): UserView {
    const u = this.mustGet(userId);
    if (u.username === actor && disabled)
      throw new AppError('CONFLICT', 'You cannot disable your own account.');
    this.db.transaction(() => {
      this.users.setDisabled(userId, disabled);
      this.audit.append({
        actor,
        action: disabled ? 'user.disable' : 'user.enable',
        subject: `user:${u.username}`,
        details: {},
      });
    })();
    return toView(this.mustGet(userId));
  }

  private mustGet(id: number): UserRecord {
    const u = this.users.byId(id);
    if (!u) throw new AppError('NOT_FOUND', `No user with id ${id}.`);
    return u;
  }
}
