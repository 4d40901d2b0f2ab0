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
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs: () => number,
    private readonly clock: () => number = Date.now,
  ) {}

  start(connectionId: string, s: Omit<Session, 'lastActivity' | 'locked'>): Session {
    const session = { ...s, lastActivity: this.clock(), locked: false };
    this.sessions.set(connectionId, session);
    return session;
  }

  /** The session, with the idle lock applied: a session idle too long becomes locked. */
  get(connectionId: string): Session | undefined {
    const s = this.sessions.get(connectionId);
    if (s && !s.locked && this.clock() - s.lastActivity > this.idleMs()) s.locked = true;
    return s;
  }

  touch(connectionId: string): void {
    const s = this.sessions.get(connectionId);
    if (s && !s.locked) s.lastActivity = this.clock();
  }

  unlock(connectionId: string): void {
    const s = this.sessions.get(connectionId);
    if (s) {
      s.locked = false;
      s.lastActivity = this.clock();
    }
  }

  end(connectionId: string): Session | undefined {
    const s = this.sessions.get(connectionId);
    this.sessions.delete(connectionId);
    return s;
  }

  /** Role or account changes take effect at once, not at the next sign-in. */
  endAllFor(userId: number): void {
    for (const [k, s] of this.sessions) if (s.userId === userId) this.sessions.delete(k);
  }
}
