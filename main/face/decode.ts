// Runs in: face worker threads. Decodes untrusted image bytes into bounded-size sRGB pixels with sharp.
import sharp from 'sharp';
import { FaceError } from './errors';
import type { RgbImage } from './image';

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
  const shrink = side0 / side;
  const s = shrink >= 8 ? 8 : shrink >= 4 ? 4 : shrink >= 2 ? 2 : 1;
  return s > 1 && Math.floor(shrink) === s ? s / 2 : s;
}

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
}

/** Reads and checks the header (empty, unreadable, too large or too small input is refused here). */
export async function openImage(bytes: Uint8Array): Promise<ImageSource> {
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
  return {
    width: ow,
    height: oh,
    format,
    decode: (maxSide = MAX_DECODED_SIDE) => decodeAt(input, ow, oh, format, maxSide),
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
