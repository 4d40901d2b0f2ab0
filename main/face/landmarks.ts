// Runs in: face worker threads. 68-point landmarks with fr_landmark, reduced to the 5 alignment points.
import type { InferenceSession } from 'onnxruntime-node';
import { resample, toGrey, type RgbImage } from './image';
import { runSingle } from './sessions';
import type { Detection } from './detect';

export type Point = [number, number];

export const LANDMARK_SIZE = 64;

export async function detectLandmarks(
  session: InferenceSession,
  img: RgbImage,
  det: Detection,
): Promise<{ points68: Point[]; modelMs: number }> {
  const { x, y, size } = det.square; // no expansion: that is the crop the model expects
  const rgb = resample(img, { x, y, w: size, h: size }, LANDMARK_SIZE, LANDMARK_SIZE, 0);
  const grey = toGrey(rgb);
  for (let i = 0; i < grey.length; i++) grey[i] = grey[i]! / 256;
  const t0 = performance.now();
  const out = await runSingle(session, grey, [1, 1, LANDMARK_SIZE, LANDMARK_SIZE]);
  const modelMs = performance.now() - t0;
  const o = out[session.outputNames[0]!]!.data as Float32Array;
  const points68: Point[] = [];
  // Interleaved x,y normalised to the crop.
  for (let i = 0; i < 68; i++) points68.push([o[2 * i]! * size + x, o[2 * i + 1]! * size + y]);
  return { points68, modelMs };
}

function mean(pts: Point[], idx: number[]): Point {
  let sx = 0;
  let sy = 0;
  for (const i of idx) {
    sx += pts[i]![0];
    sy += pts[i]![1];
  }
  return [sx / idx.length, sy / idx.length];
}

/** 68 -> 5: left eye, right eye (image left/right), nose tip, left and right mouth corners. */
export function fivePoints(p: Point[]): Point[] {
  return [mean(p, [37, 38, 40, 41]), mean(p, [43, 44, 46, 47]), p[30]!, mean(p, [48, 60]), mean(p, [54, 64])];
}
