// Runs in: face worker threads (piscina). Loads the four ONNX sessions once per thread and
// runs the pipeline on the image bytes it is handed.
import { loadSessions, type FaceSessions } from './sessions';
import { analyzeImage, type AnalyzeOptions, type AnalyzeResult } from './pipeline';
import { toErrorInfo } from './errors';

export interface AnalyzeTask {
  kind: 'analyze';
  bytes: Uint8Array;
  options?: AnalyzeOptions;
}

export interface InfoTask {
  kind: 'info';
}

export type FaceTask = AnalyzeTask | InfoTask;

let sessions: Promise<FaceSessions> | undefined;

export default async function run(task: FaceTask): Promise<AnalyzeResult | { modelVersion: string; loadMs: number }> {
  sessions ??= loadSessions();
  let s: FaceSessions;
  try {
    s = await sessions;
  } catch (e) {
    sessions = undefined;
    const info = toErrorInfo(e);
    return { ok: false, modelVersion: 'unknown', error: { code: 'MODELS_MISSING', message: `the face models could not be loaded (${info.message}); run npm install to fetch them` }, timings: {} };
  }
  if (task.kind === 'info') return { modelVersion: s.modelVersion, loadMs: s.loadMs };
  return analyzeImage(s, task.bytes, task.options);
}
