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

/** A header as served online, with the ETag a later conditional request can send back. */
export interface ServedHeader extends VerifiedHeader {
  etag: string | null;
}

export interface FeedSource {
  readonly kind: 'feed' | 'bundle';
  /** Human description for messages ("feed http://…", "bundle file.acb"). */
  readonly label: string;
  /** Requests sent so far (online sources): what a sync cycle cost. */
  readonly requests?: number;
  header(port: string, serviceDate: string): Promise<VerifiedHeader>;
  /**
   * Online only: the header unless it is still the one served under `etag` ('unchanged', one
   * small request without a body). The vetting window checks complete port-days this way.
   */
  headerIfChanged?(
    port: string,
    serviceDate: string,
    etag: string | null,
  ): Promise<ServedHeader | 'unchanged'>;
  /** Verified batches with seq > sinceSeq, strictly in order. */
  batches(port: string, serviceDate: string, sinceSeq: number): AsyncIterable<Batch>;
  blob(sha256: string): Promise<Buffer>;
  /** The lookout list if newer than `sinceVersion`, else null. */
  lookout(sinceVersion: number): Promise<VerifiedLookout | null>;
}
