// Runs in: face worker threads. Loads the four ONNX sessions once per thread.
import fs from 'node:fs';
import * as ort from 'onnxruntime-node';
import { flushDenormals } from 'fpu-mode';
import { rewritePRelu, type PReluForm } from './model-rewrite';
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
  extra: {
    session: {
      set_denormal_as_zero: '1',
      intra_op: { allow_spinning: '0' },
      inter_op: { allow_spinning: '0' },
    },
  },
};

/**
 * Per model, measured on the 2-core target (ms per run, 1 thread): graph optimisation 'all'
 * (fusions and the blocked NCHWc layout) makes detect 6.0 -> 2.1 and landmark 1.0 -> 0.3; the
 * feature model runs 7.6 with its PRelu layers, 5.3 in the 'max' form, 3.1 in the 'blocked' form;
 * the liveness model (channel counts the blocked layout cannot use) 5.5, 3.8 in the 'max' form at
 * 'extended', 4.6 in the 'blocked' form. See model-rewrite.ts for the forms.
 */
export const MODEL_SETUP: Record<ModelKey, { graph: 'extended' | 'all'; prelu: PReluForm | null }> = {
  detect: { graph: 'all', prelu: null },
  landmark: { graph: 'all', prelu: null },
  feature: { graph: 'all', prelu: 'blocked' },
  liveness: { graph: 'extended', prelu: 'max' },
};

export async function loadSessions(dir: string = modelsDir()): Promise<FaceSessions> {
  const t0 = performance.now();
  const manifest = loadManifest(dir);
  const load = (k: ModelKey) => {
    const { graph, prelu } = MODEL_SETUP[k];
    const bytes = fs.readFileSync(modelPath(k, dir));
    return ort.InferenceSession.create(prelu ? rewritePRelu(bytes, prelu).bytes : bytes, {
      ...SESSION_OPTIONS,
      graphOptimizationLevel: graph,
    });
  };
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
  return {
    detect,
    landmark,
    feature,
    liveness,
    modelVersion: manifest.modelVersion,
    loadMs: performance.now() - t0,
    denormalsFlushed,
  };
}

export async function runSingle(
  session: ort.InferenceSession,
  input: Float32Array,
  dims: number[],
): Promise<ort.InferenceSession.OnnxValueMapType> {
  const name = session.inputNames[0]!;
  return session.run({ [name]: new ort.Tensor('float32', input, dims) });
}
