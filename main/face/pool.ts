// Runs in: main process. Worker-thread pool (piscina) running the face pipeline off the main/UI thread.
import os from 'node:os';
import { Piscina } from 'piscina';
import type { EngineStatusView } from '../../ipc/channels/engine';
import { modelsDir } from './model-manifest';
import { workerScript } from '../platform/worker-script';
import type { AnalyzeOptions, AnalyzeResult } from './pipeline';
import type { WarmupResult, WorkerTask } from './worker';

export interface FacePoolOptions {
  /** Worker threads (default: min(2, CPU count)). Each holds its own sessions (~35 MB). */
  workers?: number;
  /** Explicit worker script; default: built face-worker.js next to this bundle, else the tsx dev bootstrap. */
  workerPath?: string;
  modelsDir?: string;
  /** Max queued tasks before run() rejects (back-pressure for bulk enrolment). */
  maxQueue?: number;
}

/** Built: out/main/face-worker.js beside the main bundle; from sources: the tsx bootstrap. */
export function resolveWorkerPath(): string {
  const script = workerScript('face-worker.js', 'face/worker-dev.cjs');
  if (!script) throw new Error(`face worker script not found next to ${__dirname}`);
  return script;
}

/** What the pool runs: the admin's engine status shows exactly this. */
export type FacePoolInfo = NonNullable<EngineStatusView['face']>;

export class FacePool {
  private readonly piscina: Piscina;
  readonly workers: number;
  private destroyed = false;
  private infoPromise: Promise<FacePoolInfo> | null = null;

  constructor(opts: FacePoolOptions = {}) {
    this.workers = Math.max(1, opts.workers ?? Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
    this.piscina = new Piscina({
      filename: opts.workerPath ?? resolveWorkerPath(),
      minThreads: this.workers,
      maxThreads: this.workers,
      // Sessions are expensive to load: keep workers alive.
      idleTimeout: Number.POSITIVE_INFINITY,
      maxQueue: opts.maxQueue ?? Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
      workerData: { modelsDir: opts.modelsDir ?? modelsDir() },
    });
  }

  /** Load models in every worker now (otherwise the first task per worker pays ~100 ms). */
  async warmup(): Promise<WarmupResult[]> {
    const runs: Promise<WarmupResult>[] = [];
    for (let i = 0; i < this.workers; i++)
      runs.push(this.piscina.run({ op: 'warmup' } satisfies WorkerTask) as Promise<WarmupResult>);
    return Promise.all(runs);
  }

  /**
   * Model version and load time; loads the models in every worker (the first call pays the
   * ~100 ms load per worker, later calls are cached).
   */
  info(): Promise<FacePoolInfo> {
    this.infoPromise ??= this.warmup().then(
      (w) => {
        const denormalsFlushed = w.every((x) => x.denormalsFlushed);
        if (!denormalsFlushed)
          console.warn(
            'face: fpu-mode addon unavailable; denormals are not flushed, so face inference runs slower (run `npm rebuild fpu-mode`).',
          );
        return {
          modelVersion: w[0]!.modelVersion,
          loadMs: Math.max(...w.map((x) => x.loadMs)),
          workers: this.workers,
          denormalsFlushed,
        };
      },
      (err: unknown) => {
        this.infoPromise = null;
        throw err;
      },
    );
    return this.infoPromise;
  }

  /** Full pipeline on one image. Never throws for bad images: returns { ok: false, error }. */
  async analyze(bytes: Uint8Array, options?: AnalyzeOptions, signal?: AbortSignal): Promise<AnalyzeResult> {
    if (this.destroyed) throw new Error('face pool is closed');
    const task: WorkerTask = { op: 'analyze', bytes, ...(options ? { options } : {}) };
    // The bytes are copied (structured clone), not transferred: the caller may still need them.
    // An aborted task rejects with an AbortError; a queued one never reaches a worker.
    return (await this.piscina.run(task, signal ? { signal } : {})) as AnalyzeResult;
  }

  get queueSize(): number {
    return this.piscina.queueSize;
  }

  async close(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.piscina.destroy();
  }
}
