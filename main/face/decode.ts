// Runs in: face worker threads. Decodes untrusted image bytes into bounded-size sRGB pixels with sharp,
// or, for a JPEG being made smaller, with libjpeg-turbo at the DCT scale (jpeg-scaled.ts).
import os from 'node:os';
import sharp from 'sharp';
import { FaceError } from './errors';
import type { RgbImage } from './image';
import { restartStrips, type JpegStrip } from './jpeg-strips';
import {
  decodeScaledJpeg,
  exactScaledSide,
  scaledPlanFor,
  type ScaledPlan,
  type StoredPicture,
} from './jpeg-scaled';

/** Refuse above this: a decompression bomb must not exhaust memory (a 50 MP photo is still accepted and downscaled). */
export const MAX_INPUT_PIXELS = 120_000_000;
/** Longest side kept after decode: enough for a 100 px face in a wide shot, bounded memory/CPU. */
export const MAX_DECODED_SIDE = 1920;
export const MIN_DECODED_SIDE = 32;

export interface DecodedImage extends RgbImage {
  originalWidth: number;
  originalHeight: number;
  format: string;
  /** Original pixels -> decoded pixels (<1 when the input was downscaled). */
  scale: number;
  /** How many strips it was decoded in at once (1: the whole file, as one decode). */
  strips: number;
  /** Who decoded it: libjpeg-turbo at the DCT scale (jpeg-scaled.ts) or sharp. */
  decoder: 'libjpeg-turbo' | 'sharp';
}

let configured = false;
function configureSharp(): void {
  if (configured) return;
  configured = true;
  // One libvips thread per worker: parallelism comes from the pool, and spare threads would
  // compete with onnxruntime on a 2-core booth PC. No cache: inputs are never repeated.
  sharp.concurrency(1);
  sharp.cache(false);
}

/** The detector's input is 320×240: a first decode with at least this longest side loses it nothing. */
export const DETECT_MIN_SIDE = 320;

/**
 * The JPEG DCT scale (1, 2, 4 or 8) sharp 0.34 decodes at when asked for `side` of a `side0` picture
 * (pipeline.cc): the largest of 8, 4, 2 at most side0/side, halved when floor(side0/side) is exactly
 * that (its guard against libjpeg rounding). So asking for 480 of 4032 (8.4) decodes at 1/4.
 */
export function jpegShrinkFor(side0: number, side: number): number {
  return dctScaleFor(side0 / side);
}

/** The DCT scale sharp decodes a JPEG at for a shrink factor (the smaller of its two axes'). */
function dctScaleFor(shrink: number): number {
  const s = shrink >= 8 ? 8 : shrink >= 4 ? 4 : shrink >= 2 ? 2 : 1;
  return s > 1 && Math.floor(shrink) === s ? s / 2 : s;
}

/**
 * From this size a JPEG with restart markers is decoded in strips at once (jpeg-strips.ts): its
 * entropy decoding is then long enough (~10 ms and up) that sharing it out saves more than the cut costs.
 */
export const STRIP_MIN_PIXELS = 4_000_000;
/** Strips decoded at once: the cores a booth PC has (two to four), one strip each. */
export const STRIP_PARTS = Math.min(4, os.availableParallelism());

/**
 * The longest side to decode a `side0` picture at so that a JPEG decodes at the coarsest DCT scale
 * still giving at least `minSide` (at most `maxSide`): at 1/8 libjpeg computes one coefficient per
 * block instead of 64, and what is left is the entropy decoding. Just over s+1 times smaller: the
 * largest size sharp still decodes at 1/s (see jpegShrinkFor), resampled a little after.
 */
export function shrinkOnLoadSide(side0: number, minSide: number, maxSide = MAX_DECODED_SIDE): number {
  const need = Math.min(maxSide, minSide);
  for (const s of [8, 4, 2]) {
    const side = Math.min(maxSide, Math.floor(side0 / (s + 1)));
    if (side >= need && jpegShrinkFor(side0, side) === s) return side;
  }
  return need;
}

/** A checked image, not yet decoded: its header read once, decoded at the size each step needs. */
export interface ImageSource {
  /** Oriented (EXIF-rotated) size in original pixels. */
  width: number;
  height: number;
  format: string;
  /** Decode at most `maxSide` on the longest side (never enlarged). */
  decode(maxSide?: number): Promise<DecodedImage>;
  /**
   * The longest side to ask `decode` for so that it costs least and gives at least `minSide` (see
   * shrinkOnLoadSide; exactScaledSide when libjpeg-turbo decodes it: no resampling at all).
   */
  sideFor(minSide: number): number;
}

/**
 * Reads and checks the header (empty, unreadable, too large or too small input is refused here).
 * `scaled: false` has sharp decode even what libjpeg-turbo could (benchmarks and tests compare the two).
 */
