// Runs in: main process and CLI. The online feed as a FeedSource.
import { fetchBatches, fetchBlob, fetchHeader, fetchLookout } from '../feed/client';
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

  async *batches(port: string, serviceDate: string, sinceSeq: number) {
    let since = sinceSeq;
    while (since < this.lastSeq) {
      const page = await fetchBatches(this.feedUrl, port, serviceDate, since, this.keys, { limit: this.pageSize });
      if (page.length === 0) return;
      for (const b of page) {
        yield b;
        since = b.seq;
      }
    }
  }

  blob(sha256: string) {
    return fetchBlob(this.feedUrl, sha256);
  }

  lookout(sinceVersion: number) {
    return fetchLookout(this.feedUrl, sinceVersion, this.keys);
  }
}
