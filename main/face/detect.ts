// Runs in: face worker threads. Face detection with fr_detect (320x240, boxes/scores already decoded by the model).
import type { InferenceSession } from 'onnxruntime-node';
import { resample, toChw, type RgbImage } from './image';
import { runSingle } from './sessions';

export const DETECT_W = 320;
export const DETECT_H = 240;
export const DETECT_SCORE_MIN = 0.65;
export const NMS_IOU = 0.4;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Detection {
  /** Raw detector box in image pixels (tall: median w/h 0.70). */
  box: Box;
  /** Square box, side = raw box height, same centre: what landmarks/liveness use. */
  square: { x: number; y: number; size: number };
  score: number;
}

/** Letterbox to 4:3 (top-left anchored, pad value 127 -> 0 after normalisation). Returns tensor + source span. */
export function detectInput(img: RgbImage): { tensor: Float32Array; spanW: number; spanH: number } {
  const scale = Math.min(DETECT_W / img.width, DETECT_H / img.height);
  const spanW = DETECT_W / scale;
  const spanH = DETECT_H / scale;
  const rgb = resample(img, { x: 0, y: 0, w: spanW, h: spanH }, DETECT_W, DETECT_H, 127);
  return { tensor: toChw(rgb, DETECT_W, DETECT_H, 127, 128), spanW, spanH };
}

export async function detectFaces(
  session: InferenceSession,
  img: RgbImage,
  minScore = DETECT_SCORE_MIN,
): Promise<{ faces: Detection[]; modelMs: number }> {
  const { tensor, spanW, spanH } = detectInput(img);
  const t0 = performance.now();
  const out = await runSingle(session, tensor, [1, 3, DETECT_H, DETECT_W]);
  const modelMs = performance.now() - t0;
  const scores = out['scores']!.data as Float32Array;
  const boxes = out['boxes']!.data as Float32Array;
  const n = scores.length / 2;
  const cands: Detection[] = [];
  for (let i = 0; i < n; i++) {
    // scores are already softmaxed; column 1 = face.
    const s = scores[i * 2 + 1]!;
    if (s < minScore) continue;
    // Not clamped: quality uses the overhang to detect a face cut off at the edge.
    const x1 = boxes[i * 4]! * spanW;
    const y1 = boxes[i * 4 + 1]! * spanH;
    const x2 = boxes[i * 4 + 2]! * spanW;
    const y2 = boxes[i * 4 + 3]! * spanH;
    if (x2 - x1 < 2 || y2 - y1 < 2) continue;
    cands.push({ box: { x1, y1, x2, y2 }, square: squareOf({ x1, y1, x2, y2 }), score: s });
  }
  return { faces: nms(cands, NMS_IOU), modelMs };
}

/** Raw boxes are tall; a square of side = height keeps the whole face for landmarks. */
export function squareOf(b: Box): { x: number; y: number; size: number } {
  const size = b.y2 - b.y1;
  const cx = (b.x1 + b.x2) / 2;
  return { x: cx - size / 2, y: b.y1, size };
}

/** The same detection in an image decoded at another size (`r` = new pixels per old pixel). */
export function scaleDetection(d: Detection, r: number): Detection {
  const box = { x1: d.box.x1 * r, y1: d.box.y1 * r, x2: d.box.x2 * r, y2: d.box.y2 * r };
  return { box, square: squareOf(box), score: d.score };
}

export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const iy = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = ix * iy;
  const ua = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
  return ua > 0 ? inter / ua : 0;
}

/** Standard greedy NMS by score. */
export function nms(dets: Detection[], thr: number): Detection[] {
  const sorted = [...dets].sort((a, b) => b.score - a.score);
  const keep: Detection[] = [];
  for (const d of sorted) {
    if (keep.every((k) => iou(k.box, d.box) <= thr)) keep.push(d);
  }
  return keep;
}
