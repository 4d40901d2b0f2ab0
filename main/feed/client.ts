// Runs in: main process and CLI.
// The console's side of the feed protocol (docs/feed-protocol.md): HTTP, signature and schema
// checks, seq rules. No database here: it returns verified data or throws a FeedError.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FeedError } from './feed-error';
import { nestedDeeperThan, tooDeep } from './json-depth';
import { verifyEnvelope, type PinnedKeys } from './signing';
import {
  Batch,
  EncounterAck,
  LookoutList,
  ManifestHeader,
  WitnessedHead,
  type AuditHeadReport,
  type EncounterUpload,
} from './schema';
import { FleetEntry, type Heartbeat } from './heartbeat';
import { portByCode } from '../domain/ports';

/**
 * Every limit on what the feed may send, per kind of response. Caps count bytes after
 * decompression, while streaming; deadlines cover the whole request (redirects, headers, body),
 * so neither a gzip bomb nor a 1-byte/s trickle can hold memory or the sync. JSON pages: 32 MiB,
 * as the app's own HTTP bridge; photos: 15 MiB, above face.verify's ~12 MB capture limit.
 */
export const FEED_LIMITS = {
  json: { maxBytes: 32 * 1024 * 1024, deadlineMs: 30_000 },
  photo: { maxBytes: 15 * 1024 * 1024, deadlineMs: 60_000 },
} as const;
/** Redirects followed per request; a loop ends here with a plain message. */
export const MAX_REDIRECTS = 5;

export interface ClientOptions {
  /** Total deadline for the request (default FEED_LIMITS[kind].deadlineMs). */
  timeoutMs?: number;
  /** Cap on the decompressed body (default FEED_LIMITS[kind].maxBytes). */
  maxBytes?: number;
}

type Kind = keyof typeof FEED_LIMITS;

/** What a request learnt besides the body: the status, and the ETag a conditional GET can send back. */
interface ResponseMeta {
  status?: number;
  etag?: string | null;
}

function portName(code: string): string {
  return portByCode(code)?.name ?? code;
}

function url(base: string, path: string): string {
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
}

const mib = (n: number) => (n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`);
const secs = (ms: number) => `${+(ms / 1000).toFixed(1)} s`;

/**
 * One request with its deadline, redirect limit and body cap; resolves to the whole body (null
 * for 204). The deadline's abort tears the connection down wherever it is, so a refused or
 * overdue response is never read further.
 */
async function request(
  target: string,
  init: RequestInit,
  what: string,
  kind: Kind,
  o: ClientOptions = {},
  meta?: ResponseMeta,
): Promise<Buffer | null> {
  const deadlineMs = o.timeoutMs ?? FEED_LIMITS[kind].deadlineMs;
  const maxBytes = o.maxBytes ?? FEED_LIMITS[kind].maxBytes;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), deadlineMs);
  const overdue = () =>
    new FeedError(
      'NETWORK',
      `The feed did not finish sending the ${what} within ${secs(deadlineMs)}; ` +
        'nothing from it was applied. The console will retry.',
    );
  const tooLarge = () =>
    new FeedError(
      'TOO_LARGE',
      `The feed's ${what} is larger than ${mib(maxBytes)}; refused, nothing from it was applied.`,
    );
  const http = (message: string) => new FeedError('HTTP', `${message}; the console will retry.`);
  try {
    let res: Response;
    let next = target;
    for (let hops = 0; ; hops++) {
      try {
        // Redirects by hand: fetch's own limit (20) ends in a bare TypeError.
        res = await fetch(next, { ...init, redirect: 'manual', signal: ctl.signal });
      } catch (e) {
        if (ctl.signal.aborted) throw overdue();
        const cause = (e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
        throw new FeedError(
          'NETWORK',
          `The feed could not be reached for the ${what} (${cause}). ` +
            'The console keeps working from local data and will retry.',
        );
      }
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (!location) break;
      await res.body?.cancel().catch(() => undefined);
      if (hops >= MAX_REDIRECTS) throw http(`The feed redirected too many times for the ${what}`);
      next = new URL(location, next).toString();
      const scheme = new URL(next).protocol;
      if (scheme !== 'http:' && scheme !== 'https:') throw http(`The feed redirected the ${what} off HTTP`);
      // As browsers do: after a 303, or a 301/302 of a POST, the next request is a GET without a body.
      const s = res.status;
      const toGet = s === 303 || ((s === 301 || s === 302) && init.method === 'POST');
      if (toGet) init = { ...init, method: 'GET', body: undefined };
    }
    if (meta) Object.assign(meta, { status: res.status, etag: res.headers.get('etag') });
    // 304 answers only a conditional GET (If-None-Match): "what you hold is current", no body.
    const notModified = res.status === 304 && new Headers(init.headers).has('if-none-match');
    if (!res.ok && res.status !== 204 && !notModified) {
      await res.body?.cancel().catch(() => undefined);
      const status = `${res.status} ${res.statusText}`;
      const message = `The feed answered ${status} for the ${what}. The console will retry.`;
      throw new FeedError('HTTP', message, res.status);
    }
    if (res.status === 204 || notModified) return null;
    // An honestly announced oversized answer is refused before any of it is read.
    const announced = Number(res.headers.get('content-length'));
    if (!res.headers.get('content-encoding') && announced > maxBytes) throw tooLarge();
    // Counted as it arrives, after decompression: at most maxBytes (plus one chunk) is ever held.
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const c of res.body ?? []) {
        size += c.length;
        if (size > maxBytes) break;
        chunks.push(c);
      }
    } catch {
      if (ctl.signal.aborted) throw overdue();
      const message = `The connection dropped while receiving the ${what}; nothing from it was applied.`;
      throw new FeedError('TRUNCATED', message);
    }
    if (size > maxBytes) throw tooLarge();
    return Buffer.concat(chunks);
  } finally {
    clearTimeout(timer);
    // Drops the connection of any response not read to its end (too large, redirect, error).
    ctl.abort();
  }
}