export async function openImage(bytes: Uint8Array, opts: { scaled?: boolean } = {}): Promise<ImageSource> {
  configureSharp();
  if (!bytes || bytes.byteLength === 0)
    throw new FaceError('EMPTY_INPUT', 'no image data received (empty file)');
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new FaceError(
      'UNSUPPORTED_IMAGE',
      'the file is not a readable image (corrupt or unsupported format)',
    );
  }
  const w0 = meta.width ?? 0;
  const h0 = meta.height ?? 0;
  if (!w0 || !h0)
    throw new FaceError('UNSUPPORTED_IMAGE', 'the file is not a readable image (no dimensions)');
  if (w0 * h0 > MAX_INPUT_PIXELS) {
    throw new FaceError(
      'IMAGE_TOO_LARGE',
      `image is too large (${Math.round((w0 * h0) / 1e6)} megapixels; limit ${MAX_INPUT_PIXELS / 1e6})`,
    );
  }
  // EXIF orientations 5-8 swap width and height.
  const swap = (meta.orientation ?? 1) >= 5;
  const ow = swap ? h0 : w0;
  const oh = swap ? w0 : h0;
  if (Math.max(ow, oh) < MIN_DECODED_SIDE) {
    throw new FaceError('IMAGE_TOO_SMALL', `image is too small (${ow}x${oh} pixels)`);
  }
  const format = meta.format ?? 'unknown';
  const stored = { width: w0, height: h0, orientation: meta.orientation ?? 1 };
  const strips = format === 'jpeg' && w0 * h0 >= STRIP_MIN_PIXELS && STRIP_PARTS > 1;
  const scaled =
    opts.scaled === false
      ? null
      : scaledPlanFor({ format, space: meta.space, channels: meta.channels, icc: meta.icc });
  return {
    width: ow,
    height: oh,
    format,
    decode: async (maxSide = MAX_DECODED_SIDE) =>
      (scaled && (await decodeAtDctScale(input, stored, maxSide, format, strips, scaled))) ||
      (strips && (await inStrips(input, (cut) => decodeStrips(cut, stored, maxSide, format)))) ||
      decodeAt(input, ow, oh, format, maxSide),
    sideFor: (minSide) =>
      scaled
        ? exactScaledSide(Math.max(ow, oh), minSide, MAX_DECODED_SIDE)
        : shrinkOnLoadSide(Math.max(ow, oh), minSide),
  };
}

/** libjpeg-turbo's decode at the DCT scale (jpeg-scaled.ts), in strips at once when it has them; null: let sharp. */
async function decodeAtDctScale(
  input: Buffer,
  stored: StoredPicture,
  maxSide: number,
  format: string,
  strips: boolean,
  plan: ScaledPlan,
): Promise<DecodedImage | null> {
  const cut = strips ? await inStrips(input, (parts) => decodeScaledIn(parts.map((p) => p.bytes))) : null;
  return cut ?? (await decodeScaledIn([input]));

  async function decodeScaledIn(parts: Buffer[]): Promise<DecodedImage | null> {
    const d = await decodeScaledJpeg(parts, stored, maxSide, plan);
    if (!d) return null;
    const swap = stored.orientation >= 5;
    const originalWidth = swap ? stored.height : stored.width;
    return {
      ...d,
      originalWidth,
      originalHeight: swap ? stored.width : stored.height,
      format,
      scale: d.width / originalWidth,
      strips: parts.length,
      decoder: 'libjpeg-turbo',
    };
  }
}

/** Strip memory kept between decodes: a fresh buffer of a photo's size costs milliseconds of page faults. */
const spare: Buffer[] = [];
const SPARE_MAX_BYTES = 32 * 2 ** 20;

/** `use` on the picture's strips, written into kept memory; null when it has none. */
async function inStrips<T>(
  input: Buffer,
  use: (strips: JpegStrip[]) => Promise<T | null>,
): Promise<T | null> {
  let taken: Buffer | undefined;
  const strips = restartStrips(input, STRIP_PARTS, (size) => {
    const i = spare.findIndex((b) => b.length >= size);
    taken = i >= 0 ? spare.splice(i, 1)[0]! : Buffer.allocUnsafeSlow(Math.ceil(size / 2 ** 20) * 2 ** 20);
    return taken;
  });
  try {
    return strips ? await use(strips) : null;
  } finally {
    // Two kept at most (a worker's decodes seldom overlap), the larger ones.
    if (taken && taken.length <= SPARE_MAX_BYTES) {
      spare.push(taken);
      spare.sort((a, b) => b.length - a.length).splice(2);
    }
  }
}

