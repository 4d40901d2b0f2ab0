/** A JPEG's pixels decoded at 1/`denom` of its size, RGB, 3 bytes per pixel, rows packed. */
export interface ScaledPixels {
  data: Buffer;
  width: number;
  height: number;
}
/**
 * Decodes on a libuv thread. Rejects (never crashes) on anything libjpeg-turbo refuses, on CMYK or
 * YCCK pictures and, when `strict`, on a warning too (a damaged or cut file).
 */
export declare function decodeScaled(
  jpeg: Buffer,
  denom: 1 | 2 | 4 | 8,
  strict: boolean,
): Promise<ScaledPixels>;
export declare const available: boolean;
export declare const loadError: string | null;
