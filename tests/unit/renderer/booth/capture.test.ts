// Runs in: tests (jsdom, fake timers). A camera capture is the officer's input for the idle lock:
// it moves the lock as a key or a click does, through the same event the idle watch listens for;
// a press with no frame yet (a black start of the stream) takes nothing and counts for nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureFrame } from '../../../../renderer/src/features/booth/capture';
import { ACTIVITY_EVENT, IdleTracker } from '../../../../renderer/src/features/session/idle-lock';

// jsdom has no canvas: a 2D context that draws nothing and a JPEG of four bytes.
const drawImage = vi.fn();
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  drawImage.mockClear();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
    drawImage,
  } as unknown as CanvasRenderingContext2D);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/jpeg;base64,/9j/2Q==');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A camera preview with a 1280×720 frame (readyState 4) or none yet (readyState 0). */
function preview(framed: boolean): HTMLVideoElement {
  const v = document.createElement('video');
  Object.defineProperties(v, {
    videoWidth: { value: framed ? 1280 : 0 },
    videoHeight: { value: framed ? 720 : 0 },
    readyState: { value: framed ? 4 : 0 },
  });
  return v;
}

describe('a camera capture', () => {
  it('is the whole frame as JPEG, and counts as input: the idle lock moves', () => {
    const locks: number[] = [];
    const tracker = new IdleTracker({
      idleMs: 60_000,
      report: () => undefined,
      lock: () => locks.push(Date.now()),
    });
    const onInput = () => tracker.input();
    window.addEventListener(ACTIVITY_EVENT, onInput);
    try {
      vi.advanceTimersByTime(50_000);
      expect(captureFrame(preview(true))).toBe('/9j/2Q==');
      expect(drawImage).toHaveBeenCalledWith(expect.any(HTMLVideoElement), 0, 0, 1280, 720);
      vi.advanceTimersByTime(59_999); // a minute after the capture, not after sign-in
      expect(locks).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(locks).toEqual([110_000]);
    } finally {
      tracker.stop();
      window.removeEventListener(ACTIVITY_EVENT, onInput);
    }
  });

  it('takes nothing and counts for nothing before the first frame has arrived', () => {
    const seen = vi.fn();
    window.addEventListener(ACTIVITY_EVENT, seen);
    try {
      expect(captureFrame(preview(false))).toBeNull();
      expect(captureFrame(null)).toBeNull();
      expect(seen).not.toHaveBeenCalled();
      expect(drawImage).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener(ACTIVITY_EVENT, seen);
    }
  });
});
