// Runs in: face worker threads. Passive liveness score with fr_liveness: advisory only, never a decision.
import type { InferenceSession } from 'onnxruntime-node';
import { resample, type RgbImage } from './image';
import { runSingle } from './sessions';
import type { Detection } from './detect';

export const LIVENESS_SIZE = 128;
export const LIVENESS_EXPAND = 2.7;

/** Crop 2.7x the square box, shifted (not clipped) to stay inside the image. */
export function livenessCrop(img: RgbImage, det: Detection): { x: number; y: number; size: number } {
  const side = Math.min(det.square.size * LIVENESS_EXPAND, img.width, img.height);
  const cx = det.square.x + det.square.size / 2;
  const cy = det.square.y + det.square.size / 2;
  const x = Math.min(Math.max(0, cx - side / 2), img.width - side);
  const y = Math.min(Math.max(0, cy - side / 2), img.height - side);
  return { x, y, size: side };
}

export async function livenessScore(
  session: InferenceSession,
  img: RgbImage,
  det: Detection,
): Promise<{ live: number; modelMs: number }> {
  const c = livenessCrop(img, det);
  const rgb = resample(img, { x: c.x, y: c.y, w: c.size, h: c.size }, LIVENESS_SIZE, LIVENESS_SIZE, 0);
  const plane = LIVENESS_SIZE * LIVENESS_SIZE;
  const t = new Float32Array(plane * 3);
  // Raw 0-255, planar RGB.
  for (let i = 0, j = 0; i < plane; i++, j += 3) {
    t[i] = rgb[j]!;
    t[plane + i] = rgb[j + 1]!;
    t[2 * plane + i] = rgb[j + 2]!;
  }
  const t0 = performance.now();
  const out = await runSingle(session, t, [1, 3, LIVENESS_SIZE, LIVENESS_SIZE]);
  const modelMs = performance.now() - t0;
  const logits = out[session.outputNames[0]!]!.data as Float32Array;
  const m = Math.max(logits[0]!, logits[1]!, logits[2]!);
  const e = [0, 1, 2].map((i) => Math.exp(logits[i]! - m));
  return { live: e[0]! / (e[0]! + e[1]! + e[2]!), modelMs };
}
