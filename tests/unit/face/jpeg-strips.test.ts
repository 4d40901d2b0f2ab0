// Runs in: vitest (Node). A large JPEG written as phones write it (a restart marker every MCU row,
// made here from sharp's JPEG by Debian's jpegtran, losslessly) is decoded in strips at once: the
// strips are JPEGs of their own rows, the picture comes out as from one decode, upright, at the
// same DCT scale; anything else, or anything damaged, is decoded whole as before.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { openImage, STRIP_MIN_PIXELS } from '../../../main/face/decode';
import { FaceError } from '../../../main/face/errors';
import { restartStrips } from '../../../main/face/jpeg-strips';
import { smoothPicture } from './pictures';
import { withRestarts } from './restarts';

let detail: Promise<Buffer> | undefined;

/** A 4000×3000 picture with detail everywhere (soft noise), JPEG q90 4:2:0. */
async function bigPicture(orientation = 1): Promise<Buffer> {
  const raw = { width: 4000, height: 3000, channels: 3 } as const;
  detail ??= sharp({
    create: { ...raw, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .blur(1.2)
    .raw()
    .toBuffer();
  let img = sharp(await detail, { raw });
  if (orientation !== 1) img = img.withMetadata({ orientation });
  return img.jpeg({ quality: 90 }).toBuffer();
}

const raw = async (jpeg: Buffer) => {
  const { data, info } = await sharp(jpeg, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

/** Largest difference of any sample in rows [from, to) of two same-width RGB pictures. */
function rowsDiff(a: Uint8Array, b: Uint8Array, width: number, from: number, to: number): number {
  let max = 0;
  for (let i = from * width * 3; i < to * width * 3; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/** Mean absolute difference of two RGB pictures of the same width, over the rows both have. */
function meanDiff(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / n;
}

let plain: Buffer;
let phone: Buffer;

beforeAll(async () => {
  plain = await bigPicture();
  phone = withRestarts(plain);
}, 120_000);

describe('restartStrips', () => {
  it('cuts at restart markers that begin an MCU row; each strip is a JPEG of just its rows', async () => {
    const strips = restartStrips(phone, 2)!;
    expect(strips).toHaveLength(2);
    const [a, b] = strips as [(typeof strips)[0], (typeof strips)[0]];
    expect(a.top).toBe(0);
    expect(b.top).toBe(a.height);
    expect(a.height + b.height).toBe(3000);
    // Cut on an eighth restart (16-pixel MCU rows, 4:2:0), near the middle.
    expect(a.height % (16 * 8)).toBe(0);
    expect(Math.abs(a.height - 1500)).toBeLessThanOrEqual(16 * 4);
    const whole = await raw(phone);
    for (const s of strips) {
      expect(await sharp(s.bytes).metadata()).toMatchObject({
        width: 4000,
        height: s.height,
        format: 'jpeg',
      });
      const own = await raw(s.bytes); // strict: a warning would throw
      const rows = whole.data.subarray(s.top * 4000 * 3, (s.top + s.height) * 4000 * 3);
      // The same pixels, but for the rows at the cut, where chroma upsampling lacks its neighbour.
      const edge = 8;
      const inner = [s.top === 0 ? 0 : edge, s.top + s.height === 3000 ? s.height : s.height - edge];
      expect(rowsDiff(own.data, rows, 4000, inner[0]!, inner[1]!)).toBe(0);
      expect(rowsDiff(own.data, rows, 4000, 0, s.height)).toBeLessThan(64);
    }
  }, 60_000);

  it('cuts into three or four about equal strips when the machine has the cores', () => {
    for (const parts of [3, 4]) {
      const strips = restartStrips(phone, parts)!;
      expect(strips).toHaveLength(parts);
      expect(strips.reduce((n, s) => n + s.height, 0)).toBe(3000);
      for (const s of strips) expect(Math.abs(s.height - 3000 / parts)).toBeLessThanOrEqual(16 * 4 + 1);
    }
    // A marker every 4 rows: cuts only where a marker is, still on an eighth one.
    const sparse = restartStrips(withRestarts(plain, 4), 2)!;
    expect(sparse[0]!.height % (16 * 4 * 8)).toBe(0);
  });

  it('cuts on the MCU rows of each sampling: 4:4:4 and grey', async () => {
    const base = sharp(await smoothPicture()).resize(1600, 1200);
    const kinds: Array<[string, Buffer, number]> = [
      ['4:4:4', await base.clone().jpeg({ chromaSubsampling: '4:4:4' }).toBuffer(), 8],
      ['grey', await base.clone().greyscale().jpeg().toBuffer(), 8],
    ];
    for (const [kind, jpeg, mcu] of kinds) {
      const strips = restartStrips(withRestarts(jpeg), 2)!;
      expect(strips, kind).toHaveLength(2);
      expect(strips[0]!.height % (mcu * 8), kind).toBe(0);
      expect(strips[0]!.height + strips[1]!.height, kind).toBe(1200);
      for (const st of strips) expect((await raw(st.bytes)).height, kind).toBe(st.height);
    }
  });

  it('refuses what cannot be cut: no restarts, progressive, PNG, one strip asked, hostile headers', async () => {
    expect(restartStrips(plain, 2)).toBeNull();
    expect(restartStrips(withRestarts(plain, 1, '-progressive'), 2)).toBeNull();
    expect(restartStrips(await sharp(phone).resize(64).png().toBuffer(), 2)).toBeNull();
    expect(restartStrips(phone, 1)).toBeNull();
    expect(restartStrips(Buffer.alloc(0), 2)).toBeNull();
    expect(restartStrips(Buffer.from([0xff, 0xd8, 0xff]), 2)).toBeNull();
    // Bytes of the header changed at random: never a throw, never a read out of bounds.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const header = phone.indexOf(Buffer.from([0xff, 0xda])) + 16;
    for (let k = 0; k < 300; k++) {
      const bad = Buffer.from(phone.subarray(0, header + 4096));
      for (let n = 0; n < 4; n++) bad[Math.floor(rnd() * header)] = Math.floor(rnd() * 256);
      const strips = restartStrips(bad, 2);
      for (const s of strips ?? []) expect(s.bytes.length).toBeLessThanOrEqual(bad.length + header + 2);
    }
  });
});

describe('a decode in strips', () => {
  it('gives the picture of one decode, at the size asked and at 1/8 scale, in two strips', async () => {
    expect(4000 * 3000).toBeGreaterThanOrEqual(STRIP_MIN_PIXELS);
    const smooth = await smoothPicture();
    const whole = await (await openImage(smooth)).decode(444); // no markers: one decode
    const cut = await (await openImage(withRestarts(smooth))).decode(444);
    expect(whole.strips).toBe(1);
    expect(cut.strips).toBe(2);
    expect(cut.width).toBe(whole.width);
    expect(Math.abs(cut.height - whole.height)).toBeLessThanOrEqual(1); // each strip rounds down
    expect(cut.scale).toBeCloseTo(whole.scale, 6);
    const rows = Math.min(cut.height, whole.height);
    expect(meanDiff(cut.data, whole.data)).toBeLessThan(1);
    expect(rowsDiff(cut.data, whole.data, cut.width, 0, rows)).toBeLessThanOrEqual(12);
  }, 60_000);

  it('turns each of the eight EXIF orientations upright, as one decode does', async () => {
    for (let o = 1; o <= 8; o++) {
      const stored = await smoothPicture(o);
      const cut = await (await openImage(withRestarts(stored))).decode(444);
      const whole = await (await openImage(stored)).decode(444);
      expect(cut.strips, `orientation ${o}`).toBe(2);
      const upright = o >= 5 ? [3000, 4000] : [4000, 3000];
      expect([cut.originalWidth, cut.originalHeight], `orientation ${o}`).toEqual(upright);
      // The cut runs across the stored rows: in the upright picture one row or column fewer, at most.
      expect(Math.abs(cut.width - whole.width) + Math.abs(cut.height - whole.height)).toBeLessThanOrEqual(1);
      // Compared row by row where both have the same width (else one of them is a column short).
      if (cut.width === whole.width)
        expect(meanDiff(cut.data, whole.data), `orientation ${o}`).toBeLessThan(1.5);
      else {
        const w = Math.min(cut.width, whole.width);
        const crop = (d: typeof cut) => {
          const out = new Uint8Array(w * d.height * 3);
          for (let y = 0; y < d.height; y++)
            out.set(d.data.subarray(y * d.width * 3, (y * d.width + w) * 3), y * w * 3);
          return out;
        };
        // A missing column at the right or the left: the better of the two alignments.
        const shifted = (d: typeof cut) => {
          const out = new Uint8Array(w * d.height * 3);
          const off = d.width - w;
          for (let y = 0; y < d.height; y++)
            out.set(d.data.subarray((y * d.width + off) * 3, (y * d.width + off + w) * 3), y * w * 3);
          return out;
        };
        const left = meanDiff(crop(cut), crop(whole));
        const right = meanDiff(shifted(cut), shifted(whole));
        expect(Math.min(left, right), `orientation ${o}`).toBeLessThan(1.5);
      }
    }
  }, 120_000);

  it('decodes a damaged phone photo whole, as before: with the error one decode gives, if any', async () => {
    // One restart marker lost in the second half: that strip warns, so the whole file is decoded
    // (libjpeg finds its way past the gap there, as it always has).
    const at = phone.indexOf(Buffer.from([0xff, 0xd3]), Math.floor(phone.length * 0.7));
    const lost = Buffer.concat([phone.subarray(0, at), phone.subarray(at + 2)]);
    const d = await (await openImage(lost)).decode(444);
    expect(d.strips).toBe(1);
    expect([d.width, d.height]).toEqual([444, 333]);
    // Cut short: refused, as one decode refuses it.
    const short = phone.subarray(0, Math.floor(phone.length * 0.8));
    await expect((await openImage(short)).decode(444)).rejects.toMatchObject({
      code: 'UNSUPPORTED_IMAGE',
    });
    await expect((await openImage(short)).decode(444)).rejects.toBeInstanceOf(FaceError);
  }, 60_000);
});
