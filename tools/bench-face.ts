// Runs in: benchmark (plain Node via tsx). Face engine latency per stage for a 1280×720 capture
// beside the models' own run time in the same run; model load; enrolment throughput with 1 and
// 2 workers; 1:N search over 100k templates.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { FacePool } from '../main/face/pool';
import { loadSessions } from '../main/face/sessions';
import { analyzeImage, type StageTimings } from '../main/face/pipeline';
import { cosine } from '../main/face/embed';
import { TemplateIndex } from '../main/face/search';
import { enrolPhotos } from '../main/face/enrol';
import type { BenchRow } from './bench-types';
import { benchTable } from './bench-table';

/** A bench row; `ratio` = value / baseline where a baseline was measured in the same run. */
export type Row = BenchRow & { ratio?: number };

const FIX = path.join(__dirname, '../tests/fixtures/face-pairs');

export function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)]!,
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!,
  };
}

/** One empty list per pipeline stage, to take per-stage medians from the same runs. */
export function stageLists(): Record<keyof StageTimings, number[]> {
  return {
    decode: [],
    detect: [],
    landmarks: [],
    align: [],
    embed: [],
    liveness: [],
    quality: [],
    total: [],
  };
}

/** A 1280×720 webcam-like frame: one face placed on a plain background, JPEG q85. */
export async function captureFrame(): Promise<Buffer> {
  const face = await sharp(path.join(FIX, 's1f0_base.jpg')).resize(360, 360).toBuffer();
  return sharp({ create: { width: 1280, height: 720, channels: 3, background: '#6b7b8c' } })
    .composite([{ input: face, left: 460, top: 180 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

export async function benchFace(): Promise<Row[]> {
  const rows: Row[] = [];
  // Model load, and the pipeline in-thread so stage and model times come from the same runs.
  const l0 = performance.now();
  const sessions = await loadSessions();
  rows.push({
    group: 'face',
    name: 'load the 4 ONNX models (one thread)',
    value: performance.now() - l0,
    unit: 'ms',
  });
  const frame = await captureFrame();
  const ref = await analyzeImage(sessions, fs.readFileSync(path.join(FIX, 's1f0_light.jpg')));
  const refEmb = ref.ok ? ref.embedding! : new Float32Array(512);
  for (let i = 0; i < 10; i++) await analyzeImage(sessions, frame); // warm-up
  const totals: number[] = [];
  const models: number[] = [];
  const stages = stageLists();
  const N = 150;
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const r = await analyzeImage(sessions, frame);
    if (!r.ok || !r.embedding) throw new Error('benchmark frame has no usable face');
    cosine(r.embedding, refEmb);
    totals.push(performance.now() - t);
    models.push(r.modelTimings.total);
    for (const k of Object.keys(stages) as Array<keyof StageTimings>) stages[k].push(r.timings[k]);
  }
  const v = stats(totals);
  const m = stats(models);
  rows.push({
    group: 'face',
    name: `verify a 1280×720 capture, median (${N} runs)`,
    value: v.median,
    unit: 'ms',
    baseline: m.median,
    ratio: v.median / m.median,
    baselineName: "models' own run time",
    goal: '≤ 2× models',
    pass: v.median <= 2 * m.median,
  });
  rows.push({
    group: 'face',
    name: 'verify a 1280×720 capture, p95',
    value: v.p95,
    unit: 'ms',
    baseline: m.p95,
    ratio: v.p95 / m.p95,
    baselineName: "models' own run time",
    goal: '≤ 60 ms',
    pass: v.p95 <= 60,
  });
  for (const k of ['decode', 'detect', 'landmarks', 'align', 'embed', 'liveness', 'quality'] as const) {
    const s = stats(stages[k]);
    rows.push({
      group: 'face',
      name: `  stage ${k} (median / p95 ${s.p95.toFixed(1)} ms)`,
      value: s.median,
      unit: 'ms',
    });
  }
  await Promise.all([
    sessions.detect.release(),
    sessions.landmark.release(),
    sessions.feature.release(),
    sessions.liveness.release(),
  ]);

  // Enrolment throughput on the worker pool: 500 photos, 1 then 2 workers (and 2 without liveness).
  const photos = fs
    .readdirSync(FIX)
    .filter((f) => f.endsWith('.jpg'))
    .map((f) => fs.readFileSync(path.join(FIX, f)));
  const items = Array.from({ length: 500 }, (_, i) => ({
    id: String(i),
    load: () => photos[i % photos.length]!,
  }));
  for (const [workers, liveness] of [
    [1, true],
    [2, true],
    [2, false],
  ] as const) {
    const pool = new FacePool({ workers });
    await pool.info();
    await enrolPhotos(pool, items.slice(0, 20), { liveness }); // warm-up
    const t = performance.now();
    await enrolPhotos(pool, items, { liveness });
    const perSec = items.length / ((performance.now() - t) / 1000);
    await pool.close();
    const label = `enrolment, ${workers} worker${workers > 1 ? 's' : ''}${liveness ? '' : ', liveness off'} (10,000 photos extrapolated: ${(10_000 / perSec / 60).toFixed(1)} min)`;
    rows.push({
      group: 'face',
      name: label,
      value: perSec,
      unit: 'photos/s',
      goal: workers === 2 ? '10,000 in ≤ 2 min (≥ 83/s)' : undefined,
      pass: workers === 2 ? perSec >= 10_000 / 120 : undefined,
    });
  }

  // 1:N over 100k random unit templates.
  const idx = new TemplateIndex(100_000);
  const rnd = (seed: number) => {
    const v = new Float32Array(512);
    let s = seed;
    let n = 0;
    for (let i = 0; i < 512; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      v[i] = s / 2 ** 32 - 0.5;
      n += v[i]! * v[i]!;
    }
    for (let i = 0; i < 512; i++) v[i]! /= Math.sqrt(n);
    return v;
  };
  for (let i = 0; i < 100_000; i++) idx.add(String(i), rnd(i + 1));
  const q = rnd(777);
  idx.search(q, 10, 0.6);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    idx.search(q, 10, 0.6);
    times.push(performance.now() - t);
  }
  rows.push({
    group: 'face',
    name: '1:N search over 100,000 templates (median of 30)',
    value: stats(times).median,
    unit: 'ms',
    goal: '≤ 50 ms',
    pass: stats(times).median <= 50,
  });
  return rows;
}

if (require.main === module) void benchFace().then((rows) => console.log(benchTable(rows)));
