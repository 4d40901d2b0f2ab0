// Runs in: vitest (Node, real models). The two inference speed-ups must not change a single
// output: the in-memory PRelu rewrite (bit-identical by construction) and flushing denormals
// on every face worker thread (not only the first one onnxruntime sets up).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { rewritePRelu } from '../../../main/face/model-rewrite';
import { modelPath } from '../../../main/face/model-manifest';
import { decodeImage } from '../../../main/face/decode';
import { detectFaces } from '../../../main/face/detect';
import { detectLandmarks, fivePoints } from '../../../main/face/landmarks';
import { alignFace } from '../../../main/face/align';
import { toChw } from '../../../main/face/image';
import { FacePool } from '../../../main/face/pool';
import { loadSessions, SESSION_OPTIONS } from '../../../main/face/sessions';

const PAIRS = path.join(__dirname, '../../fixtures/face-pairs');
const pools: FacePool[] = [];
afterAll(async () => Promise.all(pools.map((p) => p.close())));

describe('PRelu rewrite', () => {
  it('replaces every PRelu whose slopes are all <= 1 and keeps the rest', () => {
    const feature = rewritePRelu(fs.readFileSync(modelPath('feature')));
    // One channel of the first feature PRelu has a slope of 1.23: that layer keeps its PRelu.
    expect(feature).toMatchObject({ replaced: 32, kept: 1 });
    expect(rewritePRelu(fs.readFileSync(modelPath('liveness')))).toMatchObject({ replaced: 33, kept: 0 });
    // No PRelu: the very same bytes come back.
    const detect = fs.readFileSync(modelPath('detect'));
    expect(rewritePRelu(detect).bytes).toBe(detect);
  });

  it('gives bit-identical embeddings on real aligned faces', async () => {
    const sessions = await loadSessions();
    const original = await ort.InferenceSession.create(modelPath('feature'), SESSION_OPTIONS);
    const files = fs.readdirSync(PAIRS).filter((f) => f.endsWith('.jpg')).slice(0, 6);
    let compared = 0;
    for (const f of files) {
      const img = await decodeImage(fs.readFileSync(path.join(PAIRS, f)));
      const det = await detectFaces(sessions.detect, img);
      if (!det.faces.length) continue;
      const lm = await detectLandmarks(sessions.landmark, img, det.faces[0]!);
      const aligned = alignFace(img, fivePoints(lm.points68));
      const input = new ort.Tensor('float32', toChw(aligned.rgb, 112, 112, 127, 128), [1, 3, 112, 112]);
      const a = (await original.run({ input }))[original.outputNames[0]!]!.data as Float32Array;
      const b = (await sessions.feature.run({ input }))[sessions.feature.outputNames[0]!]!.data as Float32Array;
      expect(Buffer.from(b.buffer, b.byteOffset, b.byteLength).equals(Buffer.from(a.buffer, a.byteOffset, a.byteLength))).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });
});

describe('denormals flushed on every worker thread', () => {
  it('the fpu-mode addon flushes denormals on the thread that calls it, and only there', () => {
    // A fresh process (this test thread may already have the bits set, and Linux threads inherit
    // them): a worker thread sets them; the process's main thread keeps IEEE denormals.
    const script = `
      const { Worker } = require('node:worker_threads');
      const probe = \`
        const { parentPort } = require('node:worker_threads');
        const v = [1e-310, 3];
        const before = v[0] * v[1];
        const set = require(\${JSON.stringify(require.resolve('fpu-mode'))}).flushDenormals();
        parentPort.postMessage({ before, set, after: v[0] * v[1] });\`;
      const w = new Worker(probe, { eval: true });
      w.once('message', (r) => {
        const v = [1e-310, 3];
        console.log(JSON.stringify({ ...r, mainAfter: v[0] * v[1] }));
        w.terminate();
      });`;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    // Compared as text: this test thread may itself flush denormals, so 3e-310 > 0 would be false here.
    expect(out.trim()).toBe('{"before":3e-310,"set":true,"after":0,"mainAfter":3e-310}');
  });

  it('every worker of a 2-worker pool reports denormals flushed', async () => {
    const pool = new FacePool({ workers: 2 });
    pools.push(pool);
    const w = await pool.warmup();
    expect(new Set(w.map((x) => x.threadId)).size).toBe(2);
    expect(w.every((x) => x.denormalsFlushed)).toBe(true);
    expect((await pool.info()).denormalsFlushed).toBe(true);
  });
});
