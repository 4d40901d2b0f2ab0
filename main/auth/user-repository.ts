// Runs in: main process and CLI. The only place that reads or writes the users table.
import type { Db } from '../db/database';
import type { Role } from '../../ipc/channel';
import type { UserView } from '../../ipc/channels/users';

export interface UserRecord {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: 0 | 1;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  last_sign_in_at: string | null;
  must_change_password: 0 | 1;
  /** Bumped by the database on every role, status or password change (migration 0013). */
  epoch: number;
}

/** `now` decides whether a lockout is still running (an expired one is shown as none). */
export function toView(u: UserRecord, now: Date = new Date()): UserView {
  const locked = u.locked_until !== null && new Date(u.locked_until) > now;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    disabled: u.disabled === 1,
    createdAt: u.created_at,
    lastSignInAt: u.last_sign_in_at,
    mustChangePassword: u.must_change_password === 1,
    lockedUntil: locked ? u.locked_until : null,
    // A lockout (running or expired) restarts the count: authenticate() counts the same way.
    failedAttempts: u.locked_until ? 0 : u.failed_attempts,
  };
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  byUsername(username: string): UserRecord | undefined {
    return this.db.prepare<[string], UserRecord>('SELECT * FROM users WHERE username = ?').get(username);
  }

  byId(id: number): UserRecord | undefined {
    return this.db.prepare<[number], UserRecord>('SELECT * FROM users WHERE id = ?').get(id);
  }

  /** The account's current epoch (undefined: no such account): sessions compare it on every call. */
  epochOf(id: number): number | undefined {
    return this.db.prepare<[number], { epoch: number }>('SELECT epoch FROM users WHERE id = ?').get(id)
      ?.epoch;
  }

  list(): UserRecord[] {
    return this.db.prepare<[], UserRecord>('SELECT * FROM users ORDER BY username').all();
  }

  insert(u: {
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    createdAt: string;
  }): UserRecord {
    const info = this.db
      .prepare(
        'INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(u.username, u.displayName, u.role, u.passwordHash, u.createdAt);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  setRole(id: number, role: Role): void {
    this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
  }

  setDisabled(id: number, disabled: boolean): void {
    this.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
  }

  /** Enabled admins, for the rule that one must always remain. */
  enabledAdmins(): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as {
        n: number;
      }
    ).n;
  }

  /** A new password; `mustChange` when an admin set it (one-time), cleared when the user chose it. */
  setPassword(id: number, passwordHash: string, mustChange: boolean): void {
    this.db
      .prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?')
      .run(passwordHash, mustChange ? 1 : 0, id);
  }

  /** Ends a lockout and forgets the failed attempts. */
  clearLockout(id: number): void {
    this.db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
  }

  recordFailure(id: number, attempts: number, lockedUntil: string | null): void {
    this.db
      .prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?')
      .run(attempts, lockedUntil, id);
  }

  recordSuccess(id: number, at: string): void {
    this.db
      .prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?')
      .run(at, id);
  }
}
