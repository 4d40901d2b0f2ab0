// Runs in: face worker threads (also usable in main). Small pixel helpers on interleaved RGB buffers.

/** Interleaved 8-bit RGB image (3 channels, row-major). */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MAX_SAMPLES = 3;

/**
 * Resample the source region `rect` (may extend outside the image: filled with `fill`) into an
 * outW x outH RGB buffer. Upscaling uses bilinear; downscaling averages up to 3x3 samples spread over
 * each output pixel's footprint (a cheap box filter) so small model inputs are not aliased.
 */
export function resample(img: RgbImage, rect: Rect, outW: number, outH: number, fill = 0): Uint8Array {
  const out = new Uint8Array(outW * outH * 3);
  const sx = rect.w / outW;
  const sy = rect.h / outH;
  const { data, width: W, height: H } = img;
  if (sx <= 1.0001 && sy <= 1.0001) {
    // Bilinear, pixel centres aligned. Column taps are precomputed once (offsets, -1 = outside),
    // so the per-pixel loop is plain index arithmetic.
    const cx0 = new Int32Array(outW);
    const cx1 = new Int32Array(outW);
    const cwx = new Float64Array(outW);
    for (let ox = 0; ox < outW; ox++) {
      const fx = rect.x + (ox + 0.5) * sx - 0.5;
      const x0 = Math.floor(fx);
      cwx[ox] = fx - x0;
      cx0[ox] = x0 >= 0 && x0 < W ? x0 * 3 : -1;
      cx1[ox] = x0 + 1 >= 0 && x0 + 1 < W ? (x0 + 1) * 3 : -1;
    }
    let o = 0;
    for (let oy = 0; oy < outH; oy++) {
      const fy = rect.y + (oy + 0.5) * sy - 0.5;
      const y0 = Math.floor(fy);
      const wy = fy - y0;
      const r0 = y0 >= 0 && y0 < H ? y0 * W * 3 : -1;
      const r1 = y0 + 1 >= 0 && y0 + 1 < H ? (y0 + 1) * W * 3 : -1;
      for (let ox = 0; ox < outW; ox++) {
        const wx = cwx[ox]!;
        const a = cx0[ox]!;
        const b = cx1[ox]!;
        const i00 = r0 < 0 || a < 0 ? -1 : r0 + a;
        const i10 = r0 < 0 || b < 0 ? -1 : r0 + b;
        const i01 = r1 < 0 || a < 0 ? -1 : r1 + a;
        const i11 = r1 < 0 || b < 0 ? -1 : r1 + b;
        for (let c = 0; c < 3; c++) {
          const p00 = i00 < 0 ? fill : data[i00 + c]!;
          const p10 = i10 < 0 ? fill : data[i10 + c]!;
          const p01 = i01 < 0 ? fill : data[i01 + c]!;
          const p11 = i11 < 0 ? fill : data[i11 + c]!;
          out[o++] = (p00 * (1 - wx) + p10 * wx) * (1 - wy) + (p01 * (1 - wx) + p11 * wx) * wy + 0.5;
        }
      }
    }
    return out;
  }
  // At most 3x3 samples: enough anti-aliasing for the detector/liveness inputs, and bounded cost
  // (a 4x4 box on a 1280x720 frame cost ~6 ms of JS per capture).
  const nx = Math.min(MAX_SAMPLES, Math.max(1, Math.ceil(sx)));
  const ny = Math.min(MAX_SAMPLES, Math.max(1, Math.ceil(sy)));
  // Precompute sample columns/rows (-1 = outside the image).
  const xs = new Int32Array(outW * nx);
  for (let ox = 0; ox < outW; ox++) {
    for (let k = 0; k < nx; k++) {
      const x = Math.floor(rect.x + ox * sx + ((k + 0.5) * sx) / nx);
      xs[ox * nx + k] = x >= 0 && x < W ? x * 3 : -1;
    }
  }
  const ys = new Int32Array(outH * ny);
  for (let oy = 0; oy < outH; oy++) {
    for (let k = 0; k < ny; k++) {
      const y = Math.floor(rect.y + oy * sy + ((k + 0.5) * sy) / ny);
      ys[oy * ny + k] = y >= 0 && y < H ? y * W * 3 : -1;
    }
  }
  const n = nx * ny;
  let o = 0;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let ky = 0; ky < ny; ky++) {
        const row = ys[oy * ny + ky]!;
        for (let kx = 0; kx < nx; kx++) {
          const col = xs[ox * nx + kx]!;
          if (row < 0 || col < 0) {
            r += fill;
            g += fill;
            b += fill;
          } else {
            const i = row + col;
            r += data[i]!;
            g += data[i + 1]!;
            b += data[i + 2]!;
          }
        }
      }
      out[o++] = r / n + 0.5;
      out[o++] = g / n + 0.5;
      out[o++] = b / n + 0.5;
    }
  }
  return out;
}

/**
 * Warp with a 2x3 affine matrix that maps OUTPUT coords to SOURCE coords (inverse map), bilinear,
 * border replicated (so the aligned face has no black wedges that the embedder never saw).
 */
export function warpAffineInverse(
  img: RgbImage,
  inv: readonly number[],
  outW: number,
  outH: number,
): Uint8Array {
  const out = new Uint8Array(outW * outH * 3);
  const { data, width: W, height: H } = img;
  const [a, b, c, d, e, f] = inv as [number, number, number, number, number, number];
  let o = 0;
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      let fx = a * x + b * y + c;
      let fy = d * x + e * y + f;
      fx = fx < 0 ? 0 : fx > W - 1 ? W - 1 : fx;
      fy = fy < 0 ? 0 : fy > H - 1 ? H - 1 : fy;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = x0 + 1 < W ? x0 + 1 : x0;
      const y1 = y0 + 1 < H ? y0 + 1 : y0;
      const wx = fx - x0;
      const wy = fy - y0;
      const i00 = (y0 * W + x0) * 3;
      const i10 = (y0 * W + x1) * 3;
      const i01 = (y1 * W + x0) * 3;
      const i11 = (y1 * W + x1) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const v =
          (data[i00 + ch]! * (1 - wx) + data[i10 + ch]! * wx) * (1 - wy) +
          (data[i01 + ch]! * (1 - wx) + data[i11 + ch]! * wx) * wy;
        out[o++] = v + 0.5;
      }
    }
  }
  return out;
}

/** RGB interleaved -> planar CHW float32 with (v - mean) / std. */
export function toChw(rgb: Uint8Array, w: number, h: number, mean: number, std: number): Float32Array {
  const plane = w * h;
  const out = new Float32Array(plane * 3);
  for (let i = 0, j = 0; i < plane; i++, j += 3) {
    out[i] = (rgb[j]! - mean) / std;
    out[plane + i] = (rgb[j + 1]! - mean) / std;
    out[2 * plane + i] = (rgb[j + 2]! - mean) / std;
  }
  return out;
}

/** BT.601 luma, same weights OpenCV's RGB2GRAY uses (what the landmark model was trained on). */
export function toGrey(rgb: Uint8Array): Float32Array {
  const n = rgb.length / 3;
  const out = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3)
    out[i] = 0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!;
  return out;
}