function readJson(body: Buffer | null, what: string): unknown {
  // As Response.text(): UTF-8, a leading BOM dropped.
  const text = new TextDecoder().decode(body ?? Buffer.alloc(0));
  // Before anything recursive (worker clone, zod, canonicalize) sees it: see json-depth.ts.
  if (nestedDeeperThan(text)) throw tooDeep(what);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FeedError(
      'TRUNCATED',
      `The ${what} arrived incomplete or garbled (not valid JSON); nothing from it was applied.`,
    );
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new FeedError(
      'SCHEMA',
      `The ${what} does not match the feed format (${i?.path.join('.') || 'root'}: ${i?.message}); nothing from it was applied.`,
    );
  }
  return r.data;
}

export async function fetchHeader(
  feedUrl: string,
  port: string,
  date: string,
  keys: PinnedKeys,
  o: ClientOptions = {},
) {
  const r = await fetchHeaderIfChanged(feedUrl, port, date, keys, null, o);
  // Without an ETag the request is not conditional, so the answer is never 'unchanged'.
  if (r === 'unchanged') throw new FeedError('HTTP', 'The feed answered 304 to a plain request.');
  return { header: r.header, keyId: r.keyId };
}

/**
 * The header, unless it is still the one the console holds: with the ETag it was served under,
 * the request is conditional (If-None-Match) and a 304 answers 'unchanged' with no body, so a
 * complete port-day costs one small request per sync cycle (docs/feed-protocol.md).
 */
export async function fetchHeaderIfChanged(
  feedUrl: string,
  port: string,
  date: string,
  keys: PinnedKeys,
  etag: string | null,
  o: ClientOptions = {},
) {
  const what = `manifest header for ${portName(port)} on ${date}`;
  const meta: ResponseMeta = {};
  const init = etag ? { headers: { 'if-none-match': etag } } : {};
  const path = `/v1/ports/${port}/manifests/${date}`;
  const body = await request(url(feedUrl, path), init, what, 'json', o, meta);
  if (etag && meta.status === 304) return 'unchanged' as const;
  const { payload, keyId } = verifyEnvelope(readJson(body, what), keys, what);
  const header = parse(ManifestHeader, payload, what);
  // A genuine header of another port or day, served in place of the one asked for.
  if (header.port !== port || header.serviceDate !== date) {
    throw new FeedError(
      'SCHEMA',
      `The feed answered the ${what} with the header of ${portName(header.port)} on ${header.serviceDate}; it was refused.`,
    );
  }
  return { header, keyId, etag: meta.etag ?? null };
}

/** Verifies one signed batch envelope and its place in the sequence after `expectedSeq - 1`. */
/** sha256 of each verified batch's signed canonical form (see batchDigest). */
const digests = new WeakMap<Batch, string>();

export function verifyBatch(
  env: unknown,
  keys: PinnedKeys,
  port: string,
  date: string,
  expectedSeq: number,
): Batch {
  const what = `manifest batch ${expectedSeq} for ${portName(port)} on ${date}`;
  const { payload, payloadSha256 } = verifyEnvelope(env, keys, what);
  const batch = parse(Batch, payload, what);
  digests.set(batch, payloadSha256);
  if (batch.port !== port || batch.serviceDate !== date) {
    throw new FeedError(
      'SCHEMA',
      `The ${what} belongs to ${batch.port} ${batch.serviceDate}; nothing from it was applied.`,
    );
  }
  if (batch.seq < expectedSeq)
    throw new FeedError(
      'REPLAY',
      `The feed sent batch ${batch.seq} again for ${portName(port)} on ${date} (already applied up to ${expectedSeq - 1}); it was refused.`,
    );
  if (batch.seq > expectedSeq)
    throw new FeedError(
      'OUT_OF_ORDER',
      `The feed sent batch ${batch.seq} for ${portName(port)} on ${date} before batch ${expectedSeq}; it was refused.`,
    );
  return batch;
}

export function verifiedDigest(batch: Batch): string | undefined {
  return digests.get(batch);
}

