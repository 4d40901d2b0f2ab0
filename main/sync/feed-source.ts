// Runs in: main process and CLI.
// Where verified port data comes from: the online feed or an offline bundle. The sync engine
// applies either the same way, so an import yields exactly what an online sync yields.
import type { Batch, LookoutList, ManifestHeader } from '../feed/schema';

export interface VerifiedHeader {
  header: ManifestHeader;
  keyId: string;
}

export interface VerifiedLookout {
  list: LookoutList;
  keyId: string;
}

export interface FeedSource {
  readonly kind: 'feed' | 'bundle';
  /** Human description for messages ("feed http://…", "bundle file.acb"). */
  readonly label: string;
  header(port: string, serviceDate: string): Promise<VerifiedHeader>;
  /** Verified batches with seq > sinceSeq, strictly in order. */
  batches(port: string, serviceDate: string, sinceSeq: number): AsyncIterable<Batch>;
  blob(sha256: string): Promise<Buffer>;
  /** The lookout list if newer than `sinceVersion`, else null. */
  lookout(sinceVersion: number): Promise<VerifiedLookout | null>;
}
