// Runs in: main process and CLI. An offline bundle as a FeedSource, read on a worker thread
// (bundle-worker.ts): every envelope verified against the pinned keys and every batch and photo
// checked before anything is yielded, so a tampered bundle is refused whole; then its batches and
// photos come over one at a time, as the sync engine applies them. The bundle is an open
// descriptor of a regular file within the size cap (bundle-file.ts), never a path the worker opens.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { rememberDigest } from '../feed/client';
import { openBundleFile } from '../feed/bundle-file';
import { FeedError, type FeedErrorCode } from '../feed/feed-error';
import type { Batch } from '../feed/schema';
import type { PinnedKeys } from '../feed/signing';
import { workerScript } from '../platform/worker-script';
import type { BundleReply, BundleRequest } from './bundle-worker';
import type { FeedSource, VerifiedHeader, VerifiedLookout } from './feed-source';

/** A bundle to read: an open descriptor (the caller closes it), its size, and the name errors use. */
export interface BundleInput {
  fd: number;
  size: number;
  label: string;
}

export interface BundleReadOptions {
  /**
   * Tests: a shared [released, reached] pair; the worker sets `reached` once it has read the
   * bytes and waits until `released` is set, so a test can show the main thread answering while
   * the bundle is being parsed.
   */
  hold?: Int32Array;
}

type Payload<T extends BundleReply['type']> = Extract<BundleReply, { type: T }>;
type Ask = BundleRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

class BundleWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: BundleReply) => void; reject: (e: Error) => void }
  >();

  constructor(script: string) {
    this.worker = new Worker(script);
    this.worker.unref();
    this.worker.on('message', (r: BundleReply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      if (!p) return;
      if (r.type === 'failed') p.reject(new FeedError(r.code as FeedErrorCode, r.message));
      else p.resolve(r);
    });
    const fail = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () =>
      fail(new FeedError('SCHEMA', 'The bundle reader stopped; nothing from the bundle was applied.')),
    );
  }

  ask<T extends BundleReply['type']>(request: Ask, expect: T): Promise<Payload<T>> {
    const id = this.nextId++;
    return new Promise<BundleReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as BundleRequest);
    }).then((r) => {
      if (r.type !== expect) throw new FeedError('SCHEMA', 'The bundle reader answered out of turn.');
      return r as Payload<T>;
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

export class BundleSource implements FeedSource {
  readonly kind = 'bundle' as const;
  readonly label: string;

  private constructor(
    label: string,
    private readonly reader: BundleWorker,
    private readonly verifiedHeader: VerifiedHeader,
    private readonly verifiedLookout: VerifiedLookout | null,
    private readonly batchCount: number,
  ) {
    this.label = `bundle ${label}`;
  }

  get port(): string {
    return this.verifiedHeader.header.port;
  }

  get serviceDate(): string {
    return this.verifiedHeader.header.serviceDate;
  }

  /** Reads and verifies the bundle on a worker thread; rejects with the FeedError of an online sync. */
  static async open(
    input: BundleInput,
    keys: PinnedKeys,
    opts: BundleReadOptions = {},
  ): Promise<BundleSource> {
    const script = workerScript('bundle-worker.js', 'sync/bundle-worker-dev.cjs');
    if (!script) throw new Error('The bundle reader (bundle-worker.js) is missing from this installation.');
    const reader = new BundleWorker(script);
    try {
      const v = await reader.ask({ type: 'open', ...input, keys, hold: opts.hold }, 'opened');
      return new BundleSource(
        input.label,
        reader,
        { header: v.header, keyId: v.keyId },
        v.lookout,
        v.batches,
      );
    } catch (e) {
      await reader.close();
      throw e;
    }
  }

  /** A bundle file by path (the CLI, a local admin): only a regular file within the cap is read. */
  static async openFile(file: string, keys: PinnedKeys, opts: BundleReadOptions = {}): Promise<BundleSource> {
    const { fd, size } = openBundleFile(file);
    try {
      return await BundleSource.open({ fd, size, label: file }, keys, opts);
    } finally {
      fs.closeSync(fd);
    }
  }

  async header() {
    return this.verifiedHeader;
  }

  async *batches(_port: string, _date: string, sinceSeq: number): AsyncIterable<Batch> {
    for (let i = 0; i < this.batchCount; i++) {
      const r = await this.reader.ask({ type: 'batch', index: i }, 'batch');
      const batch = r.batch as Batch;
      rememberDigest(batch, r.digest);
      if (batch.seq > sinceSeq) yield batch;
    }
  }

  async blob(sha256: string): Promise<Buffer> {
    const r = await this.reader.ask({ type: 'blob', sha256 }, 'blob');
    // The worker already checked every photo against its hash.
    if (!r.bytes)
      throw new FeedError('HASH_MISMATCH', `The bundle does not contain photo ${sha256.slice(0, 12)}….`);
    return Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
  }

  async lookout(sinceVersion: number) {
    return this.verifiedLookout && this.verifiedLookout.list.version > sinceVersion
      ? this.verifiedLookout
      : null;
  }

  /** Ends the worker (and frees what it holds of the bundle). */
  async close(): Promise<void> {
    await this.reader.close();
  }
}
