// Runs in: renderer. What the idle lock counts as activity: the officer's own input (keys,
// pointer, a camera capture), never background polling. Input is reported to main at most once
// per beat, the last of a burst included, so main's clock for the lock never runs ahead of this
// one: the screen locks here first, at the idle time, and main refuses calls from then on.

/** How often input is reported to main while the officer works (the last one is always sent). */
export const ACTIVITY_BEAT_MS = 15_000;

/** What counts as the officer being there. Pointer moves too: a hand on the mouse is a person. */
export const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Fired by features for input that is not a key or pointer event (a camera capture). */
export const ACTIVITY_EVENT = 'arrivals:activity';

/** Counts as the officer's input: e.g. the camera took a capture. */
export function reportActivity(): void {
  window.dispatchEvent(new Event(ACTIVITY_EVENT));
}

export interface IdleLockOptions {
  idleMs: number;
  beatMs?: number;
  now?: () => number;
  /** Tells main about input (auth.activity). */
  report: () => void;
  /** No input for idleMs: lock now. Called once. */
  lock: () => void;
}

/** One signed-in, unlocked session's idle clock. Framework-free, on a clock the caller may fake. */
export class IdleTracker {
  private readonly beatMs: number;
  private readonly now: () => number;
  private lastInput: number;
  private lastReport = Number.NEGATIVE_INFINITY;
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private lockTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly o: IdleLockOptions) {
    this.beatMs = o.beatMs ?? ACTIVITY_BEAT_MS;
    this.now = o.now ?? Date.now;
    // Signing in or unlocking was input: main started its clock then too.
    this.lastInput = this.now();
    this.lastReport = this.lastInput;
    this.arm(o.idleMs);
  }

  input(): void {
    if (this.stopped) return;
    const t = this.now();
    this.lastInput = t;
    if (t - this.lastReport >= this.beatMs) this.send(t);
    else
      this.reportTimer ??= setTimeout(
        () => {
          this.reportTimer = null;
          this.send(this.now());
        },
        this.lastReport + this.beatMs - t,
      );
  }

  /** Locks if the idle time has passed; otherwise waits for the rest of it. */
  check(): void {
    if (this.stopped) return;
    const idle = this.now() - this.lastInput;
    if (idle >= this.o.idleMs) {
      this.stop();
      this.o.lock();
    } else this.arm(this.o.idleMs - idle);
  }

  stop(): void {
    this.stopped = true;
    if (this.reportTimer) clearTimeout(this.reportTimer);
    if (this.lockTimer) clearTimeout(this.lockTimer);
    this.reportTimer = this.lockTimer = null;
  }

  private send(t: number): void {
    if (this.stopped) return;
    this.lastReport = t;
    this.o.report();
  }

  private arm(ms: number): void {
    if (this.lockTimer) clearTimeout(this.lockTimer);
    this.lockTimer = setTimeout(() => this.check(), ms);
  }
}
