// Runs in: face worker threads. Loads the four ONNX sessions once per thread.
import fs from 'node:fs';
import * as ort from 'onnxruntime-node';
import { flushDenormals } from 'fpu-mode';
import { rewritePRelu } from './model-rewrite';
import { loadManifest, modelPath, modelsDir, type ModelKey } from './model-manifest';

export interface FaceSessions {
  detect: ort.InferenceSession;
  landmark: ort.InferenceSession;
  feature: ort.InferenceSession;
  liveness: ort.InferenceSession;
  modelVersion: string;
  loadMs: number;
  /** False when the fpu-mode addon is missing: inference still works, the embedding runs slower. */
  denormalsFlushed: boolean;
}

/**
 * One intra-op thread and no spinning: ORT's idle spinning threads measurably slowed sharp and
 * the JS thread (FACE-PIPELINE.md); parallelism comes from running more workers instead.
 * Denormals as zero: the models' weights and activations hold denormal floats, which x86 handles
 * ~100x slower; see `flushDenormals` below for why the option alone is not enough.
 */
export const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  extra: { session: { set_denormal_as_zero: '1', intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
};

/**
 * Graph optimisation per model, measured on the 2-core target after the PRelu rewrite (ms per
 * run, 1 thread): 'all' (NCHWc layouts) makes detect 6.0 -> 2.1, landmark 1.0 -> 0.3, feature
 * 6.9 -> 4.7; the liveness model is faster at 'extended' (3.9 vs 4.3).
 */
export const GRAPH_OPT: Record<ModelKey, 'extended' | 'all'> = {
  detect: 'all',
  landmark: 'all',
  feature: 'all',
  liveness: 'extended',
};

export async function loadSessions(dir: string = modelsDir()): Promise<FaceSessions> {
  const t0 = performance.now();
  const manifest = loadManifest(dir);
  const load = (k: ModelKey) =>
    ort.InferenceSession.create(rewritePRelu(fs.readFileSync(modelPath(k, dir))).bytes, { ...SESSION_OPTIONS, graphOptimizationLevel: GRAPH_OPT[k] });
  // Sequential on purpose: each create is CPU-bound on the same thread pool.
  const detect = await load('detect');
  const landmark = await load('landmark');
  const feature = await load('feature');
  const liveness = await load('liveness');
  // ORT applies `set_denormal_as_zero` once per process, to the thread creating the first
  // session; with one intra-op thread inference runs on the calling worker thread, so every
  // other worker would run the embedding model 2-7x slower (8 ms vs 19-60 ms measured). Each
  // worker sets the bits itself, after its sessions exist (the first create may reset them).
  const denormalsFlushed = flushDenormals();
  return { detect, landmark, feature, liveness, modelVersion: manifest.modelVersion, loadMs: performance.now() - t0, denormalsFlushed };
}

export async function runSingle(
  session: ort.InferenceSession,
  input: Float32Array,
  dims: number[],
): Promise<ort.InferenceSession.OnnxValueMapType> {
  const name = session.inputNames[0]!;
  return session.run({ [name]: new ort.Tensor('float32', input, dims) });
}
