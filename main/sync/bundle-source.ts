// Runs in: main process and CLI. An offline bundle as a FeedSource: every envelope verified
// against the pinned keys and every batch checked in order before anything is yielded, so a
// tampered bundle is refused whole.
import { createHash } from 'node:crypto';
import { readBundle } from '../feed/bundle';
import { verifyBatch } from '../feed/client';
import { FeedError } from '../feed/feed-error';
import { LookoutList, ManifestHeader, type Batch } from '../feed/schema';
import { verifyEnvelope, type PinnedKeys } from '../feed/signing';
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
    const c = readBundle(file);
    const h = verifyEnvelope(c.header, keys, 'bundle manifest header');
    const parsed = ManifestHeader.safeParse(h.payload);
    if (!parsed.success) throw new FeedError('SCHEMA', 'The bundle manifest header does not match the feed format; nothing was applied.');
    const header = parsed.data;
    const batches = c.batches.map((env, i) => verifyBatch(env, keys, header.port, header.serviceDate, i + 1));
    if (batches.length !== header.lastSeq) {
      throw new FeedError('TRUNCATED', `The bundle holds ${batches.length} of the ${header.lastSeq} batches its header announces; nothing was applied.`);
    }
    let lookout: VerifiedLookout | null = null;
    if (c.lookout) {
      const l = verifyEnvelope(c.lookout, keys, 'bundle lookout list');
      const list = LookoutList.safeParse(l.payload);
      if (!list.success) throw new FeedError('SCHEMA', 'The bundle lookout list does not match the feed format; nothing was applied.');
      lookout = { list: list.data, keyId: l.keyId };
    }
    return new BundleSource(file, { header, keyId: h.keyId }, batches, lookout, c.blobs);
  }

  async header() {
    return this.verifiedHeader;
  }

  async *batches(_port: string, _date: string, sinceSeq: number) {
    for (const b of this.verifiedBatches) if (b.seq > sinceSeq) yield b;
  }

  async blob(sha256: string) {
    const b = this.blobs.get(sha256);
    if (!b) throw new FeedError('HASH_MISMATCH', `The bundle does not contain photo ${sha256.slice(0, 12)}….`);
    if (createHash('sha256').update(b).digest('hex') !== sha256) throw new FeedError('HASH_MISMATCH', `Photo ${sha256.slice(0, 12)}… in the bundle does not match its hash; it was not stored.`);
    return b;
  }

  async lookout(sinceVersion: number) {
    return this.verifiedLookout && this.verifiedLookout.list.version > sinceVersion ? this.verifiedLookout : null;
  }
}

export async function openBundleSource(file: string, keys: PinnedKeys): Promise<BundleSource> {
  return BundleSource.open(file, keys);
}
