// Runs in: vitest (Node, real models where noted). Real ONNX inference on real images (npm-shipped photos and the committed pair fixtures).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FacePool } from '../../../main/face/pool';
import { verifyCapture } from '../../../main/face/verify';
import { loadCalibration } from '../../../main/face/calibration';
import { TemplateIndex } from '../../../main/face/search';
import { enrolPhotos } from '../../../main/face/enrol';
import { sampleImagesDir } from '../../../main/feed/generator/photos';

const PAIRS = path.join(__dirname, '../../fixtures/face-pairs');
const img = (f: string) => fs.readFileSync(path.join(PAIRS, f));
let pool: FacePool;
/** A live capture (one fixture) compared with the submitted photo (another). */
const compare = (photo: string, capture: string) => verifyCapture(pool, img(capture), { bytes: img(photo) });

// Fixture pairs: sNfM is face M of the demo group photo N, as cropped (base) or with its light, pose
// or blur changed (tests/fixtures/face-pairs/README.md).
type Pair = [photo: string, capture: string];
/** One face on both sides, one side or both augmented. */
const SAME_PERSON: Pair[] = [
  ['s1f0_base.jpg', 's1f0_light.jpg'],
  ['s3f0_base.jpg', 's3f0_pose.jpg'],
  ['s4f2_base.jpg', 's4f2_blur.jpg'],
  ['s5f1_light.jpg', 's5f1_pose.jpg'],
];
/** Two faces: different people. */
const DIFFERENT_PEOPLE: Pair[] = [
  ['s1f0_base.jpg', 's1f1_base.jpg'],
  ['s2f0_light.jpg', 's3f0_pose.jpg'],
  ['s5f0_base.jpg', 's6f0_blur.jpg'],
];

beforeAll(() => {
  pool = new FacePool({ workers: 2 });
});
afterAll(() => pool.close());

describe('1:1 verification', () => {
  it('the calibration in models/ is the one committed for this model version', async () => {
    const { modelVersion } = await pool.info();
    const c = loadCalibration(modelVersion);
    expect(c.source).toMatch(/face eval/);
    expect(c.match).toBeGreaterThan(c.inconclusive);
  });

  it.each(SAME_PERSON)('the same person across augmentations scores MATCH (%s vs %s)', async (a, b) => {
    const r = await compare(a, b);
    expect(r.band).toBe('MATCH');
    expect(r.score!).toBeGreaterThanOrEqual(r.thresholds.match);
    expect(r.explanation[0]).toMatch(/at or above the MATCH threshold/);
    expect(r.capture.faces[r.capture.chosen]!.landmarks).toHaveLength(5);
    expect(r.timings.captureModels!.total).toBeGreaterThan(0);
  });

  it.each(DIFFERENT_PEOPLE)('different people score NO_MATCH (%s vs %s)', async (a, b) => {
    const r = await compare(a, b);
    expect(r.band).toBe('NO_MATCH');
    expect(r.score!).toBeLessThan(r.thresholds.inconclusive);
  });

  it('a high score on a poor capture is INCONCLUSIVE, with the reason to retake', async () => {
    const r = await compare('s2f1_base.jpg', 's2f1_pose.jpg');
    expect(r.score!).toBeGreaterThanOrEqual(r.thresholds.match);
    expect(r.band).toBe('INCONCLUSIVE');
    expect(r.explanation.join(' ')).toMatch(/picture quality: head turned/);
  });

  it('compares against a stored template as against the photo', async () => {
    const ref = await pool.analyze(img('s3f2_base.jpg'));
    expect(ref.ok && ref.embedding).toBeTruthy();
    if (!ref.ok || !ref.embedding) return;
    const a = await verifyCapture(pool, img('s3f2_pose.jpg'), {
      embedding: ref.embedding,
      modelVersion: ref.modelVersion,
    });
    const b = await compare('s3f2_base.jpg', 's3f2_pose.jpg');
    expect(a.score).toBeCloseTo(b.score!, 4);
    const stale = await verifyCapture(pool, img('s3f2_pose.jpg'), {
      embedding: ref.embedding,
      modelVersion: 'older-model',
    });
    expect(stale.band).toBeNull();
    expect(stale.explanation[0]).toMatch(/re-enrolled/);
  });
});

