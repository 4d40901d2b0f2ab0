// Runs in: main process and CLI.
// The console's side of the feed protocol (docs/feed-protocol.md): HTTP, signature and schema
// checks, seq rules. No database here: it returns verified data or throws a FeedError.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FeedError } from './feed-error';
import { nestedDeeperThan, tooDeep } from './json-depth';
import { verifyEnvelope, type PinnedKeys } from './signing';
import { Batch, EncounterAck, LookoutList, ManifestHeader, type EncounterUpload } from './schema';
import { portByCode } from '../domain/ports';

export interface ClientOptions {
  timeoutMs?: number;
}

function portName(code: string): string {
  return portByCode(code)?.name ?? code;
}

function url(base: string, path: string): string {
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
}

async function request(target: string, init: RequestInit & { timeoutMs?: number }, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(target, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
  } catch (e) {
    const cause = (e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    throw new FeedError('NETWORK', `The feed could not be reached for the ${what} (${cause}). The console keeps working from local data and will retry.`);
  }
  if (!res.ok && res.status !== 204) {
    throw new FeedError('HTTP', `The feed answered ${res.status} ${res.statusText} for the ${what}. The console will retry.`);
  }
  return res;
}

async function readJson(res: Response, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw new FeedError('TRUNCATED', `The connection dropped while receiving the ${what}; nothing from it was applied.`);
  }
  // Before anything recursive (worker clone, zod, canonicalize) sees it: see json-depth.ts.
  if (nestedDeeperThan(text)) throw tooDeep(what);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FeedError('TRUNCATED', `The ${what} arrived incomplete or garbled (not valid JSON); nothing from it was applied.`);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new FeedError('SCHEMA', `The ${what} does not match the feed format (${i?.path.join('.') || 'root'}: ${i?.message}); nothing from it was applied.`);
  }
  return r.data;
}

export async function fetchHeader(feedUrl: string, port: string, date: string, keys: PinnedKeys, o: ClientOptions = {}) {
  const what = `manifest header for ${portName(port)} on ${date}`;
  const res = await request(url(feedUrl, `/v1/ports/${port}/manifests/${date}`), { timeoutMs: o.timeoutMs }, what);
  const { payload, keyId } = verifyEnvelope(await readJson(res, what), keys, what);
  const header = parse(ManifestHeader, payload, what);
  // A genuine header of another port or day, served in place of the one asked for.
  if (header.port !== port || header.serviceDate !== date) {
    throw new FeedError('SCHEMA', `The feed answered the ${what} with the header of ${portName(header.port)} on ${header.serviceDate}; it was refused.`);
  }
  return { header, keyId };
}

/** Verifies one signed batch envelope and its place in the sequence after `expectedSeq - 1`. */
/** sha256 of each verified batch's signed canonical form (see batchDigest). */
const digests = new WeakMap<Batch, string>();

export function verifyBatch(env: unknown, keys: PinnedKeys, port: string, date: string, expectedSeq: number): Batch {
  const what = `manifest batch ${expectedSeq} for ${portName(port)} on ${date}`;
  const { payload, payloadSha256 } = verifyEnvelope(env, keys, what);
  const batch = parse(Batch, payload, what);
  digests.set(batch, payloadSha256);
  if (batch.port !== port || batch.serviceDate !== date) {
    throw new FeedError('SCHEMA', `The ${what} belongs to ${batch.port} ${batch.serviceDate}; nothing from it was applied.`);
  }
  if (batch.seq < expectedSeq) throw new FeedError('REPLAY', `The feed sent batch ${batch.seq} again for ${portName(port)} on ${date} (already applied up to ${expectedSeq - 1}); it was refused.`);
  if (batch.seq > expectedSeq) throw new FeedError('OUT_OF_ORDER', `The feed sent batch ${batch.seq} for ${portName(port)} on ${date} before batch ${expectedSeq}; it was refused.`);
  return batch;
}

export function verifiedDigest(batch: Batch): string | undefined {
  return digests.get(batch);
}

/** For batches verified in another thread: records the digest that thread computed. */
export function rememberDigest(batch: Batch, digest: string): void {
  digests.set(batch, digest);
}

/** Fetches one page of batch envelopes without verifying them (BatchVerifier does that). */
export async function fetchBatchEnvelopes(feedUrl: string, port: string, date: string, sinceSeq: number, o: ClientOptions & { limit?: number } = {}): Promise<unknown[]> {
  const what = `manifest batches after ${sinceSeq} for ${portName(port)} on ${date}`;
  const res = await request(url(feedUrl, `/v1/ports/${port}/manifests/${date}/batches?since=${sinceSeq}&limit=${o.limit ?? 20}`), { timeoutMs: o.timeoutMs }, what);
  return parse(z.object({ batches: z.array(z.unknown()) }).strict(), await readJson(res, what), what).batches;
}

export async function fetchBatches(feedUrl: string, port: string, date: string, sinceSeq: number, keys: PinnedKeys, o: ClientOptions & { limit?: number } = {}): Promise<Batch[]> {
  const list = await fetchBatchEnvelopes(feedUrl, port, date, sinceSeq, o);
  // Verify every batch of the page before returning any: a bad one refuses the page, but the
  // ones before it in order are still valid and returned first by the caller's next request.
  const out: Batch[] = [];
  let expected = sinceSeq + 1;
  for (const env of list) {
    out.push(verifyBatch(env, keys, port, date, expected));
    expected++;
  }
  return out;
}

export async function fetchBlob(feedUrl: string, sha256: string, o: ClientOptions = {}): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new FeedError('SCHEMA', 'Invalid photo id.');
  const what = `photo ${sha256.slice(0, 12)}…`;
  const res = await request(url(feedUrl, `/v1/blobs/${sha256}`), { timeoutMs: o.timeoutMs }, what);
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await res.arrayBuffer());
  } catch {
    throw new FeedError('TRUNCATED', `The connection dropped while receiving the ${what}.`);
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw new FeedError('HASH_MISMATCH', `The ${what} did not match its hash (damaged or substituted); it was not stored.`);
  return bytes;
}

export async function fetchLookout(feedUrl: string, sinceVersion: number, keys: PinnedKeys, o: ClientOptions = {}): Promise<{ list: LookoutList; keyId: string } | null> {
  const what = 'lookout list';
  const res = await request(url(feedUrl, `/v1/lookout?since=${sinceVersion}`), { timeoutMs: o.timeoutMs }, what);
  if (res.status === 204) return null;
  const { payload, keyId } = verifyEnvelope(await readJson(res, what), keys, what);
  const list = parse(LookoutList, payload, what);
  if (list.version <= sinceVersion) throw new FeedError('REPLAY', `The feed sent lookout list version ${list.version}, not newer than the ${sinceVersion} held; it was refused.`);
  return { list, keyId };
}

export async function postEncounters(feedUrl: string, encounters: EncounterUpload[] | unknown[], o: ClientOptions = {}) {
  const what = 'encounter upload';
  const res = await request(url(feedUrl, '/v1/encounters'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encounters }), timeoutMs: o.timeoutMs }, what);
  return parse(z.object({ acks: z.array(EncounterAck) }).strict(), await readJson(res, what), what).acks;
}
