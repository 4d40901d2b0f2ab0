// Runs in: vitest (Node, real ONNX models in-thread). A 12 MP phone photo is decoded first at the
// detector's size (and again, bounded, only when its face is small there): the verdict is the
// same as from the whole picture decoded at 1920 pixels, as before. Capture guidance on a small
// camera frame gives its line from the same quality gates.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCalibration } from '../../../main/face/calibration';
import {
  DETECT_MIN_SIDE,
  MAX_DECODED_SIDE,
  STRIP_PARTS,
  jpegShrinkFor,
  openImage,
  shrinkOnLoadSide,
} from '../../../main/face/decode';
import { cosine } from '../../../main/face/embed';
import { analyzeImage, type AnalyzeOptions, type FaceAnalysis } from '../../../main/face/pipeline';
import { guidanceFor } from '../../../main/face/quality';
import { loadSessions, type FaceSessions } from '../../../main/face/sessions';
import { bandFor } from '../../../main/face/verify';
import { storedSideways } from './pictures';
import { withRestarts } from './restarts';

const PAIRS = path.join(__dirname, '../../fixtures/face-pairs');
const img = (f: string) => fs.readFileSync(path.join(PAIRS, f));
let s: FaceSessions;

beforeAll(async () => {
  s = await loadSessions();
}, 60_000);