describe('bad input gives a clear reason and the pool survives', () => {
  it('handles no face, two faces, corrupt, 50 MP, PNG with alpha, CMYK, empty', async () => {
    const noFace = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .toBuffer();
    const big = await sharp({ create: { width: 8200, height: 6150, channels: 3, background: '#808080' } })
      .jpeg({ quality: 40 })
      .toBuffer();
    const alpha = await sharp(img('s1f0_base.jpg')).ensureAlpha(0.6).png().toBuffer();
    const cmyk = await sharp(img('s2f0_base.jpg')).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const group = fs.readFileSync(path.join(sampleImagesDir(), 'sample1.jpg'));
    const ref = { bytes: img('s1f0_base.jpg') };

    const none = await verifyCapture(pool, noFace, ref);
    expect(none.band).toBeNull();
    expect(none.explanation[0]).toMatch(/no face/);

    const two = await verifyCapture(pool, group, ref);
    expect(two.capture.quality.reasons.map((r) => r.code)).toContain('SEVERAL_FACES');
    expect(two.band).toBe('INCONCLUSIVE');
    expect(two.explanation.join(' ')).toMatch(/faces in view|several faces|more than one face/i);

    const corrupt = await verifyCapture(
      pool,
      Buffer.concat([img('s1f0_base.jpg').subarray(0, 600), Buffer.alloc(400, 0xff)]),
      ref,
    );
    expect(corrupt.band).toBeNull();
    expect(corrupt.capture.error?.code).toBe('UNSUPPORTED_IMAGE');

    const huge = await pool.analyze(big);
    expect(huge.ok).toBe(true);
    if (huge.ok) {
      expect(huge.image.downscaled).toBe(true);
      expect(huge.quality.reasons[0]!.code).toBe('NO_FACE');
    }

    const png = await verifyCapture(pool, alpha, ref);
    expect(png.band).toBe('MATCH');

    const cm = await verifyCapture(pool, cmyk, { bytes: img('s2f0_light.jpg') });
    expect(cm.band).toBe('MATCH');

    const empty = await verifyCapture(pool, Buffer.alloc(0), ref);
    expect(empty.capture.error).toEqual({ code: 'EMPTY_INPUT', message: expect.stringMatching(/empty/) });

    // Still serving after all of that.
    const after = await verifyCapture(pool, img('s1f0_light.jpg'), ref);
    expect(after.band).toBe('MATCH');
  });
});

describe('enrolment and 1:N search', () => {
  it('enrols photos with progress, records unusable ones, and finds a face among templates', async () => {
    const files = ['s1f0_base.jpg', 's1f1_base.jpg', 's2f0_base.jpg', 's3f0_base.jpg', 's5f1_base.jpg'];
    const progress: number[] = [];
    const items = [
      ...files.map((f) => ({ id: f, load: () => img(f) })),
      { id: 'group', load: () => fs.readFileSync(path.join(sampleImagesDir(), 'sample2.jpg')) },
      { id: 'missing', load: () => null },
      { id: 'inline', bytes: img('s4f0_base.jpg') },
      { id: 'async', load: async () => img('s6f0_base.jpg') },
    ];
    const out = await enrolPhotos(pool, items, { onProgress: (d) => progress.push(d) });
    expect(progress.at(-1)).toBe(items.length);
    const byId = new Map(out.map((o) => [o.id, o]));
    for (const f of files) expect(byId.get(f)!.embedding).toHaveLength(512);
    expect(byId.get('group')!.unusable).toMatch(/several faces/);
    expect(byId.get('missing')!.unusable).toMatch(/missing/);
    expect(out.map((o) => o.id)).toEqual(items.map((i) => i.id)); // input order
    expect(byId.get('inline')!.embedding).toHaveLength(512);
    expect(byId.get('async')!.unusable).toBeNull();

    const index = new TemplateIndex(2);
    for (const f of files) index.add(f, byId.get(f)!.embedding!);
    const probe = await pool.analyze(img('s2f0_pose.jpg'));
    const hits = index.search((probe as { embedding: Float32Array }).embedding, 3, 0.45);
    expect(hits.map((h) => h.id)).toEqual(['s2f0_base.jpg']);
  });
});
