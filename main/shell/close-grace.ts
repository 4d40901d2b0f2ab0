// Runs in: main process (browser shell only; imports nothing from Electron).
// A page's `pagehide` is not a closed window: a reload fires it too. So a close report starts
// a grace period for that connection; a call from the same connection within it (the reloaded
// page: its connection id lives in sessionStorage, which a reload keeps and a closed tab loses)
// cancels it; when it runs out, the session ends as a closed window's does. Expiry is decided
// by the injected clock, not by when a timer happens to run: a call arriving after the
// deadline finds the session already ended, however late the timer is.
// Each page load sends its own page id, so two races are told apart: a request the closing page
// sent just before its close report but that is handled after it does not cancel the close,
// and a reload's close report handled after the new page's first call does not start one.
import type { AppContext } from '../app-context';

/** A closed window signs its session out, audited; both shells use this. */
export function signOutClosedWindow(app: Pick<AppContext, 'sessions' | 'audit'>, connectionId: string): void {
  const s = app.sessions.end(connectionId);
  if (s)
    app.audit.append({
      actor: s.username,
      action: 'auth.sign_out',
      subject: `user:${s.username}`,
      details: { reason: 'window closed' },
    });
}

export const DEFAULT_CLOSE_GRACE_MS = 10_000;

export interface CloseGraceOptions {
  /** How long a closed page's connection may take to call again (a reload) before it is signed out. */
  graceMs: number;
  /** The connection's page did not come back: end its session. */
  onExpire: (connectionId: string) => void;
  clock?: () => number;
  /** Runs fn after about ms; returns a cancel function. Default: an unref'd setTimeout. */
  schedule?: (fn: () => void, ms: number) => () => void;
}

const defaultSchedule = (fn: () => void, ms: number): (() => void) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

export class CloseGrace {
  private readonly pending = new Map<
    string,
    { deadline: number; pageId: string | undefined; cancel: () => void }
  >();
  /** Per connection: the page that called last, and the pages it replaced. */
  private readonly pages = new Map<string, { current: string; replaced: Set<string> }>();
  private readonly clock: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;

  constructor(private readonly opts: CloseGraceOptions) {
    this.clock = opts.clock ?? Date.now;
    this.schedule = opts.schedule ?? defaultSchedule;
  }

  /**
   * The page (pageId: one per page load) of this connection was hidden: closed or reloading.
   * A report from a page that a newer page of the same connection has already replaced (a
   * reload's close arriving after the new page's first call) is ignored.
   */
  closed(connectionId: string, pageId?: string): void {
    if (pageId && this.pages.get(connectionId)?.replaced.has(pageId)) return;
    this.pending.get(connectionId)?.cancel();
    const deadline = this.clock() + this.opts.graceMs;
    this.pending.set(connectionId, { deadline, pageId, cancel: this.arm(connectionId, deadline) });
  }

  /**
   * A call from this connection: a page of it is alive, unless its grace has already run out. A
   * straggler from the very page that reported its close cancels nothing.
   */
  seen(connectionId: string, pageId?: string): void {
    this.expireDue();
    const p = this.pending.get(connectionId);
    if (p && !(pageId && p.pageId === pageId)) {
      p.cancel();
      this.pending.delete(connectionId);
    }
    if (pageId) {
      const known = this.pages.get(connectionId);
      if (!known) this.pages.set(connectionId, { current: pageId, replaced: new Set() });
      else if (known.current !== pageId) {
        known.replaced.add(known.current);
        known.current = pageId;
      }
    }
  }

  /** The page that reported its close is shown again (back/forward cache): nothing was closed. */
  revived(connectionId: string, pageId?: string): void {
    this.expireDue();
    const p = this.pending.get(connectionId);
    if (p) {
      p.cancel();
      this.pending.delete(connectionId);
    }
    if (pageId) this.seen(connectionId, pageId);
  }

  /** Ends every connection whose grace has run out by the clock. */
  expireDue(): void {
    const now = this.clock();
    for (const [id, p] of [...this.pending]) if (p.deadline <= now) this.expire(id);
  }

  /** Shutting down: every pending close ends now (its window is gone, or the app is). */
  flush(): void {
    for (const id of [...this.pending.keys()]) this.expire(id);
  }

  /** Connections waiting out their grace. */
  get size(): number {
    return this.pending.size;
  }

  private expire(connectionId: string): void {
    const p = this.pending.get(connectionId);
    if (!p) return;
    p.cancel();
    this.pending.delete(connectionId);
    this.pages.delete(connectionId);
    this.opts.onExpire(connectionId);
  }

  /** A timer that re-arms itself if it fires before the deadline by the clock. */
  private arm(connectionId: string, deadline: number): () => void {
    return this.schedule(
      () => {
        const p = this.pending.get(connectionId);
        if (!p || p.deadline !== deadline) return;
        if (this.clock() >= deadline) this.expire(connectionId);
        else p.cancel = this.arm(connectionId, deadline);
      },
      Math.max(0, deadline - this.clock()),
    );
  }
}
