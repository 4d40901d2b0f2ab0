/** A JPEG's pixels decoded at 1/`denom` of its size, RGB, 3 bytes per pixel, rows packed. */
export interface ScaledPixels {
  data: Buffer;
  width: number;
  height: number;
}
/**
 * A conversion applied to each decoded pixel on the decoding thread: channel c becomes
 * encode[clamp(tables[3c·256 + r] + tables[(3c+1)·256 + g] + tables[(3c+2)·256 + b], 0, encode.length − 1)].
 */
export interface PixelConversion {
  /** 9 × 256 entries. */
  tables: Int32Array;
  encode: Uint8Array;
}
/**
 * Decodes on a libuv thread. Rejects (never crashes) on anything libjpeg-turbo refuses, on CMYK or
 * YCCK pictures and, when `strict`, on a warning too (a damaged or cut file).
 */
export declare function decodeScaled(
  jpeg: Buffer,
  denom: 1 | 2 | 4 | 8,
  strict: boolean,
  convert?: PixelConversion | null,
): Promise<ScaledPixels>;
export declare const available: boolean;
export declare const loadError: string | null;