/**
 * The picture decoded strip by strip, all at once, each strip turned upright (its header holds
 * the photo's EXIF), then put side by side as the orientation places them: the same pixels as one
 * decode but for the rows next to a cut (where each strip's edge stands in for its neighbour's),
 * at the same DCT scale. Null when a strip would need another scale or does not decode: the
 * whole file is then decoded as usual, and its error, if any, is the one reported.
 */
async function decodeStrips(
  strips: JpegStrip[],
  stored: { width: number; height: number; orientation: number },
  maxSide: number,
  format: string,
): Promise<DecodedImage | null> {
  const { width: w0, height: h0, orientation } = stored;
  const shrink = Math.max(1, Math.max(w0, h0) / maxSide);
  const width = shrink > 1 ? Math.round(w0 / shrink) : w0;
  // Each strip's share of the stored rows, rounded down so that none shrinks by less than the whole.
  const sizes = strips.map((s) => (shrink > 1 ? Math.max(1, Math.floor(s.height / shrink)) : s.height));
  const scale = dctScaleFor(shrink);
  if (sizes.some((h, i) => dctScaleFor(Math.min(w0 / width, strips[i]!.height / h)) !== scale)) return null;
  // Orientations 5–8 turn the stored rows into columns; 3, 4, 6 and 7 put the first row last.
  const swap = orientation >= 5;
  let parts: Uint8Array[];
  try {
    parts = await Promise.all(
      strips.map(async (s, i) => {
        // Strict: a strip cut in the wrong place (a damaged file) warns, and the whole file is decoded.
        let pipeline = sharp(s.bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' }).rotate();
        const [w, h] = swap ? [sizes[i]!, width] : [width, sizes[i]!];
        if (shrink > 1) pipeline = pipeline.resize({ width: w, height: h, fit: 'fill' });
        const { data, info } = await pipeline
          .toColourspace('srgb')
          .removeAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        if (info.width !== w || info.height !== h) throw new Error('strip size');
        const px = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        return info.channels === 3 ? px : toRgb(px, info.channels, info.width * info.height);
      }),
    );
  } catch {
    return null;
  }
  const across = sizes.reduce((a, b) => a + b, 0);
  const [ow, oh] = swap ? [across, width] : [width, across];
  const out = new Uint8Array(ow * oh * 3);
  const order = [3, 4, 6, 7].includes(orientation)
    ? parts.map((_, i) => parts.length - 1 - i)
    : parts.map((_, i) => i);
  let at = 0;
  for (const i of order) {
    const p = parts[i]!;
    if (!swap)
      out.set(p, at * ow * 3); // strips one under another
    else {
      // side by side: each of the strip's rows into its columns
      const sw = sizes[i]! * 3;
      for (let y = 0; y < oh; y++) out.set(p.subarray(y * sw, y * sw + sw), (y * ow + at) * 3);
    }
    at += sizes[i]!;
  }
  return {
    data: out,
    width: ow,
    height: oh,
    originalWidth: swap ? h0 : w0,
    originalHeight: swap ? w0 : h0,
    format,
    scale: ow / (swap ? h0 : w0),
    strips: strips.length,
    decoder: 'sharp',
  };
}

async function decodeAt(
  input: Buffer,
  ow: number,
  oh: number,
  format: string,
  maxSide: number,
): Promise<DecodedImage> {
  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'error',
      pages: 1,
    })
      .rotate() // honour EXIF orientation: a rotated phone photo is otherwise missed entirely
      // A large JPEG shrinks on load (fastShrinkOnLoad, on by default): decoding to a small size
      // costs a fraction of a full decode.
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: { r: 255, g: 255, b: 255 } }) // alpha: composite on white, like a printed photo
      .toColourspace('srgb') // CMYK and grey inputs become sRGB
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (info.channels !== 3) pixels = toRgb(pixels, info.channels, info.width * info.height);
    return {
      data: pixels,
      width: info.width,
      height: info.height,
      originalWidth: ow,
      originalHeight: oh,
      format,
      scale: info.width / ow,
      strips: 1,
      decoder: 'sharp',
    };
  } catch (err) {
    if (err instanceof FaceError) throw err;
    throw new FaceError('UNSUPPORTED_IMAGE', 'the image could not be decoded (corrupt or truncated file)');
  }
}

export async function decodeImage(bytes: Uint8Array, maxSide = MAX_DECODED_SIDE): Promise<DecodedImage> {
  return (await openImage(bytes)).decode(maxSide);
}

function toRgb(src: Uint8Array, channels: number, n: number): Uint8Array {
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const s = i * channels;
    const g = src[s]!;
    out[i * 3] = g;
    out[i * 3 + 1] = channels >= 3 ? src[s + 1]! : g;
    out[i * 3 + 2] = channels >= 3 ? src[s + 2]! : g;
  }
  return out;
}
