// Runs in: main process and CLI. The online feed as a FeedSource.
import { fetchBatchEnvelopes, fetchBlob, fetchHeaderIfChanged, fetchLookout } from '../feed/client';
import { BatchVerifier } from '../feed/batch-verifier';
import type { PinnedKeys } from '../feed/signing';
import type { FeedSource } from './feed-source';

export interface OnlineSourceOptions {
  /**
   * One verifier worker for every port-day this source syncs, until close(): the vetting window
   * syncs hundreds of small days, each would otherwise start (and stop) a worker thread of its own.
   */
  shareVerifier?: boolean;
}

export class OnlineFeedSource implements FeedSource {
  readonly kind = 'feed' as const;
  readonly label: string;
  /** Requests sent so far (headers, batch pages, photos, lookout): what a sync cycle cost. */
  requests = 0;
  private lastSeq = Infinity;
  private shared: BatchVerifier | null = null;

  constructor(
    private readonly feedUrl: string,
    private readonly keys: PinnedKeys,
    private readonly pageSize = 20,
    private readonly opts: OnlineSourceOptions = {},
  ) {
    this.label = `feed ${feedUrl}`;
  }

  async header(port: string, serviceDate: string) {
    const h = await this.headerIfChanged(port, serviceDate, null);
    if (h === 'unchanged') throw new Error('unreachable: a request without an ETag is not conditional');
    return h;
  }

  async headerIfChanged(port: string, serviceDate: string, etag: string | null) {
    this.requests++;
    const h = await fetchHeaderIfChanged(this.feedUrl, port, serviceDate, this.keys, etag);
    if (h !== 'unchanged') this.lastSeq = h.header.lastSeq;
    return h;
  }

  private page(port: string, serviceDate: string, since: number) {
    this.requests++;
    return fetchBatchEnvelopes(this.feedUrl, {
      port,
      date: serviceDate,
      sinceSeq: since,
      limit: this.pageSize,
    });
  }

  /**
   * Pages of envelopes are verified on a worker thread in order; while the caller applies one
   * batch, the next ones are being checked and the next page is being fetched.
   */
  async *batches(port: string, serviceDate: string, sinceSeq: number) {
    const verifier = this.opts.shareVerifier
      ? (this.shared ??= new BatchVerifier(this.keys))
      : new BatchVerifier(this.keys);
    try {
      let since = sinceSeq;
      let next: Promise<unknown[]> | null = since < this.lastSeq ? this.page(port, serviceDate, since) : null;
      while (next) {
        const envelopes = await next;
        if (envelopes.length === 0) return;
        const checks = envelopes.map((env, i) => verifier.verify(env, port, serviceDate, since + 1 + i));
        const after = since + envelopes.length;
        next = after < this.lastSeq ? this.page(port, serviceDate, after) : null;
        next?.catch(() => undefined);
        for (const check of checks) {
          const b = await check;
          yield b;
          since = b.seq;
        }
      }
    } finally {
      if (verifier !== this.shared) await verifier.close();
    }
  }

  blob(sha256: string) {
    this.requests++;
    return fetchBlob(this.feedUrl, sha256);
  }

  lookout(sinceVersion: number) {
    this.requests++;
    return fetchLookout(this.feedUrl, sinceVersion, this.keys);
  }

  /** Stops the shared verifier's worker, if one was started. */
  async close(): Promise<void> {
    await this.shared?.close();
    this.shared = null;
  }
}