/** For batches verified in another thread: records the digest that thread computed. */
export function rememberDigest(batch: Batch, digest: string): void {
  digests.set(batch, digest);
}

/** A page of a port-day's manifest batches: those after `sinceSeq`, at most `limit` (default 20). */
export interface BatchPage {
  port: string;
  date: string;
  sinceSeq: number;
  limit?: number;
}

/** Fetches one page of batch envelopes without verifying them (BatchVerifier does that). */
export async function fetchBatchEnvelopes(
  feedUrl: string,
  { port, date, sinceSeq, limit = 20 }: BatchPage,
  o: ClientOptions = {},
): Promise<unknown[]> {
  const what = `manifest batches after ${sinceSeq} for ${portName(port)} on ${date}`;
  const path = `/v1/ports/${port}/manifests/${date}/batches?since=${sinceSeq}&limit=${limit}`;
  const body = await request(url(feedUrl, path), {}, what, 'json', o);
  return parse(z.object({ batches: z.array(z.unknown()) }).strict(), readJson(body, what), what).batches;
}

/** Fetches one page and verifies each batch's signature, port-day and sequence, in order. */
export async function fetchBatches(
  feedUrl: string,
  page: BatchPage,
  keys: PinnedKeys,
  o: ClientOptions = {},
): Promise<Batch[]> {
  const list = await fetchBatchEnvelopes(feedUrl, page, o);
  // Verify every batch of the page before returning any: a bad one refuses the page, but the
  // ones before it in order are still valid and returned first by the caller's next request.
  const out: Batch[] = [];
  let expected = page.sinceSeq + 1;
  for (const env of list) {
    out.push(verifyBatch(env, keys, page.port, page.date, expected));
    expected++;
  }
  return out;
}

export async function fetchBlob(feedUrl: string, sha256: string, o: ClientOptions = {}): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new FeedError('SCHEMA', 'Invalid photo id.');
  const what = `photo ${sha256.slice(0, 12)}…`;
  const bytes = (await request(url(feedUrl, `/v1/blobs/${sha256}`), {}, what, 'photo', o)) ?? Buffer.alloc(0);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256)
    throw new FeedError(
      'HASH_MISMATCH',
      `The ${what} did not match its hash (damaged or substituted); it was not stored.`,
    );
  return bytes;
}

export async function fetchLookout(
  feedUrl: string,
  sinceVersion: number,
  keys: PinnedKeys,
  o: ClientOptions = {},
): Promise<{ list: LookoutList; keyId: string } | null> {
  const what = 'lookout list';
  const body = await request(url(feedUrl, `/v1/lookout?since=${sinceVersion}`), {}, what, 'json', o);
  if (body === null) return null;
  const { payload, keyId } = verifyEnvelope(readJson(body, what), keys, what);
  const list = parse(LookoutList, payload, what);
  if (list.version <= sinceVersion)
    throw new FeedError(
      'REPLAY',
      `The feed sent lookout list version ${list.version}, not newer than the ${sinceVersion} held; it was refused.`,
    );
  return { list, keyId };
}

/** Uploads encounters; `auditHead` (the console's chain head) goes along for the feed to witness. */
export async function postEncounters(
  feedUrl: string,
  encounters: EncounterUpload[] | unknown[],
  o: ClientOptions = {},
  auditHead?: AuditHeadReport,
) {
  const what = 'encounter upload';
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ encounters, ...(auditHead && { auditHead }) }),
  };
  const body = await request(url(feedUrl, '/v1/encounters'), init, what, 'json', o);
  return parse(z.object({ acks: z.array(EncounterAck) }).strict(), readJson(body, what), what).acks;
}

/** The audit chain heads the feed witnessed for one booth, oldest first. */
export async function fetchWitnessedHeads(
  feedUrl: string,
  boothId: string,
  o: ClientOptions = {},
): Promise<WitnessedHead[]> {
  const what = 'witnessed audit heads';
  const body = await request(url(feedUrl, `/v1/booths/${boothId}/audit-heads`), {}, what, 'json', o);
  return parse(z.object({ heads: z.array(WitnessedHead) }).strict(), readJson(body, what), what).heads;
}

/** The console's heartbeat (docs/feed-protocol.md): versions, last sync, pending uploads. */
export async function postHeartbeat(feedUrl: string, heartbeat: Heartbeat, o: ClientOptions = {}) {
  const what = 'heartbeat';
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(heartbeat),
  };
  const body = await request(url(feedUrl, '/v1/heartbeats'), init, what, 'json', o);
  return parse(z.object({ receivedAt: z.string() }).strict(), readJson(body, what), what);
}

/** The last heartbeat of every booth of a port, as the feed keeps them. */
export async function fetchFleet(
  feedUrl: string,
  port: string,
  o: ClientOptions = {},
): Promise<FleetEntry[]> {
  const what = `list of booths at ${portName(port)}`;
  const body = await request(url(feedUrl, `/v1/ports/${port}/fleet`), {}, what, 'json', o);
  return parse(z.object({ booths: z.array(FleetEntry) }).strict(), readJson(body, what), what).booths;
}
