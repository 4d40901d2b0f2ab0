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

/** Aligned 112x112 faces from real photos, as the embedding model sees them. */
async function alignedFaces(n: number): Promise<Float32Array[]> {
  const sessions = await loadSessions();
  const out: Float32Array[] = [];
  for (const f of fs.readdirSync(PAIRS).filter((x) => x.endsWith('.jpg'))) {
    if (out.length === n) break;
    const img = await decodeImage(fs.readFileSync(path.join(PAIRS, f)));
    const det = await detectFaces(sessions.detect, img);
    if (!det.faces.length) continue;
    const lm = await detectLandmarks(sessions.landmark, img, det.faces[0]!);
    out.push(toChw(alignFace(img, fivePoints(lm.points68)).rgb, 112, 112, 127, 128));
  }
  return out;
}

async function embeddings(model: Uint8Array | string, faces: Float32Array[]): Promise<Float32Array[]> {
  const s = await ort.InferenceSession.create(model as Uint8Array, {
    ...SESSION_OPTIONS,
    graphOptimizationLevel: 'all',
  });
  const out: Float32Array[] = [];
  for (const f of faces)
    out.push(
      Float32Array.from(
        (await s.run({ [s.inputNames[0]!]: new ort.Tensor('float32', f, [1, 3, 112, 112]) }))[
          s.outputNames[0]!
        ]!.data as Float32Array,
      ),
    );
  await s.release();
  return out;
}

describe('PRelu rewrite', () => {
  it('replaces the PRelu layers each form can express and keeps the rest', () => {
    const feature = fs.readFileSync(modelPath('feature'));
    expect(rewritePRelu(feature, 'blocked')).toMatchObject({ replaced: 33, kept: 0 });
    // One channel of the first feature PRelu has a slope of 1.23: the Max form keeps that layer.
    expect(rewritePRelu(feature, 'max')).toMatchObject({ replaced: 32, kept: 1 });
    expect(rewritePRelu(fs.readFileSync(modelPath('liveness')), 'max')).toMatchObject({
      replaced: 33,
      kept: 0,
    });
    // No PRelu: the very same bytes come back.
    const detect = fs.readFileSync(modelPath('detect'));
    expect(rewritePRelu(detect, 'blocked').bytes).toBe(detect);
  });

  it("the 'max' form gives bit-identical embeddings, the 'blocked' form equal ones to float rounding", async () => {
    const faces = await alignedFaces(6);
    expect(faces.length).toBe(6);
    const feature = fs.readFileSync(modelPath('feature'));
    const original = await embeddings(modelPath('feature'), faces);
    const max = await embeddings(rewritePRelu(feature, 'max').bytes, faces);
    const blocked = await embeddings(rewritePRelu(feature, 'blocked').bytes, faces);
    for (let i = 0; i < faces.length; i++) {
      const a = original[i]!;
      expect(Buffer.from(max[i]!.buffer).equals(Buffer.from(a.buffer))).toBe(true);
      const b = blocked[i]!;
      let worst = 0;
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (let k = 0; k < a.length; k++) {
        worst = Math.max(worst, Math.abs(a[k]! - b[k]!));
        dot += a[k]! * b[k]!;
        na += a[k]! * a[k]!;
        nb += b[k]! * b[k]!;
      }
      expect(worst).toBeLessThan(1e-5);
      expect(dot / Math.sqrt(na * nb)).toBeGreaterThan(0.999999);
      // Not a copy of the original: the rewrite really ran.
      expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(false);
    }
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

  it('every worker of a 2-worker pool reports denormals flushed and large JPEGs decoded by libjpeg-turbo', async () => {
    const pool = new FacePool({ workers: 2 });
    pools.push(pool);
    const w = await pool.warmup();
    expect(new Set(w.map((x) => x.threadId)).size).toBe(2);
    expect(w.every((x) => x.denormalsFlushed)).toBe(true);
    expect((await pool.info()).denormalsFlushed).toBe(true);
    expect(w.every((x) => x.scaledJpeg)).toBe(true);
    expect((await pool.info()).scaledJpeg).toBe(true);
  });
});
