// Runs in: main process and CLI. Verifies feed batches on a worker thread, answering in
// submission order, so that checking the next batches overlaps applying the current one. Falls
// back to verifying in this thread when no worker script is available.
import { Worker } from 'node:worker_threads';
import type { Batch } from './schema';
import type { PinnedKeys } from './signing';
import { rememberDigest, verifyBatch } from './client';
import { FeedError, type FeedErrorCode } from './feed-error';
import { workerScript } from '../platform/worker-script';
import { rememberBatchKeys } from '../flags/batch-keys';
import type { VerifyReply, VerifyRequest } from './verify-worker';

export class BatchVerifier {
  private readonly worker: Worker | null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (b: Batch) => void; reject: (e: Error) => void }>();

  constructor(private readonly keys: PinnedKeys) {
    const script = workerScript('feed-verify-worker.js', 'feed/verify-worker-dev.cjs');
    this.worker = script ? new Worker(script) : null;
    this.worker?.unref();
    this.worker?.on('message', (r: VerifyReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) {
        const batch = r.batch as Batch;
        rememberDigest(batch, r.digest);
        rememberBatchKeys(batch, r.keys);
        p.resolve(batch);
      } else p.reject(new FeedError(r.code as FeedErrorCode, r.message));
    });
    this.worker?.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  verify(env: unknown, port: string, date: string, expectedSeq: number): Promise<Batch> {
    if (!this.worker) {
      try {
        return Promise.resolve(verifyBatch(env, this.keys, port, date, expectedSeq));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    const id = this.nextId++;
    const p = new Promise<Batch>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.worker!.postMessage({
          id,
          env,
          keys: this.keys,
          port,
          date,
          expectedSeq,
        } satisfies VerifyRequest);
      } catch (e) {
        // The clone failed (client.ts bounds depth first): a refused batch, not a crash.
        this.pending.delete(id);
        const why = (e as Error).message;
        reject(
          new FeedError(
            'SCHEMA',
            `The manifest batch ${expectedSeq} could not be checked (${why}); nothing from it was applied.`,
          ),
        );
      }
    });
    // Verifications queued behind a refused batch are never awaited: not an unhandled error.
    p.catch(() => undefined);
    return p;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
