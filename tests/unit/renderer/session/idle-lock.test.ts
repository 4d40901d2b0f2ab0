// Runs in: tests (jsdom project, fake timers: the test moves the clock). The idle clock in the
// renderer: input reported to main at most once per beat, the last of a burst included (so main
// never locks before the screen does); the lock after the idle time with no input, once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTracker } from '../../../../renderer/src/features/session/idle-lock';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

function tracker(idleMs = 60_000, beatMs = 15_000) {
  const reports: number[] = [];
  const locks: number[] = [];
  const t = new IdleTracker({
    idleMs,
    beatMs,
    report: () => reports.push(Date.now()),
    lock: () => locks.push(Date.now()),
  });
  return { t, reports, locks };
}

describe('IdleTracker', () => {
  it('locks once, a minute after sign-in, when nothing is typed or clicked', () => {
    const { locks, reports } = tracker();
    vi.advanceTimersByTime(59_999);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual([60_000]);
    vi.advanceTimersByTime(10 * 60_000);
    expect(locks).toHaveLength(1);
    expect(reports).toEqual([]); // nothing to report: no input
  });

  it('input moves the lock; a burst is reported at most once per beat, its last input included', () => {
    const { t, reports, locks } = tracker();
    vi.advanceTimersByTime(20_000);
    t.input(); // 20 s: a beat since sign-in, reported now
    vi.advanceTimersByTime(1_000);
    t.input(); // 21 s
    vi.advanceTimersByTime(4_000);
    t.input(); // 25 s: within the beat, reported at its end
    expect(reports).toEqual([20_000]);
    vi.advanceTimersByTime(10_000);
    expect(reports).toEqual([20_000, 35_000]); // main's clock is at or after the last input
    vi.advanceTimersByTime(49_999); // 84.999 s: 59.999 s after the last input
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual([85_000]);
  });

  it('stops for good: no report or lock after the session ended or locked', () => {
    const { t, reports, locks } = tracker();
    vi.advanceTimersByTime(20_000);
    t.input();
    t.input();
    t.stop();
    vi.advanceTimersByTime(5 * 60_000);
    expect(reports).toEqual([20_000]);
    expect(locks).toEqual([]);
  });

  it('a check after the machine slept locks at once if the time has passed', () => {
    const { t, locks } = tracker();
    vi.setSystemTime(3 * 60_000); // the timers did not run meanwhile
    t.check();
    expect(locks).toEqual([180_000]);
  });
});
