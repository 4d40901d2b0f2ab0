// Runs in: renderer. Taking a picture from the camera preview: the frame as JPEG, and a capture
// counts as the officer's input for the idle lock (session/idle-lock.ts), like a key or a click.
import { reportActivity } from '../session/idle-lock';

/** The current camera frame as JPEG base64, `width` pixels wide (the whole frame by default). */
export function frameOf(v: HTMLVideoElement, width = v.videoWidth, quality = 0.92): string {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = Math.round((width * v.videoHeight) / v.videoWidth);
  c.getContext('2d')!.drawImage(v, 0, 0, c.width, c.height);
  return c.toDataURL('image/jpeg', quality).split(',')[1]!;
}

/**
 * The officer's capture: the whole frame, or null when no frame has arrived yet (the first moments
 * of a stream can be black). Only a real capture counts as activity, not the guidance frames.
 */
export function captureFrame(v: HTMLVideoElement | null): string | null {
  if (!v || !v.videoWidth || v.readyState < 2) return null;
  reportActivity();
  return frameOf(v);
}
