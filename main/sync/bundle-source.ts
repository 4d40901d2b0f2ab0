// Runs in: main process and CLI. An offline bundle as a FeedSource: every envelope verified
// against the pinned keys and every batch checked in order before anything is yielded, so a
// tampered bundle is refused whole.
import { readVerifiedBundle } from '../feed/bundle';
import { FeedError } from '../feed/feed-error';
import type { Batch } from '../feed/schema';
import type { PinnedKeys } from '../feed/signing';
import type { FeedSource, VerifiedHeader, VerifiedLookout } from './feed-source';

export class BundleSource implements FeedSource {
  readonly kind = 'bundle' as const;
  readonly label: string;

  private constructor(
    file: string,
    private readonly verifiedHeader: VerifiedHeader,
    private readonly verifiedBatches: Batch[],
    private readonly verifiedLookout: VerifiedLookout | null,
    private readonly blobs: Map<string, Buffer>,
  ) {
    this.label = `bundle ${file}`;
  }

  get port(): string {
    return this.verifiedHeader.header.port;
  }

  get serviceDate(): string {
    return this.verifiedHeader.header.serviceDate;
  }

  static open(file: string, keys: PinnedKeys): BundleSource {
    // Every check of an online sync, plus: each photo is named by a signed record.
    const v = readVerifiedBundle(file, keys);
    return new BundleSource(file, { header: v.header, keyId: v.keyId }, v.batches, v.lookout, v.blobs);
  }

  async header() {
    return this.verifiedHeader;
  }

  async *batches(_port: string, _date: string, sinceSeq: number) {
    for (const b of this.verifiedBatches) if (b.seq > sinceSeq) yield b;
  }

  async blob(sha256: string) {
    const b = this.blobs.get(sha256);
    // readVerifiedBundle already checked every photo against its hash.
    if (!b)
      throw new FeedError('HASH_MISMATCH', `The bundle does not contain photo ${sha256.slice(0, 12)}….`);
    return b;
  }

  async lookout(sinceVersion: number) {
    return this.verifiedLookout && this.verifiedLookout.list.version > sinceVersion
      ? this.verifiedLookout
      : null;
  }
}

export async function openBundleSource(file: string, keys: PinnedKeys): Promise<BundleSource> {
  return BundleSource.open(file, keys);
}
