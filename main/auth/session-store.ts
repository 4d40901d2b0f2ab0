// Runs in: main process.
// Sessions live only in memory, keyed by the caller's connection (an Electron webContents id,
// or the browser shell's per-tab connection id, which a reload keeps): closing the app signs
// everyone out; closing a window signs its session out (the browser shell after a short grace
// period, main/shell/close-grace.ts).
import type { Role } from '../../ipc/channel';

export interface Session {
  userId: number;
  username: string;
  role: Role;
  lastActivity: number;
  locked: boolean;
  /** Signed in with a one-time password: nothing but choosing a new one until then (router.ts). */
  mustChangePassword?: boolean;
  /** The account's epoch at sign-in (users.epoch, migration 0013): a change to it ends the session. */
  epoch?: number;
}

/** Why a session ended: signed out (or its window closed), or its account changed. */
export type SessionEnd = 'signed-out' | 'account-changed';

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly endListeners: Array<(connectionId: string, s: Session, why: SessionEnd) => void> = [];
  /** Sessions ended because their account changed, until the connection is told (takeRevoked). */
  private readonly revoked = new Set<string>();

  /**
   * `epochOf` reads the account's current epoch from the database on every get(), so a change
   * made by any process (the CLI's `user disable`) ends the session at its next call.
   */
  constructor(
    private readonly idleMs: () => number,
    private readonly clock: () => number = Date.now,
    private readonly epochOf?: (userId: number) => number | undefined,
  ) {}

  start(connectionId: string, s: Omit<Session, 'lastActivity' | 'locked'>): Session {
    const session = { ...s, lastActivity: this.clock(), locked: false };
    this.sessions.set(connectionId, session);
    this.revoked.delete(connectionId);
    return session;
  }

  /**
   * The session, with the idle lock applied: a session idle too long becomes locked. One whose
   * account changed since sign-in (another epoch, or no account) ends here.
   */
  get(connectionId: string): Session | undefined {
    const s = this.sessions.get(connectionId);
    if (s && this.epochOf && this.epochOf(s.userId) !== s.epoch) {
      this.sessions.delete(connectionId);
      this.revoked.add(connectionId);
      this.ended(connectionId, s, 'account-changed');
      return undefined;
    }
    if (s && !s.locked && this.clock() - s.lastActivity > this.idleMs()) s.locked = true;
    return s;
  }

  /**
   * The officer's own input (keys, pointer, a capture), reported by the renderer: the only thing
   * that keeps a session open. Background calls (status polls) never do. An idle session past
   * its time stays locked.
   */
  touch(connectionId: string): void {
    const s = this.get(connectionId);
    if (s && !s.locked) s.lastActivity = this.clock();
  }

  /** Locks at once (the renderer saw no input for the idle time, or the officer asked). */
  lock(connectionId: string): Session | undefined {
    const s = this.get(connectionId);
    if (s) s.locked = true;
    return s;
  }

  unlock(connectionId: string): void {
    const s = this.sessions.get(connectionId);
    if (s) {
      s.locked = false;
      s.lastActivity = this.clock();
    }
  }

  /**
   * The user chose their own password on this connection: its session goes on at the account's
   * new epoch, if that change was the only one since sign-in (one step: the trigger counts each
   * change once; another process's disable in between makes two, and the session ends). Their
   * other sessions end at their next call: the password they opened with is gone.
   */
  passwordChanged(connectionId: string): void {
    const s = this.sessions.get(connectionId);
    if (!s) return;
    s.mustChangePassword = false;
    if (this.epochOf && s.epoch !== undefined && this.epochOf(s.userId) === s.epoch + 1) s.epoch++;
  }

  /** Whether this connection lost its session to an account change (told once: the router says why). */
  takeRevoked(connectionId: string): boolean {
    return this.revoked.delete(connectionId);
  }

  end(connectionId: string): Session | undefined {
    const s = this.sessions.get(connectionId);
    this.sessions.delete(connectionId);
    this.revoked.delete(connectionId);
    if (s) this.ended(connectionId, s, 'signed-out');
    return s;
  }

  /** Role or account changes take effect at once, not at the next sign-in. */
  endAllFor(userId: number): void {
    for (const [k, s] of this.sessions)
      if (s.userId === userId) {
        this.sessions.delete(k);
        this.revoked.add(k);
        this.ended(k, s, 'account-changed');
      }
  }

  /** Told of every session that ends, however it ends (sign-out, closed window, account change). */
  onEnd(listener: (connectionId: string, s: Session, why: SessionEnd) => void): void {
    this.endListeners.push(listener);
  }

  private ended(connectionId: string, s: Session, why: SessionEnd): void {
    for (const l of this.endListeners) {
      try {
        l(connectionId, s, why);
      } catch (e) {
        console.error('[sessions]', (e as Error).message);
      }
    }
  }
}
