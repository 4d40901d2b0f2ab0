// Runs in: a worker thread (offline bundle reading). Reads a bundle from a descriptor the main
// thread opened and checked (bundle-file.ts), parses it and verifies every signature, batch and
// photo hash, all off the main thread: a bundle of hundreds of MB costs seconds of parsing and
// hashing, during which every officer's calls must still be answered. Then it hands the verified
// batches and photos over one at a time, as the sync engine asks for them, so the main thread
// never takes in the whole bundle at once.
import { parentPort } from 'node:worker_threads';
import { verifiedDigest } from '../feed/client';
import { parseBundle, verifyBundle, type VerifiedBundle } from '../feed/bundle';
import { readOpenBundle } from '../feed/bundle-file';
import { FeedError } from '../feed/feed-error';
import type { PinnedKeys } from '../feed/signing';

export type BundleRequest = { id: number } & (
  | {
      type: 'open';
      fd: number;
      size: number;
      label: string;
      keys: PinnedKeys;
      /** Tests: [released, reached]; the worker stops after reading until released (see bundle-source.ts). */
      hold?: Int32Array;
    }
  | { type: 'batch'; index: number }
  | { type: 'blob'; sha256: string }
);

export type BundleReply = { id: number } & (
  | {
      type: 'opened';
      header: VerifiedBundle['header'];
      keyId: string;
      lookout: VerifiedBundle['lookout'];
      batches: number;
    }
  | { type: 'batch'; batch: unknown; digest: string }
  | { type: 'blob'; bytes: Uint8Array | null }
  | { type: 'failed'; code: string; message: string }
);

let bundle: VerifiedBundle | null = null;

function answer(m: BundleRequest): BundleReply {
  if (m.type === 'open') {
    const bytes = readOpenBundle(m.fd, m.size, m.label);
    if (m.hold) {
      Atomics.store(m.hold, 1, 1);
      Atomics.notify(m.hold, 1);
      Atomics.wait(m.hold, 0, 0);
    }
    bundle = verifyBundle(parseBundle(bytes, m.label), m.keys);
    const { header, keyId, lookout, batches } = bundle;
    return { id: m.id, type: 'opened', header, keyId, lookout, batches: batches.length };
  }
  if (!bundle) throw new FeedError('SCHEMA', 'No bundle is open.');
  if (m.type === 'batch') {
    const batch = bundle.batches[m.index]!;
    return { id: m.id, type: 'batch', batch, digest: verifiedDigest(batch)! };
  }
  const b = bundle.blobs.get(m.sha256);
  // A copy of its own, so that it can be transferred without the rest of the file.
  return { id: m.id, type: 'blob', bytes: b ? new Uint8Array(b) : null };
}

parentPort?.on('message', (m: BundleRequest) => {
  let reply: BundleReply;
  try {
    reply = answer(m);
  } catch (e) {
    const code = e instanceof FeedError ? e.code : 'SCHEMA';
    reply = { id: m.id, type: 'failed', code, message: (e as Error).message };
  }
  const transfer = reply.type === 'blob' && reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : [];
  parentPort!.postMessage(reply, transfer);
});
