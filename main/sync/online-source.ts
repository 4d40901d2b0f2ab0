// Runs in: main process and CLI. The online feed as a FeedSource.
import { fetchBatchEnvelopes, fetchBlob, fetchHeader, fetchLookout } from '../feed/client';
import { BatchVerifier } from '../feed/batch-verifier';
import type { PinnedKeys } from '../feed/signing';
import type { FeedSource } from './feed-source';

export class OnlineFeedSource implements FeedSource {
  readonly kind = 'feed' as const;
  readonly label: string;
  private lastSeq = Infinity;

  constructor(
    private readonly feedUrl: string,
    private readonly keys: PinnedKeys,
    private readonly pageSize = 20,
  ) {
    this.label = `feed ${feedUrl}`;
  }

  async header(port: string, serviceDate: string) {
    const h = await fetchHeader(this.feedUrl, port, serviceDate, this.keys);
    this.lastSeq = h.header.lastSeq;
    return h;
  }

  /**
   * Pages of envelopes are verified on a worker thread in order; while the caller applies one
   * batch, the next ones are being checked and the next page is being fetched.
   */
  async *batches(port: string, serviceDate: string, sinceSeq: number) {
    const verifier = new BatchVerifier(this.keys);
    try {
      let since = sinceSeq;
      let next: Promise<unknown[]> | null =
        since < this.lastSeq
          ? fetchBatchEnvelopes(this.feedUrl, port, serviceDate, since, { limit: this.pageSize })
          : null;
      while (next) {
        const envelopes = await next;
        if (envelopes.length === 0) return;
        const checks = envelopes.map((env, i) => verifier.verify(env, port, serviceDate, since + 1 + i));
        const after = since + envelopes.length;
        next =
          after < this.lastSeq
            ? fetchBatchEnvelopes(this.feedUrl, port, serviceDate, after, { limit: this.pageSize })
            : null;
        next?.catch(() => undefined);
        for (const check of checks) {
          const b = await check;
          yield b;
          since = b.seq;
        }
      }
    } finally {
      await verifier.close();
    }
  }

  blob(sha256: string) {
    return fetchBlob(this.feedUrl, sha256);
  }

  lookout(sinceVersion: number) {
    return fetchLookout(this.feedUrl, sinceVersion, this.keys);
  }
}
