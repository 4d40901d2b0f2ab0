// Runs in: face worker threads. Loads the four ONNX sessions once per thread.
import * as ort from 'onnxruntime-node';
import { loadManifest, modelPath, modelsDir, type ModelKey } from './model-manifest';

export interface FaceSessions {
  detect: ort.InferenceSession;
  landmark: ort.InferenceSession;
  feature: ort.InferenceSession;
  liveness: ort.InferenceSession;
  modelVersion: string;
  loadMs: number;
}

/**
 * One intra-op thread and no spinning: ORT's idle spinning threads measurably slowed sharp and
 * the JS thread (FACE-PIPELINE.md); parallelism comes from running more workers instead.
 */
export const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
};

/**
 * Graph optimisation per model, measured on the 2-core target (ms per run, 1 thread):
 * 'all' (layout/NCHWc transforms) makes detect 5.2 -> 1.8 and landmark 0.9 -> 0.3 but makes
 * the feature model 16 -> 54; 'extended' is the best level for the feature model.
 */
export const GRAPH_OPT: Record<ModelKey, 'extended' | 'all'> = {
  detect: 'all',
  landmark: 'all',
  feature: 'extended',
  liveness: 'all',
};

export async function loadSessions(dir: string = modelsDir()): Promise<FaceSessions> {
  const t0 = performance.now();
  const manifest = loadManifest(dir);
  const load = (k: ModelKey) =>
    ort.InferenceSession.create(modelPath(k, dir), { ...SESSION_OPTIONS, graphOptimizationLevel: GRAPH_OPT[k] });
  // Sequential on purpose: each create is CPU-bound on the same thread pool.
  const detect = await load('detect');
  const landmark = await load('landmark');
  const feature = await load('feature');
  const liveness = await load('liveness');
  return { detect, landmark, feature, liveness, modelVersion: manifest.modelVersion, loadMs: performance.now() - t0 };
}

export async function runSingle(
  session: ort.InferenceSession,
  input: Float32Array,
  dims: number[],
): Promise<ort.InferenceSession.OnnxValueMapType> {
  const name = session.inputNames[0]!;
  return session.run({ [name]: new ort.Tensor('float32', input, dims) });
}
