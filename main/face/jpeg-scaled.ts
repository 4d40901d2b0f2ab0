// Runs in: face worker threads. A JPEG that is being made smaller decoded by libjpeg-turbo at the
// DCT scale itself (1/2, 1/4, 1/8: native/jpeg-scale), then turned upright, instead of by sharp. At
// 1/8 libjpeg computes one coefficient per 8×8 block, but sharp 0.34 decodes a picture at 1/8 only
// for a size it then still resamples, and at 1/4 for exactly 1/8 (its guard in pipeline.cc): for a
// 12 MP photo this decode takes about 0.6 of sharp's time (docs/benchmarks.md). It applies only where
// it gives sharp's pixels (an sRGB, untagged or matrix-profile picture in YCbCr or grey; any
// refusal or libjpeg warning: null, and sharp decodes the file as before) and only while the addon
// is built.
import sharp from 'sharp';
import { available, decodeScaled } from 'jpeg-scale';
import { iccDescription, matrixProfileToSrgb, type SrgbConversion } from './icc-srgb';

/** False when native/jpeg-scale was not built (no libjpeg-turbo on the build machine): sharp decodes all. */
export const scaledJpegAvailable = available;

/** DCT scales libjpeg-turbo decodes at and that sharp would also reach. */
const SCALES = [8, 4, 2] as const;

/** What sharp's metadata says of a picture, as far as this decoder cares. */
export interface JpegFacts {
  format: string;
  space?: string;
  channels?: number;
  icc?: Buffer;
}

/** How libjpeg-turbo's RGB becomes the picture sharp would give: as it is, or through `toSrgb`. */
export interface ScaledPlan {
  toSrgb: SrgbConversion | null;
}

/**
 * Whether libjpeg-turbo can decode the picture as sharp would: a JPEG in YCbCr or grey (not CMYK)
 * with no colour profile or an sRGB one, or an RGB matrix profile (a phone's Display P3) that
 * icc-srgb.ts converts as sharp's ICC transform does. Null: leave it to sharp.
 */
export function scaledPlanFor(meta: JpegFacts): ScaledPlan | null {
  if (!scaledJpegAvailable || meta.format !== 'jpeg') return null;
  if (meta.space !== 'srgb' && meta.space !== 'b-w') return null;
  if (meta.channels !== 3 && meta.channels !== 1) return null;
  if (!meta.icc || /\bsRGB\b/i.test(iccDescription(meta.icc) ?? '')) return { toSrgb: null };
  const toSrgb = matrixProfileToSrgb(meta.icc);
  return toSrgb ? { toSrgb } : null;
}

/**
 * The longest side this decoder gives at no resampling cost with at least `minSide` (at most
 * `maxSide`): ceil(side0 / s) at the coarsest DCT scale s still giving it; `minSide` itself when
 * none does.
 */
export function exactScaledSide(side0: number, minSide: number, maxSide: number): number {
  const need = Math.min(maxSide, minSide);
  for (const s of SCALES) {
    const side = Math.ceil(side0 / s);
    if (side >= need && side <= maxSide) return side;
  }
  return need;
}

export interface StoredPicture {
  /** Stored (not yet oriented) size. */
  width: number;
  height: number;
  /** EXIF orientation 1–8. */
  orientation: number;
}

export interface ScaledDecode {
  data: Uint8Array;
  /** Upright size. */
  width: number;
  height: number;
}

/**
 * The picture from `parts` (the whole file, or its strips from the top down, each a JPEG of its
 * rows: jpeg-strips.ts) upright at `maxSide` on its longest side: each part decoded at once at the
 * coarsest DCT scale that still gives at least that, then resampled only if it gave more. Null
 * when no shrink is asked (sharp's decode is then as fast) or libjpeg-turbo refuses or warns on
 * any part (strict: a cut in the wrong place, a damaged file).
 */
export async function decodeScaledJpeg(
  parts: Buffer[],
  stored: StoredPicture,
  maxSide: number,
  plan: ScaledPlan,
): Promise<ScaledDecode | null> {
  const { width: w0, height: h0, orientation } = stored;
  const shrink = Math.max(w0, h0) / maxSide;
  const s = SCALES.find((f) => f <= shrink);
  if (!s) return null;
  let decoded;
  try {
    decoded = await Promise.all(parts.map((p) => decodeScaled(p, s, true, plan.toSrgb)));
  } catch {
    return null;
  }
  const width = decoded[0]!.width;
  if (decoded.some((d) => d.width !== width)) return null;
  const height = decoded.reduce((n, d) => n + d.height, 0);
  if (width !== Math.ceil(w0 / s) || height !== Math.ceil(h0 / s)) return null;
  const joined = decoded.length === 1 ? decoded[0]!.data : Buffer.concat(decoded.map((d) => d.data));
  // A plain Uint8Array view: V8's element access on a Buffer is several times slower in these loops.
  const rows = new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
  const up = orient(rows, width, height, orientation);
  // sharp's size for the same ask (fit inside, rounded), so both decoders agree on it.
  const [tw, th] = orientation >= 5 ? [h0, w0] : [w0, h0];
  const k = Math.max(tw, th) / maxSide;
  const want = { width: Math.max(1, Math.round(tw / k)), height: Math.max(1, Math.round(th / k)) };
  if (want.width === up.width && want.height === up.height) return up;
  const data = await sharp(up.data, { raw: { width: up.width, height: up.height, channels: 3 } })
    .resize({ ...want, fit: 'fill' })
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ...want };
}

/**
 * Stored RGB rows turned upright by EXIF orientation (2 mirrored, 3 upside down, 4 mirrored upside
 * down, 5 transposed, 6 a quarter turn clockwise, 7 transversed, 8 a quarter turn anticlockwise).
 */
export function orient(src: Uint8Array, w: number, h: number, orientation: number): ScaledDecode {
  if (orientation < 2 || orientation > 8) return { data: src, width: w, height: h };
  const swap = orientation >= 5;
  const [ow, oh] = swap ? [h, w] : [w, h];
  // Where stored pixel (x, y) lands, in upright pixels: c + x·ax + y·ay for each orientation.
  const [c, ax, ay] = (
    {
      2: [w - 1, -1, ow],
      3: [(h - 1) * ow + w - 1, -1, -ow],
      4: [(h - 1) * ow, 1, -ow],
      5: [0, ow, 1],
      6: [h - 1, ow, -1],
      7: [(w - 1) * ow + h - 1, -ow, -1],
      8: [(w - 1) * ow, -ow, 1],
    } as Record<number, [number, number, number]>
  )[orientation]!;
  const out = new Uint8Array(w * h * 3);
  const step = ax * 3;
  for (let y = 0, i = 0; y < h; y++)
    for (let x = 0, o = (c + y * ay) * 3; x < w; x++, i += 3, o += step) {
      out[o] = src[i]!;
      out[o + 1] = src[i + 1]!;
      out[o + 2] = src[i + 2]!;
    }
  return { data: out, width: ow, height: oh };
}