async function analyzed(bytes: Uint8Array, opts?: AnalyzeOptions): Promise<FaceAnalysis> {
  const r = await analyzeImage(s, bytes, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

let scene: Promise<Buffer> | undefined;

/** A 4000×3000 phone photo (JPEG q90, some sensor noise) with the fixture's face `face` pixels wide. */
async function phonePhoto(fixture: string, face: number, left = 1000, top = 500): Promise<Buffer> {
  scene ??= sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#7d8a70',
      noise: { type: 'gaussian', mean: 120, sigma: 6 },
    },
  })
    .raw()
    .toBuffer();
  const f = await sharp(img(fixture)).resize(face, face).toBuffer();
  return sharp(await scene, { raw: { width: 4000, height: 3000, channels: 3 } })
    .composite([{ input: f, left, top }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The same photo as the pipeline used to see it: the whole picture decoded at 1920 pixels (lossless). */
const at1920 = (photo: Buffer) =>
  sharp(photo).resize({ width: MAX_DECODED_SIDE, height: MAX_DECODED_SIDE, fit: 'inside' }).png().toBuffer();

describe('decode at the detector size', () => {
  it('gives a 12 MP photo the same verdict as the whole picture at 1920 px, genuine and impostor', async () => {
    const cases: Array<[string, string, number]> = [];
    // Three people, each against their own submitted photo and someone else's; a large face
    // (one decode) and a small one (a second, bounded decode).
    for (const [who, other] of [
      ['s1f0', 's2f1'],
      ['s3f0', 's4f0'],
      ['s5f0', 's6f0'],
    ] as const) {
      for (const face of [2000, 700]) {
        cases.push(
          [`${who}_light.jpg`, `${who}_base.jpg`, face],
          [`${who}_light.jpg`, `${other}_base.jpg`, face],
        );
      }
    }
    const bands = new Map<string, string>();
    for (const [capture, submitted, face] of cases) {
      const ref = (await analyzed(img(submitted), { liveness: false })).embedding!;
      const photo = await phonePhoto(capture, face);
      const now = await analyzed(photo);
      const before = await analyzed(await at1920(photo));
      expect(now.image).toMatchObject({ width: 4000, height: 3000, downscaled: true });
      const cal = loadCalibration(now.modelVersion);
      const a = cosine(now.embedding!, ref);
      const b = cosine(before.embedding!, ref);
      const label = `${capture} vs ${submitted}, face ${face} px`;
      expect(bandFor(a, cal), label).toBe(bandFor(b, cal));
      expect(Math.abs(a - b), label).toBeLessThan(0.06);
      expect(
        now.quality.reasons.map((r) => r.code),
        label,
      ).toEqual(before.quality.reasons.map((r) => r.code));
      // The face box, in the photo's own pixels, where it was.
      const [x, y, w] = now.faces[0]!.box;
      const [bx, by, bw] = before.faces[0]!.box.map((v) => (v * 4000) / MAX_DECODED_SIDE) as [
        number,
        number,
        number,
      ];
      expect(Math.abs(x - bx) / bw, label).toBeLessThan(0.1);
      expect(Math.abs(y - by) / bw, label).toBeLessThan(0.1);
      expect(Math.abs(w - bw) / bw, label).toBeLessThan(0.1);
      bands.set(label, bandFor(a, cal));
    }
    // Both verdicts occur: the check is not of one kind of pair only.
    expect([...bands.values()]).toContain('MATCH');
    expect([...bands.values()]).toContain('NO_MATCH');
  }, 300_000); // 12 pictures of 12 MP made and analysed twice: generous, for a loaded machine
});

describe('the DCT scale of each decode', () => {
  it('decodes a 12 MP photo for the detector at 1/8, and a small face again at the coarsest scale giving it', () => {
    // Asking sharp for 480 of 4032 px decodes at 1/4 (its libjpeg rounding guard); 448 at 1/8.
    expect(jpegShrinkFor(4032, 480)).toBe(4);
    expect(shrinkOnLoadSide(4032, DETECT_MIN_SIDE)).toBe(448);
    expect(jpegShrinkFor(4032, 448)).toBe(8);
    // Smaller pictures still give the detector at least its input size, at 1/4 or 1/2.
    for (const side0 of [2000, 2600, 3000, 4000, 6000, 8000]) {
      const side = shrinkOnLoadSide(side0, DETECT_MIN_SIDE);
      expect(side, `${side0}`).toBeGreaterThanOrEqual(DETECT_MIN_SIDE);
      expect(jpegShrinkFor(side0, side), `${side0}`).toBeGreaterThanOrEqual(4);
    }
    // A 700 px face needs 922 px of the picture for 160 px of face: 1/2 either way, the face larger.
    expect(jpegShrinkFor(4032, 922)).toBe(2);
    expect(shrinkOnLoadSide(4032, 922)).toBe(1344);
    // More than half the picture: no DCT scale gives it; bounded as before.
    expect(shrinkOnLoadSide(4032, 2150)).toBe(MAX_DECODED_SIDE);
    expect(shrinkOnLoadSide(4032, 1500)).toBe(1500);
  });

  it('verifies a sideways 12 MP phone photo whose face is only about 300 px (a second decode)', async () => {
    const cal = loadCalibration(s.modelVersion);
    // The fixture is a crop about 1.8× the face: pasted 540 px wide, the face is about 300 px.
    const upright = await phonePhoto('s3f0_light.jpg', 540, 2600, 1800);
    const photo = await storedSideways(upright);
    const now = await analyzed(photo);
    expect(now.image).toMatchObject({ width: 4000, height: 3000, downscaled: true });
    const [x, y, w] = now.faces[0]!.box;
    // The face where it was put, in the upright photo's pixels (the detector's box is a little
    // inside the pasted square).
    expect(x).toBeGreaterThan(2600);
    expect(x + w).toBeLessThan(2600 + 540);
    expect(y).toBeGreaterThan(1800);
    expect(w).toBeGreaterThan(200);
    expect(w).toBeLessThan(400);
    const same = cosine(
      now.embedding!,
      (await analyzed(img('s3f0_base.jpg'), { liveness: false })).embedding!,
    );
    const other = cosine(
      now.embedding!,
      (await analyzed(img('s4f0_base.jpg'), { liveness: false })).embedding!,
    );
    expect(bandFor(same, cal)).toBe('MATCH');
    expect(bandFor(other, cal)).toBe('NO_MATCH');
    // The same verdict and about the same score as the whole picture at 1920 px.
    const before = await analyzed(await at1920(upright));
    const ref = (await analyzed(img('s3f0_base.jpg'), { liveness: false })).embedding!;
    expect(Math.abs(same - cosine(before.embedding!, ref))).toBeLessThan(0.06);
  }, 120_000);
});

describe('a phone photo with restart markers', () => {
  it('is decoded in strips at once and gets the verdict and the score it gets decoded whole', async () => {
    const cal = loadCalibration(s.modelVersion);
    const upright = await phonePhoto('s1f0_light.jpg', 1800, 1100, 600);
    const sideways = await storedSideways(upright);
    // As phones write it: a restart marker every MCU row (jpegtran, lossless).
    const phone = withRestarts(sideways);
    expect((await (await openImage(phone)).decode(448)).strips).toBe(STRIP_PARTS > 1 ? 2 : 1);
    for (const [submitted, band] of [
      ['s1f0_base.jpg', 'MATCH'],
      ['s2f1_base.jpg', 'NO_MATCH'],
    ] as const) {
      const ref = (await analyzed(img(submitted), { liveness: false })).embedding!;
      const cut = await analyzed(phone);
      const whole = await analyzed(sideways);
      const a = cosine(cut.embedding!, ref);
      expect(bandFor(a, cal), submitted).toBe(band);
      expect(Math.abs(a - cosine(whole.embedding!, ref)), submitted).toBeLessThan(0.02);
      expect(cut.quality.reasons.map((r) => r.code)).toEqual(whole.quality.reasons.map((r) => r.code));
      const [x, y, w] = cut.faces[0]!.box;
      const [bx, by, bw] = whole.faces[0]!.box;
      expect(Math.abs(x - bx) + Math.abs(y - by) + Math.abs(w - bw), submitted).toBeLessThan(0.05 * bw);
    }
  }, 120_000);
});

describe('capture guidance', () => {
  /** A 1280×720 camera frame with the given faces, sent downscaled to 640×360 as the booth does. */
  async function frame(
    faces: Array<{ file: string; size: number; left: number; top: number }>,
    brightness = 1,
    width = 640,
  ): Promise<Buffer> {
    const layers = await Promise.all(
      faces.map(async (f) => ({
        input: await sharp(img(f.file)).resize(f.size, f.size).toBuffer(),
        left: f.left,
        top: f.top,
      })),
    );
    const full = await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#6b7b8c' } })
      .composite(layers)
      .jpeg()
      .toBuffer();
    return sharp(full)
      .modulate({ brightness })
      .resize(width, Math.round((width * 9) / 16))
      .jpeg({ quality: 80 })
      .toBuffer();
  }
  const guide = async (bytes: Buffer) =>
    guidanceFor(
      (await analyzed(bytes, { liveness: false, embed: false, captureScale: 0.5 })).quality.reasons,
    );

  it('says one plain line from the gates the engine uses on a capture', async () => {
    const one = { file: 's1f0_base.jpg', size: 360, left: 460, top: 180 };
    const good = await analyzed(await frame([one]), { liveness: false, embed: false, captureScale: 0.5 });
    expect(good.embedding).toBeNull(); // guidance needs no embedding
    // The face-size gate counts camera pixels, not the small frame's.
    const whole = await analyzed(await frame([one], 1, 1280), { liveness: false, embed: false });
    expect(good.quality.metrics!.faceSizePx / whole.quality.metrics!.faceSizePx).toBeCloseTo(1, 1);
    expect(guidanceFor(good.quality.reasons)).toBe('ready');
    expect(await guide(await frame([{ ...one, size: 150, left: 600, top: 300 }]))).toBe('moveCloser');
    expect(await guide(await frame([one, { file: 's2f0_base.jpg', size: 320, left: 900, top: 200 }]))).toBe(
      'onePerson',
    );
    expect(await guide(await frame([], 1))).toBe('noFace');
    expect(await guide(await frame([one], 0.25))).toBe('moreLight');
  }, 60_000);

  it('puts someone else in view first, then framing, pose, light and motion', () => {
    expect(guidanceFor([])).toBe('ready');
    expect(guidanceFor([{ code: 'BLURRED' }, { code: 'POSE_YAW' }])).toBe('faceCamera');
    expect(guidanceFor([{ code: 'TOO_DARK' }, { code: 'BLURRED' }])).toBe('moreLight');
    expect(guidanceFor([{ code: 'FACE_TOO_SMALL' }, { code: 'SEVERAL_FACES' }])).toBe('onePerson');
    expect(guidanceFor([{ code: 'FACE_CUT_OFF' }])).toBe('moveToCentre');
    expect(guidanceFor([{ code: 'TOO_BRIGHT' }])).toBe('lessLight');
  });
});
