// Runs in: vitest (Node, real models where noted). Real decode + inference in-thread on awkward inputs: EXIF rotation, greyscale, pixel bombs; plus worker script resolution.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSessions, type FaceSessions } from '../../../main/face/sessions';
import { analyzeImage, type FaceAnalysis } from '../../../main/face/pipeline';
import { decodeImage } from '../../../main/face/decode';
import { cosine } from '../../../main/face/embed';
import { loadCalibration } from '../../../main/face/calibration';
import { resolveWorkerPath } from '../../../main/face/pool';
import { modelsDir } from '../../../main/face/model-manifest';

const PAIRS = path.join(__dirname, '../../fixtures/face-pairs');
const img = (f: string) => fs.readFileSync(path.join(PAIRS, f));
let s: FaceSessions;

beforeAll(async () => {
  s = await loadSessions();
});

async function ok(bytes: Uint8Array): Promise<FaceAnalysis> {
  const r = await analyzeImage(s, bytes);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.embedding).not.toBeNull();
  return r;
}

describe('decode', () => {
  it('honours EXIF orientation (a phone photo stored sideways)', async () => {
    const upright = await ok(img('s2f1_base.jpg'));
    // Pixels stored rotated 90° counter-clockwise, tag 6 says "rotate 90° clockwise to display".
    const sideways = await sharp(img('s2f1_base.jpg'))
      .rotate(270)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const r = await ok(sideways);
    expect(cosine(r.embedding!, upright.embedding!)).toBeGreaterThan(loadCalibration(r.modelVersion).match);
    const box = r.faces[0]!.box;
    const ubox = upright.faces[0]!.box;
    expect(Math.abs(box[0] - ubox[0])).toBeLessThan(8);
  });

  it('greyscale photos are expanded to RGB and still match the colour original', async () => {
    const colour = await ok(img('s4f0_base.jpg'));
    const grey = await sharp(img('s4f0_base.jpg')).greyscale().toColourspace('b-w').jpeg().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const d = await decodeImage(grey);
    expect(d.data.length).toBe(d.width * d.height * 3);
    const r = await ok(grey);
    expect(cosine(r.embedding!, colour.embedding!)).toBeGreaterThan(loadCalibration(r.modelVersion).match);
  });

  it('refuses a pixel bomb from its header, before decoding', async () => {
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    // Rewrite IHDR to claim 30000 x 30000 and fix its CRC.
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(30000, 16);
    bomb.writeUInt32BE(30000, 20);
    bomb.writeUInt32BE(zlib.crc32(bomb.subarray(12, 29)) >>> 0, 29);
    const r = await analyzeImage(s, bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('IMAGE_TOO_LARGE');
      expect(r.error.message).toMatch(/too large \(900 megapixels/);
    }
  });

  it('a tiny image and garbage bytes give reasons, not crashes', async () => {
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const t = await analyzeImage(s, tiny);
    expect(!t.ok && t.error.code).toBe('IMAGE_TOO_SMALL');
    const g = await analyzeImage(s, Buffer.from('definitely not an image'));
    expect(!g.ok && g.error.message).toMatch(/not a readable image/);
  });
});

describe('pipeline result', () => {
  it('reports per-stage and model timings, 5 landmarks inside the box, and quality metrics', async () => {
    const r = await ok(img('s1f0_base.jpg'));
    expect(r.embedding).toHaveLength(512);
    const norm = Math.sqrt(r.embedding!.reduce((a, v) => a + v * v, 0));
    expect(norm).toBeCloseTo(1, 4);
    expect(r.timings.total).toBeGreaterThan(0);
    expect(r.modelTimings.total).toBeLessThanOrEqual(r.timings.total);
    const [x, y, w, h] = r.faces[0]!.box;
    for (const [px, py] of r.faces[0]!.landmarks!) {
      expect(px).toBeGreaterThan(x - w * 0.1);
      expect(px).toBeLessThan(x + w * 1.1);
      expect(py).toBeGreaterThan(y);
      expect(py).toBeLessThan(y + h * 1.1);
    }
    expect(r.quality.ok).toBe(true);
    expect(r.quality.metrics!.detectorScore).toBeGreaterThan(0.9);
    expect(r.liveness).toBeGreaterThanOrEqual(0);
  });

  it('a face too small for the gate says "move closer"', async () => {
    const small = await sharp({ create: { width: 900, height: 700, channels: 3, background: '#7a8a99' } })
      .composite([
        { input: await sharp(img('s3f0_base.jpg')).resize(120, 120).toBuffer(), left: 400, top: 300 },
      ])
      .jpeg()
      .toBuffer();
    const r = await analyzeImage(s, small);
    expect(r.ok).toBe(true);
    if (r.ok && r.embedding)
      expect(r.quality.reasons.map((q) => q.message)).toContain('face too small: move closer');
  });
});

describe('locations', () => {
  it('finds the dev worker bootstrap from source and the models dir from the repo', () => {
    expect(path.basename(resolveWorkerPath())).toBe('worker-dev.cjs');
    expect(fs.existsSync(path.join(modelsDir(), 'manifest.json'))).toBe(true);
  });
});
