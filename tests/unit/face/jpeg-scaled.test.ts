// Runs in: vitest (Node). A JPEG being made smaller is decoded by libjpeg-turbo at the DCT scale
// (native/jpeg-scale, main/face/jpeg-scaled.ts): the pixels are sharp's, upright in each EXIF
// orientation, at the size sharp gives, whole or in strips; anything libjpeg-turbo would decode
// differently (a CMYK picture, a profile with lookup tables, a PNG, no shrink) or refuses is left
// to sharp; a phone's Display P3 is converted to sRGB as sharp converts it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { decodeScaled } from 'jpeg-scale';
import { beforeAll, describe, expect, it } from 'vitest';
import { openImage, type DecodedImage } from '../../../main/face/decode';
import { iccDescription, matrixProfileToSrgb } from '../../../main/face/icc-srgb';
import { exactScaledSide, orient, scaledJpegAvailable } from '../../../main/face/jpeg-scaled';
import { smoothPicture as smooth } from './pictures';
import { withRestarts } from './restarts';

/** sharp's own decode, as the console did before (rotate, fit inside): the reference. */
async function bySharp(jpeg: Buffer, side: number) {
  const { data, info } = await sharp(jpeg)
    .rotate()
    .resize({ width: side, height: side, fit: 'inside' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function meanDiff(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

const decoded = async (jpeg: Buffer, side: number): Promise<DecodedImage> =>
  (await openImage(jpeg)).decode(side);

let plain: Buffer;
beforeAll(async () => {
  plain = await smooth();
}, 60_000);

describe('the jpeg-scale addon', () => {
  it('is built on this machine (Debian: apt install libturbojpeg0-dev, then npm rebuild jpeg-scale)', async () => {
    expect(scaledJpegAvailable).toBe(true);
    const d = await decodeScaled(plain, 8, true);
    expect([d.width, d.height, d.data.length]).toEqual([500, 375, 500 * 375 * 3]);
  });

  it('refuses hostile input with an error, never a crash', async () => {
    await expect(decodeScaled(Buffer.alloc(0), 8, true)).rejects.toThrow(/empty/);
    await expect(decodeScaled(Buffer.from('not a jpeg at all'), 8, true)).rejects.toThrow();
    const cut = plain.subarray(0, Math.floor(plain.length / 2));
    await expect(decodeScaled(cut, 8, true)).rejects.toThrow(); // strict: a warning is a refusal
    const lenient = await decodeScaled(cut, 8, false); // ...and otherwise leaves what it decoded
    expect([lenient.width, lenient.height]).toEqual([500, 375]);
    const cmyk = await sharp(plain).resize(800).toColourspace('cmyk').jpeg().toBuffer();
    await expect(decodeScaled(cmyk, 8, true)).rejects.toThrow(/CMYK/);
    // @ts-expect-error a scale libjpeg does not have
    await expect(decodeScaled(plain, 3, true)).rejects.toThrow(TypeError);
    const bad = { tables: new Int32Array(5), encode: new Uint8Array(10) }; // not a conversion's size
    await expect(decodeScaled(plain, 8, true, bad)).rejects.toThrow(TypeError);
  });
});

describe('the jpeg-scale addon on a build host without libjpeg-turbo', () => {
  it('still builds (so the app still packages), reports itself unavailable and why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpeg-scale-'));
    try {
      const src = path.dirname(require.resolve('jpeg-scale/package.json'));
      for (const f of ['binding.gyp', 'find-turbojpeg.js', 'index.js', 'package.json', 'src'])
        fs.cpSync(path.join(src, f), path.join(dir, f), { recursive: true });
      // npm's own node-gyp under `npm test`; else the one electron-builder brings.
      const gyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
      const built = spawnSync(process.execPath, [gyp, 'rebuild'], {
        cwd: dir,
        env: { ...process.env, JPEG_SCALE_WITHOUT_TURBOJPEG: '1' },
        encoding: 'utf8',
      });
      expect(built.status, built.stderr).toBe(0);
      expect(built.stderr).toMatch(/libjpeg-turbo not found/);
      const without = spawnSync(
        process.execPath,
        [
          '-e',
          `const j = require(${JSON.stringify(dir)}); j.decodeScaled(Buffer.alloc(9), 8, true).catch((e) =>
          console.log(JSON.stringify({ available: j.available, loadError: j.loadError, refused: e.message })))`,
        ],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(without.stdout)).toEqual({
        available: false,
        loadError: expect.stringMatching(/built without libjpeg-turbo .*apt install libturbojpeg0-dev/),
        refused: expect.stringMatching(/^jpeg-scale addon unavailable: built without libjpeg-turbo/),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('a JPEG decoded at the DCT scale', () => {
  it("gives sharp's pixels and size, upright in each of the eight EXIF orientations", async () => {
    for (let o = 1; o <= 8; o++) {
      const jpeg = await smooth(o);
      for (const side of [500, 444]) {
        const d = await decoded(jpeg, side);
        const ref = await bySharp(jpeg, side);
        expect(d.decoder, `orientation ${o}`).toBe('libjpeg-turbo');
        expect([d.width, d.height], `orientation ${o} at ${side}`).toEqual([ref.width, ref.height]);
        expect([d.originalWidth, d.originalHeight]).toEqual(o >= 5 ? [3000, 4000] : [4000, 3000]);
        expect(d.scale).toBeCloseTo(d.width / d.originalWidth, 9);
        expect(meanDiff(d.data, ref.data), `orientation ${o} at ${side}`).toBeLessThan(1);
      }
    }
  }, 120_000);

  it('decodes a phone photo with restart markers in strips at once, each at 1/8, as one picture', async () => {
    for (const o of [1, 6]) {
      const jpeg = withRestarts(await smooth(o));
      const d = await decoded(jpeg, 500);
      expect(d.strips).toBeGreaterThan(1);
      expect(d.decoder).toBe('libjpeg-turbo');
      const ref = await bySharp(jpeg, 500);
      expect([d.width, d.height]).toEqual([ref.width, ref.height]);
      expect(meanDiff(d.data, ref.data), `orientation ${o}`).toBeLessThan(1);
    }
  }, 60_000);

  it('asks for no resampling: the side it gives for a size is the DCT scale exactly', async () => {
    expect(exactScaledSide(4032, 320, 1920)).toBe(504);
    expect(exactScaledSide(4000, 600, 1920)).toBe(1000);
    expect(exactScaledSide(4032, 1500, 1920)).toBe(1500); // 1/2 would be 2016: over the bound
    const src = await openImage(plain);
    expect(src.sideFor(320)).toBe(500);
    const sharpOnly = await openImage(plain, { scaled: false });
    expect(sharpOnly.sideFor(320)).toBe(444); // sharp's largest at 1/8 (shrinkOnLoadSide)
    expect((await sharpOnly.decode(444)).decoder).toBe('sharp');
  });

  it("converts a phone's Display P3 (or any RGB matrix profile) to sRGB as sharp does", async () => {
    const p3 = await smooth(6, 'p3');
    expect(iccDescription((await sharp(p3).metadata()).icc!)).toMatch(/P3/);
    const d = await decoded(p3, 500);
    expect(d.decoder).toBe('libjpeg-turbo');
    const ref = await bySharp(p3, 500);
    expect(meanDiff(d.data, ref.data)).toBeLessThan(1);
    // Without the conversion the pixels would be P3's, visibly off.
    const unconverted = await sharp(p3)
      .rotate()
      .resize(500, 500, { fit: 'inside' })
      .keepIccProfile()
      .raw()
      .toBuffer();
    expect(meanDiff(unconverted, ref.data)).toBeGreaterThan(2);
    // A v2 profile with sampled curves (pdfkit's sRGB2014), converted through them.
    const v2 = await smooth(1, require.resolve('pdfkit/js/data/sRGB_IEC61966_2_1.icc'));
    const v2d = await decoded(v2, 500);
    expect(v2d.decoder).toBe('libjpeg-turbo');
    expect(meanDiff(v2d.data, (await bySharp(v2, 500)).data)).toBeLessThan(1);
  }, 60_000);

  it('reads only matrix profiles: one with lookup tables, not RGB, or damaged is left to sharp', async () => {
    const p3 = (await sharp(await smooth(1, 'p3')).metadata()).icc!;
    expect(matrixProfileToSrgb(p3)).not.toBeNull();
    const withLut = Buffer.from(p3);
    const tag = withLut.indexOf('rXYZ', 128, 'latin1');
    withLut.write('A2B0', tag, 'latin1'); // as if its colours went through a lookup table
    expect(matrixProfileToSrgb(withLut)).toBeNull();
    expect(matrixProfileToSrgb(p3.subarray(0, 200))).toBeNull();
    const cmyk = await sharp(plain).resize(800).toColourspace('cmyk').jpeg().toBuffer();
    expect(matrixProfileToSrgb((await sharp(cmyk).metadata()).icc ?? Buffer.alloc(0))).toBeNull();
  });

  it('leaves to sharp what it would decode differently: CMYK, PNG, no shrink; grey is its own', async () => {
    const srgb = await smooth(1, 'srgb');
    expect(iccDescription((await sharp(srgb).metadata()).icc!)).toMatch(/sRGB/);
    expect((await decoded(srgb, 500)).decoder).toBe('libjpeg-turbo');

    const cmyk = await sharp(plain).toColourspace('cmyk').jpeg().toBuffer();
    expect((await decoded(cmyk, 500)).decoder).toBe('sharp');

    const grey = await sharp(plain).greyscale().jpeg().toBuffer();
    const g = await decoded(grey, 500);
    expect(g.decoder).toBe('libjpeg-turbo');
    expect(meanDiff(g.data, (await bySharp(grey, 500)).data)).toBeLessThan(1);

    const png = await sharp(plain).resize(2000).png().toBuffer();
    expect((await decoded(png, 500)).decoder).toBe('sharp');

    const capture = await sharp(plain).resize(1280, 720).jpeg().toBuffer();
    expect((await decoded(capture, 1920)).decoder).toBe('sharp'); // no shrink: sharp is as fast
  }, 60_000);

  it('leaves a damaged file to sharp, which refuses or decodes it as before', async () => {
    const cut = plain.subarray(0, Math.floor(plain.length * 0.8));
    await expect(decoded(cut, 500)).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
  });
});

describe('orient', () => {
  it('puts each stored pixel where EXIF orientation says, checked against sharp on a 3×2 picture', async () => {
    const px = Uint8Array.from({ length: 3 * 2 * 3 }, (_, i) => i * 13);
    for (let o = 1; o <= 8; o++) {
      const stored = await sharp(Buffer.from(px), { raw: { width: 3, height: 2, channels: 3 } })
        .withMetadata({ orientation: o })
        .png()
        .toBuffer();
      const { data, info } = await sharp(stored).rotate().raw().toBuffer({ resolveWithObject: true });
      const mine = orient(px, 3, 2, o);
      expect([mine.width, mine.height], `orientation ${o}`).toEqual([info.width, info.height]);
      expect(Array.from(mine.data), `orientation ${o}`).toEqual(Array.from(data));
    }
  });
});
