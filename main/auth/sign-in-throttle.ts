// Runs in: main process.
// Sign-in throttling on top of the per-account lockout: each connection, and the console as a
// whole (connection ids are the caller's to choose, so a guesser could take a new one for each
// try), gets a few free failures, then must wait an exponentially growing delay after each
// further one. An attempt inside the delay is refused at once: no password is checked and the
// account's lockout count is not touched. An attempt counts as a failure from the moment it
// starts (so a burst of parallel tries cannot all slip in while the first is being checked);
// a success takes back its own count, and clears its connection's, but never the console's
// earlier failures (a guesser with an account of their own could otherwise reset them).
// Counts are forgotten after a quiet spell.
export interface ThrottleRule {
  /** Failures allowed before any delay. */
  free: number;
  /** The delay after the first failure past `free`; it doubles with each further one. */
  baseMs: number;
  maxMs: number;
}

export const SIGN_IN_THROTTLE = {
  // As many free failures as the account lockout takes (five), so that a person mistyping is
  // told of the lockout, never of a wait; the delays then slow a guesser trying many accounts.
  perConnection: { free: 5, baseMs: 1_000, maxMs: 5 * 60_000 } as ThrottleRule,
  // Looser, and capped low: it is shared by every booth user of the console.
  global: { free: 20, baseMs: 500, maxMs: 30_000 } as ThrottleRule,
  /** A count with no failure for this long starts again from zero. */
  forgetAfterMs: 15 * 60_000,
  /** Connections remembered at most (the oldest are forgotten first). */
  maxConnections: 10_000,
};

interface Count {
  failures: number;
  lastFailureAt: number;
}

/** The delay a count imposes from its last failure: 0 within the free failures. */
export function throttleDelay(failures: number, rule: ThrottleRule): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(failures - rule.free - 1, 30));
}

export class SignInThrottle {
  private readonly byConnection = new Map<string, Count>();
  private global: Count = { failures: 0, lastFailureAt: 0 };

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly policy = SIGN_IN_THROTTLE,
  ) {}

  /** How long this connection must still wait before its next try (0: it may try now). */
  waitMs(connectionId: string): number {
    const now = this.clock();
    const left = (c: Count | undefined, rule: ThrottleRule) =>
      c ? Math.max(0, c.lastFailureAt + throttleDelay(this.fresh(c, now).failures, rule) - now) : 0;
    return Math.max(
      left(this.byConnection.get(connectionId), this.policy.perConnection),
      left(this.global, this.policy.global),
    );
  }

  /**
   * Starts a sign-in attempt: the wait still to run (the attempt is refused), or 0, and then the
   * attempt is counted as a failure until succeeded() says otherwise.
   */
  attempt(connectionId: string): number {
    const wait = this.waitMs(connectionId);
    if (wait === 0) this.failed(connectionId);
    return wait;
  }

  /** Records a failed attempt (attempt() does it up front). */
  failed(connectionId: string): void {
    const now = this.clock();
    const c = this.fresh(this.byConnection.get(connectionId), now);
    this.byConnection.delete(connectionId);
    this.byConnection.set(connectionId, { failures: c.failures + 1, lastFailureAt: now });
    if (this.byConnection.size > this.policy.maxConnections)
      this.byConnection.delete(this.byConnection.keys().next().value!);
    const g = this.fresh(this.global, now);
    this.global = { failures: g.failures + 1, lastFailureAt: now };
  }

  /** The attempt succeeded: its connection starts afresh, and the console's count loses this one. */
  succeeded(connectionId: string): void {
    this.byConnection.delete(connectionId);
    this.global = { ...this.global, failures: Math.max(0, this.global.failures - 1) };
  }

  private fresh(c: Count | undefined, now: number): Count {
    return !c || now - c.lastFailureAt > this.policy.forgetAfterMs ? { failures: 0, lastFailureAt: 0 } : c;
  }
}
