// Runs in: main process (worker thread, one per piscina slot). Holds the ONNX sessions and runs the pipeline.
import { threadId, workerData } from 'node:worker_threads';
import { loadSessions, type FaceSessions } from './sessions';
import { analyzeImage, type AnalyzeOptions, type AnalyzeResult } from './pipeline';
import { toErrorInfo } from './errors';
import { scaledJpegAvailable } from './jpeg-scaled';

export type WorkerTask = { op: 'analyze'; bytes: Uint8Array; options?: AnalyzeOptions } | { op: 'warmup' };

export interface WarmupResult {
  modelVersion: string;
  loadMs: number;
  denormalsFlushed: boolean;
  /** native/jpeg-scale is built: large JPEGs decode at the DCT scale (jpeg-scaled.ts). */
  scaledJpeg: boolean;
  threadId: number;
}

let sessionsPromise: Promise<FaceSessions> | null = null;

/** Sessions load once per worker thread; a failed load is retried on the next task. */
function sessions(): Promise<FaceSessions> {
  if (!sessionsPromise) {
    const dir = (workerData as { modelsDir?: string } | undefined)?.modelsDir;
    sessionsPromise = loadSessions(dir).catch((err: unknown) => {
      sessionsPromise = null;
      throw err;
    });
  }
  return sessionsPromise;
}

export default async function handler(task: WorkerTask): Promise<AnalyzeResult | WarmupResult> {
  if (task.op === 'warmup') {
    const s = await sessions();
    return {
      modelVersion: s.modelVersion,
      loadMs: s.loadMs,
      denormalsFlushed: s.denormalsFlushed,
      scaledJpeg: scaledJpegAvailable,
      threadId,
    };
  }
  if (task.op === 'analyze') {
    let s: FaceSessions;
    try {
      s = await sessions();
    } catch (err) {
      const info = toErrorInfo(err);
      return {
        ok: false,
        modelVersion: 'unknown',
        error: { code: 'MODELS_MISSING', message: info.message },
        timings: {},
      };
    }
    return analyzeImage(s, task.bytes, task.options);
  }
  throw new Error(`unknown face worker op`);
}
