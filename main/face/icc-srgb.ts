// Runs in: face worker threads. A matrix/TRC colour profile (as phones embed: Display P3) turned
// into a per-pixel conversion to sRGB, so that pixels libjpeg-turbo decoded (it reads no profile)
// come out as sharp gives them after its ICC transform. Any other kind of profile (LUT-based, CMYK,
// grey, damaged) gives null and the picture is left to sharp.
import type { PixelConversion } from 'jpeg-scale';

/** sRGB's primaries in the ICC connection space (XYZ, D50, Bradford-adapted), inverted: XYZ → linear sRGB. */
const XYZ_TO_SRGB = [
  3.1338561, -1.6168667, -0.4906146, -0.9787684, 1.9161415, 0.033454, 0.0719453, -0.2289914, 1.4052427,
];

/**
 * The conversion as jpeg-scale applies it to each decoded pixel, on its thread: each output
 * channel a sum of three tables over the input channels (matrix entry × input curve, in steps of
 * the encoding table), looked up in sRGB's encoding.
 */
export type SrgbConversion = PixelConversion;

/** The conversion from `icc`'s RGB to sRGB, or null when the profile is not a readable RGB matrix/TRC one. */
export function matrixProfileToSrgb(icc: Buffer): SrgbConversion | null {
  // Photos from one kind of phone carry the same profile: read it once.
  const key = icc.toString('base64');
  if (known.has(key)) return known.get(key)!;
  let conversion: SrgbConversion | null;
  try {
    conversion = parse(icc);
  } catch {
    conversion = null; // a damaged profile: sharp (lcms) decides what it means
  }
  if (known.size >= 16) known.clear();
  known.set(key, conversion);
  return conversion;
}
const known = new Map<string, SrgbConversion | null>();

type Tag = { off: number; size: number };

/** The profile's tag table (signature → where its data is); null when the table is damaged. */
function tagsOf(icc: Buffer): Map<string, Tag> | null {
  if (icc.length < 132) return null;
  const count = icc.readUInt32BE(128);
  if (count > 100 || 132 + 12 * count > icc.length) return null;
  const tags = new Map<string, Tag>();
  for (let i = 0; i < count; i++) {
    const at = 132 + 12 * i;
    const off = icc.readUInt32BE(at + 4);
    const size = icc.readUInt32BE(at + 8);
    if (off + size > icc.length) return null;
    tags.set(icc.toString('latin1', at, at + 4), { off, size });
  }
  return tags;
}

/** The profile's description tag (ICC v2 'desc' or v4 'mluc'), or null when it has none readable. */
export function iccDescription(icc: Buffer): string | null {
  const t = tagsOf(icc)?.get('desc');
  if (!t || t.size < 12) return null;
  const type = icc.toString('latin1', t.off, t.off + 4);
  if (type === 'desc') {
    const n = icc.readUInt32BE(t.off + 8);
    return icc.toString('latin1', t.off + 12, Math.min(t.off + 12 + n, t.off + t.size)).replace(/\0+$/, '');
  }
  if (type === 'mluc' && t.size >= 28) {
    // The first record's UTF-16BE text.
    const len = icc.readUInt32BE(t.off + 20);
    const start = t.off + icc.readUInt32BE(t.off + 24);
    if (start + len > t.off + t.size) return null;
    return Buffer.from(icc.subarray(start, start + (len & ~1)))
      .swap16()
      .toString('utf16le');
  }
  return null;
}

function parse(icc: Buffer): SrgbConversion | null {
  if (
    icc.length < 132 ||
    icc.toString('latin1', 16, 20) !== 'RGB ' ||
    icc.toString('latin1', 20, 24) !== 'XYZ '
  )
    return null;
  const tags = tagsOf(icc);
  if (!tags) return null;
  // A profile with lookup tables is converted through them by lcms, not through its matrix.
  if (tags.has('A2B0') || tags.has('A2B1') || tags.has('A2B2')) return null;
  const xyz = (sig: string): number[] => {
    const t = tags.get(sig);
    if (!t || t.size < 20 || icc.toString('latin1', t.off, t.off + 4) !== 'XYZ ') throw new Error(sig);
    return [0, 1, 2].map((k) => icc.readInt32BE(t.off + 8 + 4 * k) / 65536);
  };
  const primaries = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')];
  // The profile's RGB → XYZ matrix has its primaries as columns; then XYZ → linear sRGB.
  const m: number[] = [];
  for (let row = 0; row < 3; row++)
    for (const p of primaries) m.push(p.reduce((sum, v, k) => sum + XYZ_TO_SRGB[row * 3 + k]! * v, 0));
  const lin = ['rTRC', 'gTRC', 'bTRC'].map((sig) => curveTable(icc, tags.get(sig)));
  const encode = srgbEncodeTable();
  const N = encode.length - 1;
  const tables = new Int32Array(9 * 256);
  m.forEach((k, i) => lin[i % 3]!.forEach((v, level) => (tables[i * 256 + level] = Math.round(k * v * N))));
  return { tables, encode };
}

/** A TRC tag ('curv' table or gamma, or 'para' function) evaluated at the 256 input levels. */
function curveTable(icc: Buffer, t: Tag | undefined): Float32Array {
  if (!t || t.size < 12) throw new Error('TRC');
  const type = icc.toString('latin1', t.off, t.off + 4);
  const out = new Float32Array(256);
  if (type === 'curv') {
    const n = icc.readUInt32BE(t.off + 8);
    if (t.size < 12 + 2 * n) throw new Error('curv');
    const gamma = n === 1 ? icc.readUInt16BE(t.off + 12) / 256 : 1;
    for (let i = 0; i < 256; i++) {
      const x = i / 255;
      if (n <= 1) out[i] = Math.pow(x, gamma);
      else {
        const p = x * (n - 1);
        const k = Math.min(n - 2, Math.floor(p));
        const a = icc.readUInt16BE(t.off + 12 + 2 * k) / 65535;
        const b = icc.readUInt16BE(t.off + 14 + 2 * k) / 65535;
        out[i] = a + (b - a) * (p - k);
      }
    }
    return out;
  }
  if (type === 'para') {
    const fn = icc.readUInt16BE(t.off + 8);
    const want = [1, 3, 4, 5, 7][fn];
    if (want === undefined || t.size < 12 + 4 * want) throw new Error('para');
    const p = Array.from({ length: want }, (_, k) => icc.readInt32BE(t.off + 12 + 4 * k) / 65536);
    const [G, a = 1, b = 0, c = 0, d = 0, e = 0, f = 0] = p as number[];
    for (let i = 0; i < 256; i++) {
      const x = i / 255;
      let y: number;
      if (fn === 0) y = Math.pow(x, G!);
      else if (fn === 1) y = x >= -b / a ? Math.pow(a * x + b, G!) : 0;
      else if (fn === 2) y = x >= -b / a ? Math.pow(a * x + b, G!) + c : c;
      else if (fn === 3) y = x >= d ? Math.pow(a * x + b, G!) : c * x;
      else y = x >= d ? Math.pow(a * x + b, G!) + e : c * x + f;
      out[i] = y;
    }
    return out;
  }
  throw new Error(`TRC type ${type}`);
}

let encodeTable: Uint8Array | null = null;
/** Linear light (4096 steps) → sRGB 8-bit. */
function srgbEncodeTable(): Uint8Array {
  if (encodeTable) return encodeTable;
  const n = 4096;
  encodeTable = new Uint8Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const v = i / n;
    const s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    encodeTable[i] = Math.round(Math.min(1, Math.max(0, s)) * 255);
  }
  return encodeTable;
}
