// Runs in: face worker threads. 5-point least-squares similarity alignment to the 112x112 ArcFace template.
import { warpAffineInverse, type RgbImage } from './image';
import type { Point } from './landmarks';

export const ALIGN_SIZE = 112;
export const REFERENCE_5: Point[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

/**
 * Least-squares similarity (scale, rotation, translation; no shear) mapping src -> dst.
 * Returns [a, -b, tx, b, a, ty] for x' = a x - b y + tx, y' = b x + a y + ty.
 * All five points are used: the 3-point affine was measurably worse (FACE-PIPELINE.md).
 */
export function similarityTransform(src: Point[], dst: Point[]): number[] {
  const n = src.length;
  let mxs = 0,
    mys = 0,
    mxd = 0,
    myd = 0;
  for (let i = 0; i < n; i++) {
    mxs += src[i]![0];
    mys += src[i]![1];
    mxd += dst[i]![0];
    myd += dst[i]![1];
  }
  mxs /= n;
  mys /= n;
  mxd /= n;
  myd /= n;
  let sxx = 0,
    sab = 0,
    sba = 0;
  for (let i = 0; i < n; i++) {
    const xs = src[i]![0] - mxs,
      ys = src[i]![1] - mys;
    const xd = dst[i]![0] - mxd,
      yd = dst[i]![1] - myd;
    sxx += xs * xs + ys * ys;
    sab += xs * xd + ys * yd;
    sba += xs * yd - ys * xd;
  }
  const a = sab / sxx;
  const b = sba / sxx;
  return [a, -b, mxd - a * mxs + b * mys, b, a, myd - b * mxs - a * mys];
}

export function invertAffine(m: number[]): number[] {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const det = a * e - b * d;
  return [e / det, -b / det, (b * f - c * e) / det, -d / det, a / det, (c * d - a * f) / det];
}

/** Returns the aligned 112x112 RGB face and the forward transform (image -> aligned). */
export function alignFace(img: RgbImage, five: Point[]): { rgb: Uint8Array; transform: number[] } {
  const m = similarityTransform(five, REFERENCE_5);
  return { rgb: warpAffineInverse(img, invertAffine(m), ALIGN_SIZE, ALIGN_SIZE), transform: m };
}
