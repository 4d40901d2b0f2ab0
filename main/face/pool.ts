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
  /** Max tasks waiting for a worker before analyze() rejects (back-pressure for bulk enrolment). */
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

interface Waiting {
  task: WorkerTask;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * The pool hands piscina at most one task per worker and queues the rest itself: a task that is
 * running is never cut off. Terminating a worker in the middle of an ONNX run or a sharp decode
 * aborts the whole process ("terminate called after throwing an instance of 'Napi::Error'": the
 * addon's completion callback finds its environment stopping), so close() lets the running
 * tasks finish, refuses the queued ones, and only then stops the workers.
 */
export class FacePool {
  private readonly piscina: Piscina;
  readonly workers: number;
  private readonly maxQueue: number;
  private destroyed = false;
  private closing: Promise<void> | null = null;
  private infoPromise: Promise<FacePoolInfo> | null = null;
  private readonly waiting: Waiting[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(opts: FacePoolOptions = {}) {
    this.workers = Math.max(1, opts.workers ?? Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
    this.piscina = new Piscina({
      filename: opts.workerPath ?? resolveWorkerPath(),
      minThreads: this.workers,
      maxThreads: this.workers,
      // Sessions are expensive to load: keep workers alive.
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
      workerData: { modelsDir: opts.modelsDir ?? modelsDir() },
    });
    this.maxQueue = opts.maxQueue ?? Number.POSITIVE_INFINITY;
  }

  /** Runs the task when a worker is free; the queue is ours, so close() can refuse what has not started. */
  private run(task: WorkerTask): Promise<unknown> {
    if (this.destroyed) return Promise.reject(new Error('face pool is closed'));
    if (this.running.size >= this.workers && this.waiting.length >= this.maxQueue)
      return Promise.reject(new Error('face pool queue is full'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running.size < this.workers && this.waiting.length) {
      const { task, resolve, reject } = this.waiting.shift()!;
      const run = this.piscina.run(task).then(resolve, reject);
      this.running.add(run);
      void run.finally(() => {
        this.running.delete(run);
        this.pump();
      });
    }
  }

  /** Load models in every worker now (otherwise the first task per worker pays ~100 ms). */
  async warmup(): Promise<WarmupResult[]> {
    const runs: Promise<WarmupResult>[] = [];
    for (let i = 0; i < this.workers; i++)
      runs.push(this.run({ op: 'warmup' } satisfies WorkerTask) as Promise<WarmupResult>);
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
        const scaledJpeg = w.every((x) => x.scaledJpeg);
        if (!scaledJpeg)
          console.warn(
            'face: jpeg-scale addon unavailable; large JPEGs are decoded by sharp, about twice as slow (apt install libturbojpeg0-dev, then `npm rebuild jpeg-scale`).',
          );
        return {
          modelVersion: w[0]!.modelVersion,
          loadMs: Math.max(...w.map((x) => x.loadMs)),
          workers: this.workers,
          denormalsFlushed,
          scaledJpeg,
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
  async analyze(bytes: Uint8Array, options?: AnalyzeOptions): Promise<AnalyzeResult> {
    // The bytes are copied (structured clone), not transferred: the caller may still need them.
    const task: WorkerTask = { op: 'analyze', bytes, ...(options ? { options } : {}) };
    return (await this.run(task)) as AnalyzeResult;
  }

  /** Tasks waiting for a worker. */
  get queueSize(): number {
    return this.waiting.length;
  }

  /**
   * Refuses the tasks still waiting (they reject with "face pool is closed"), waits for the running
   * ones to finish, then stops the workers. Safe to call more than once.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.destroyed = true;
      for (const w of this.waiting.splice(0)) w.reject(new Error('face pool is closed'));
      while (this.running.size) await Promise.allSettled([...this.running]);
      await this.piscina.destroy();
    })();
    return this.closing;
  }
}
