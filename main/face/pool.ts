// Runs in: main process and CLI. A pool of face worker threads: the UI and IPC loop never wait
// on inference. One ONNX intra-op thread per worker; parallelism = number of workers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { AnalyzeOptions, AnalyzeResult } from './pipeline';
import type { FaceTask } from './worker';

function defaultWorkerFile(): string {
  // Built: out/main/face-worker.js (the pool may sit in out/main or out/main/chunks).
  for (const dir of [__dirname, path.join(__dirname, '..')]) {
    const built = path.join(dir, 'face-worker.js');
    if (fs.existsSync(built)) return built;
  }
  // Sources (tests, tsx): a small bootstrap that loads worker.ts through tsx.
  const dev = path.join(__dirname, 'worker-dev.cjs');
  if (fs.existsSync(dev)) return dev;
  return path.join(process.cwd(), 'main', 'face', 'worker-dev.cjs');
}

export interface FacePoolOptions {
  workers?: number;
  workerFile?: string;
}

export class FacePool {
  private readonly piscina: Piscina;
  readonly workers: number;

  constructor(opts: FacePoolOptions = {}) {
    this.workers = opts.workers ?? Math.max(1, Math.min(2, os.availableParallelism() - 1 || 1));
    this.piscina = new Piscina({
      filename: opts.workerFile ?? defaultWorkerFile(),
      minThreads: this.workers,
      maxThreads: this.workers,
      // A crashed worker is replaced; its task fails with an error the caller turns into a reason.
      idleTimeout: 60_000,
    });
  }

  /** Analyses one image. Never throws for bad images: those come back as { ok: false }. */
  async analyze(bytes: Uint8Array, options?: AnalyzeOptions): Promise<AnalyzeResult> {
    const task: FaceTask = { kind: 'analyze', bytes, options };
    try {
      return (await this.piscina.run(task)) as AnalyzeResult;
    } catch (e) {
      return { ok: false, modelVersion: 'unknown', error: { code: 'INTERNAL', message: `face engine error: ${(e as Error).message}` }, timings: {} };
    }
  }

  async info(): Promise<{ modelVersion: string; loadMs: number }> {
    return (await this.piscina.run({ kind: 'info' } satisfies FaceTask)) as { modelVersion: string; loadMs: number };
  }

  get queued(): number {
    return this.piscina.queueSize;
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
