// Runs in: benchmark (plain Node via tsx). Verifying a 12 MP phone photo given as a picture file,
// beside a 1280×720 webcam capture in the same run (interleaved, so both see the same machine
// load): the photo is decoded at the detector's size first (JPEG shrink-on-load), not whole.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { DETECT_DECODE_SIDE, MAX_DECODED_SIDE, openImage } from '../main/face/decode';
import { analyzeImage } from '../main/face/pipeline';
import { cosine } from '../main/face/embed';
import { loadSessions } from '../main/face/sessions';
import { captureFrame, stats } from './bench-face';
import type { BenchRow } from './bench-types';

const FIX = path.join(__dirname, '../tests/fixtures/face-pairs');
const SCENE = path.join(__dirname, '../node_modules/@vladmandic/face-api/demo/sample1.jpg');

/**
 * A 12 MP phone photo (4032×3024, JPEG q92, stored sideways with an EXIF orientation as phones
 * do): a real photo's scene, sensor-like noise, the face about half the frame high.
 */
async function phonePhoto(): Promise<Buffer> {
  const [W, H] = [4032, 3024];
  const base = fs.existsSync(SCENE)
    ? sharp(SCENE).resize(W, H, { fit: 'cover' }).blur(6)
    : sharp({ create: { width: W, height: H, channels: 3, background: '#7d8a70' } });
  const scene = await base.removeAlpha().raw().toBuffer();
  const noise = await sharp({
    create: {
      width: W,
      height: H,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 0, sigma: 5 },
    },
  })
    .raw()
    .toBuffer();
  const face = await sharp(path.join(FIX, 's1f0_base.jpg')).resize(1700, 1700).toBuffer();
  const upright = await sharp(scene, { raw: { width: W, height: H, channels: 3 } })
    .composite([
      { input: noise, raw: { width: W, height: H, channels: 3 }, blend: 'add' },
      { input: face, left: 1150, top: 600 },
    ])
    .png()
    .toBuffer();
  return sharp(upright).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
}

export async function benchFaceFile(): Promise<BenchRow[]> {
  const sessions = await loadSessions();
  const [frame, photo] = await Promise.all([captureFrame(), phonePhoto()]);
  const ref = await analyzeImage(sessions, fs.readFileSync(path.join(FIX, 's1f0_light.jpg')), {
    liveness: false,
  });
  const refEmb = ref.ok ? ref.embedding! : new Float32Array(512);
  const run = async (bytes: Buffer) => {
    const t = performance.now();
    const r = await analyzeImage(sessions, bytes);
    if (!r.ok || !r.embedding) throw new Error('benchmark picture has no usable face');
    cosine(r.embedding, refEmb);
    return performance.now() - t;
  };
  for (let i = 0; i < 8; i++) {
    await run(frame); // warm-up
    await run(photo);
  }
  const decodeAt = async (side: number) => {
    const t = performance.now();
    await (await openImage(photo)).decode(side);
    return performance.now() - t;
  };
  const N = 80;
  const cap: number[] = [];
  const file: number[] = [];
  const small: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < N; i++) {
    cap.push(await run(frame));
    file.push(await run(photo));
    if (i % 4 === 0) {
      small.push(await decodeAt(DETECT_DECODE_SIDE));
      whole.push(await decodeAt(MAX_DECODED_SIDE));
    }
  }
  await Promise.all([
    sessions.detect.release(),
    sessions.landmark.release(),
    sessions.feature.release(),
    sessions.liveness.release(),
  ]);
  const c = stats(cap);
  const f = stats(file);
  const mb = (photo.length / 2 ** 20).toFixed(1);
  return [
    {
      group: 'face',
      name: `verify a 12 MP phone photo as a picture file (${mb} MB JPEG), median (${N} runs)`,
      value: f.median,
      unit: 'ms',
      baseline: c.median,
      baselineName: '1280×720 capture, interleaved',
      goal: '≤ 1.5× capture',
      pass: f.median <= 1.5 * c.median,
    },
    {
      group: 'face',
      name: 'verify a 12 MP phone photo as a picture file, p95',
      value: f.p95,
      unit: 'ms',
      baseline: c.p95,
      baselineName: '1280×720 capture, interleaved',
      goal: '≤ 1.5× capture',
      pass: f.p95 <= 1.5 * c.p95,
    },
    {
      group: 'face',
      name: `  decode of that photo at the detector's size (${DETECT_DECODE_SIDE} px), median`,
      value: stats(small).median,
      unit: 'ms',
      baseline: stats(whole).median,
      baselineName: `whole picture at ${MAX_DECODED_SIDE} px (before)`,
    },
  ];
}

if (require.main === module) {
  void benchFaceFile().then((rows) =>
    console.table(
      rows.map((r) => ({
        name: r.name,
        value: +r.value.toFixed(1),
        baseline: +r.baseline!.toFixed(1),
        pass: r.pass,
      })),
    ),
  );
}
