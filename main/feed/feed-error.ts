// Runs in: main process, CLI and the reference feed server.
// Every way a feed can fail, with a message a person understands. NETWORK and HTTP mean
// "try again later"; the others mean the data itself was refused.
export type FeedErrorCode =
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY'
  | 'MISSING_SIGNATURE'
  | 'SCHEMA'
  | 'REPLAY'
  | 'OUT_OF_ORDER'
  | 'TRUNCATED'
  | 'HASH_MISMATCH'
  /** A response past its size cap (FEED_LIMITS in client.ts), counted after decompression. */
  | 'TOO_LARGE'
  | 'HTTP'
  | 'NETWORK';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    /** HTTP only: the status the feed answered (404: it has no such manifest). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FeedError';
  }

  /** Worth retrying later (the link or the server), as opposed to refused data. */
  get transient(): boolean {
    return this.code === 'NETWORK' || this.code === 'HTTP';
  }
}
