// Runs in: a worker thread (batch verification). Checks signature, schema and sequence of feed
// batches off the main thread, so verifying batch N+1 overlaps applying batch N; and works out
// the applicants' matching keys there too (flags/batch-keys.ts).
import { parentPort } from 'node:worker_threads';
import { verifiedDigest, verifyBatch } from './client';
import { FeedError } from './feed-error';
import { batchKeys, type BatchKeys } from '../flags/batch-keys';
import type { PinnedKeys } from './signing';

export interface VerifyRequest {
  id: number;
  env: unknown;
  keys: PinnedKeys;
  port: string;
  date: string;
  expectedSeq: number;
}

export type VerifyReply =
  | { id: number; ok: true; batch: unknown; digest: string; keys: BatchKeys }
  | { id: number; ok: false; code: string; message: string };

parentPort?.on('message', (m: VerifyRequest) => {
  let reply: VerifyReply;
  try {
    const batch = verifyBatch(m.env, m.keys, m.port, m.date, m.expectedSeq);
    reply = { id: m.id, ok: true, batch, digest: verifiedDigest(batch)!, keys: batchKeys(batch) };
  } catch (e) {
    reply = {
      id: m.id,
      ok: false,
      code: e instanceof FeedError ? e.code : 'SCHEMA',
      message: (e as Error).message,
    };
  }
  parentPort!.postMessage(reply);
});
