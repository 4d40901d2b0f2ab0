// Runs in: face worker threads. A large baseline JPEG written with restart markers (phones write
// one every MCU row) cut into horizontal strips at those markers, each a JPEG of its own, so the
// entropy decoding (what a decode at 1/8 scale still costs in full, one bit after another) runs on
// more than one core. Only the marker structure is read here, never a pixel; libjpeg decodes each
// strip. Anything unusual gives null (progressive or arithmetic coding, no restarts) or a strip
// that libjpeg refuses (a missing marker, several scans); the caller then decodes the whole file.

/** One strip: a complete JPEG holding `height` of the picture's stored rows from `top`. */
export interface JpegStrip {
  bytes: Buffer;
  top: number;
  height: number;
}

interface Layout {
  width: number;
  height: number;
  /** Offset of the SOF segment's marker (its height field is at +5). */
  sof: number;
  /** Where the entropy-coded data starts (just after the SOS header). */
  data: number;
  mcuHeight: number;
  mcusPerRow: number;
  mcuRows: number;
  /** MCUs between restart markers. */
  interval: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const DRI = 0xdd;
const RST0 = 0xd0;
const RST7 = 0xd7;
const isRst = (m: number) => m >= RST0 && m <= RST7;

/** The markers before the scan: a baseline or extended Huffman picture in one interleaved scan, with restarts. */
function layoutOf(b: Buffer): Layout | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== SOI) return null;
  let i = 2;
  let frame: { width: number; height: number; sof: number; h: number[]; v: number[] } | null = null;
  let interval = 0;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const m = b[i + 1]!;
    if (m === 0xff) {
      i += 1; // fill byte before a marker
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) return null;
    const seg = i + 4;
    if (m === 0xc0 || m === 0xc1) {
      const n = b[seg + 5]!;
      if (b[seg] !== 8 || n < 1 || n > 4 || len !== 8 + 3 * n) return null;
      const h: number[] = [];
      const v: number[] = [];
      for (let c = 0; c < n; c++) {
        const hv = b[seg + 7 + 3 * c]!;
        h.push(hv >> 4);
        v.push(hv & 15);
      }
      frame = { height: b.readUInt16BE(seg + 1), width: b.readUInt16BE(seg + 3), sof: i, h, v };
    } else if (m >= 0xc2 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
      return null; // progressive, lossless or arithmetic-coded: one strip cannot stand alone
    } else if (m === DRI) {
      if (len !== 4) return null;
      interval = b.readUInt16BE(seg);
    } else if (m === SOS) {
      if (!frame || interval === 0 || frame.height === 0 || frame.width === 0) return null;
      // One scan with every component (interleaved), or a single-component picture.
      if (b[seg] !== frame.h.length) return null;
      const hmax = Math.max(...frame.h);
      const vmax = Math.max(...frame.v);
      if (hmax < 1 || vmax < 1 || hmax > 4 || vmax > 4) return null;
      const single = frame.h.length === 1;
      const mcuWidth = single ? 8 : 8 * hmax;
      const mcuHeight = single ? 8 : 8 * vmax;
      return {
        width: frame.width,
        height: frame.height,
        sof: frame.sof,
        data: i + 2 + len,
        mcuHeight,
        mcusPerRow: Math.ceil(frame.width / mcuWidth),
        mcuRows: Math.ceil(frame.height / mcuHeight),
        interval,
      };
    } else if (m === EOI || m === SOI || isRst(m)) {
      return null;
    }
    i += 2 + len;
  }
  return null;
}

/**
 * Where restart interval `j` (a multiple of 8) begins: just after the marker before it, the
 * (j / 8)-th RST7. A marker cannot be mistaken in the data (a data byte 0xFF is always followed by
 * 0x00), so searching for its two bytes finds the markers alone, natively, in order: far cheaper
 * than reading the scan byte by byte in a freshly started worker. A damaged file may hide one; the
 * strip then does not decode cleanly, and the caller decodes the whole file instead.
 */
function intervalStart(b: Buffer, from: number, j: number): number {
  const rst7 = Buffer.from([0xff, RST7]);
  let p = from - 2;
  for (let n = 0; n < j / 8; n++) {
    p = b.indexOf(rst7, p + 2);
    if (p < 0) return -1;
  }
  return p + 2;
}

/**
 * The picture cut into `parts` strips of about equal height at restart markers that begin an MCU
 * row, or null when it cannot be (see the file's comment) or would give fewer than two strips.
 * Cuts fall on every eighth interval, where a strip's first marker is RST0 as its decoder expects.
 * The strips are written one after another into `alloc(size)` (the caller may keep that memory).
 */
export function restartStrips(
  jpeg: Buffer,
  parts: number,
  alloc: (size: number) => Buffer = Buffer.allocUnsafeSlow,
): JpegStrip[] | null {
  if (parts < 2) return null;
  const l = layoutOf(jpeg);
  if (!l) return null;
  const intervals = Math.ceil((l.mcusPerRow * l.mcuRows) / l.interval);
  // Interval j starts at MCU j·interval; it can start a strip when that MCU begins a row.
  const rowStarts: Array<{ j: number; row: number }> = [];
  for (let j = 8; j < intervals; j += 8) {
    const mcu = j * l.interval;
    if (mcu % l.mcusPerRow === 0) rowStarts.push({ j, row: mcu / l.mcusPerRow });
  }
  const cuts: Array<{ j: number; row: number; at: number }> = [];
  for (let t = 1; t < parts; t++) {
    const want = (l.mcuRows * t) / parts;
    let best: { j: number; row: number } | undefined;
    for (const c of rowStarts) if (!best || Math.abs(c.row - want) < Math.abs(best.row - want)) best = c;
    if (!best || (cuts.length > 0 && best.row <= cuts[cuts.length - 1]!.row)) continue;
    const from = cuts.length > 0 ? cuts[cuts.length - 1]! : { j: 0, at: l.data };
    const at = intervalStart(jpeg, from.at, best.j - from.j);
    if (at < 0) return null;
    cuts.push({ ...best, at });
  }
  if (cuts.length === 0) return null;
  const header = jpeg.subarray(0, l.data);
  const bounds = [{ row: 0, at: l.data }, ...cuts, { row: l.mcuRows, at: jpeg.length }];
  const pieces = bounds.slice(0, -1).map((b, s) => {
    const last = s + 2 === bounds.length;
    // Up to the marker before the next strip (that marker left out), or to the end of the file.
    const data = jpeg.subarray(b.at, last ? jpeg.length : bounds[s + 1]!.at - 2);
    const top = b.row * l.mcuHeight;
    const height = Math.min(l.height, bounds[s + 1]!.row * l.mcuHeight) - top;
    return { data, top, height, size: header.length + data.length + (last ? 0 : 2) };
  });
  const out = alloc(pieces.reduce((n, p) => n + p.size, 0));
  let at = 0;
  return pieces.map(({ data, top, height, size }) => {
    const bytes = out.subarray(at, at + size);
    header.copy(bytes, 0);
    data.copy(bytes, header.length);
    if (size > header.length + data.length) bytes.writeUInt16BE(0xff00 | EOI, size - 2);
    bytes.writeUInt16BE(height, l.sof + 5);
    at += size;
    return { bytes, top, height };
  });
}
