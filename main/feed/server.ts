// Runs in: the reference feed server (CLI `arrivals feed serve`, tests, the built-in demo).
// A stand-in for the publisher, on 127.0.0.1 only, serving docs/feed-protocol.md, with fault
// injection to exercise the console against latency, 5xx, dropped connections, truncated
// bodies, bad signatures, and replayed or out-of-order batches.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Rng } from './generator/random';
import { dayKey, type Published } from './publish';
import { Heartbeat, type FleetEntry } from './heartbeat';
import { listenOnLoopback } from '../platform/loopback';
import { AuditHeadReport, EncounterUpload, type EncounterAck, type WitnessedHead } from './schema';
import { canonicalJson, openEnvelope } from './signing';

export interface Faults {
  /** Added delay on every response, ms. */
  latencyMs?: number;
  /** Share of requests answered 503 (0..1). */
  errorRate?: number;
  /** Share of requests whose connection is destroyed without an answer (0..1). */
  dropRate?: number;
  /** Share of JSON responses cut off half way (0..1). */
  truncateRate?: number;
  /** Tamper with a record inside the next batch page after signing. */
  badSignature?: boolean;
  /** Serve the last already-applied batch again at the start of a page. */
  replay?: boolean;
  /** Skip a batch (serve since+2 first). */
  outOfOrder?: boolean;
  /** Refuse every connection, as a dead link would. */
  offline?: boolean;
  seed?: number;
}

export interface FeedServer {
  url: string;
  port: number;
  faults: Faults;
  encounters: Map<string, { body: unknown; receivedAt: string }>;
  /** The last heartbeat of each booth (by booth id): the fleet view's source. */
  heartbeats: Map<string, FleetEntry>;
  /** The audit chain heads each booth sent with its uploads (by booth id), oldest first. */
  auditHeads: Map<string, WitnessedHead[]>;
  requests: number;
  close(): Promise<void>;
}

const FaultsSchema = z
  .object({
    latencyMs: z.number().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    dropRate: z.number().min(0).max(1),
    truncateRate: z.number().min(0).max(1),
    badSignature: z.boolean(),
    replay: z.boolean(),
    outOfOrder: z.boolean(),
    offline: z.boolean(),
    seed: z.number().int(),
  })
  .partial()
  .strict();

export interface FeedServerOptions {
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: '127.0.0.1' | '::1' | 'localhost' | string;
  /** 0 (default) = a random free port. */
  port?: number;
  faults?: Faults;
  /** Accept POST /__faults (default true; it is a test server on loopback). */
  allowFaultControl?: boolean;
  /**
   * Told of every request before it is answered (tests log them); the answer waits for the
   * promise it returns, so a test can hold some requests back on an observed condition.
   */
  onRequest?: (method: string, path: string) => void | Promise<void>;
}

export async function startFeedServer(data: Published, opts: FeedServerOptions = {}): Promise<FeedServer> {
  const host = opts.host ?? '127.0.0.1';
  // A reference server for dev and tests: it never listens beyond this machine.
  if (!['127.0.0.1', '::1', 'localhost'].includes(host))
    throw new Error(`The reference feed server binds a loopback address only, not ${host}.`);
  const faults: Faults = { ...opts.faults };
  let rng = new Rng(faults.seed ?? 1);
  const encounters = new Map<string, { body: unknown; receivedAt: string }>();
  const heartbeats = new Map<string, FleetEntry>();
  const auditHeads = new Map<string, WitnessedHead[]>();
  const state = { requests: 0 };

  const server = http.createServer((req, res) => {
    state.requests++;
    const told = opts.onRequest?.(req.method ?? 'GET', req.url ?? '/');
    void Promise.resolve(told)
      .then(() => handle(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  });

  const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
    let text = JSON.stringify(body);
    if (faults.truncateRate && rng.next() < faults.truncateRate)
      text = text.slice(0, Math.floor(text.length / 2));
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(text);
  };

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > 20 * 1024 * 1024) throw new Error('too large');
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** The request's JSON body as `schema` reads it; anything else is answered 400 here (undefined). */
  async function readJson<T>(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    schema: z.ZodType<T>,
    ifEmpty?: string,
  ): Promise<T | undefined> {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)) || (ifEmpty ?? ''));
    } catch {
      sendJson(res, 400, { error: 'Invalid JSON' });
      return undefined;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) sendJson(res, 400, { error: parsed.error.issues[0]?.message });
    return parsed.data;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__faults' && opts.allowFaultControl !== false && req.method === 'POST') {
      const asked = await readJson(req, res, FaultsSchema, '{}');
      if (!asked) return;
      for (const k of Object.keys(faults) as Array<keyof Faults>) delete faults[k];
      Object.assign(faults, asked);
      rng = new Rng(faults.seed ?? 1);
      return sendJson(res, 200, { faults });
    }
    if (faults.offline || (faults.dropRate && rng.next() < faults.dropRate)) {
      req.socket.destroy();
      return;
    }
    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (faults.errorRate && rng.next() < faults.errorRate)
      return sendJson(res, 503, { error: 'Service Unavailable' });

    let m: RegExpExecArray | null;
    if (
      req.method === 'GET' &&
      (m = /^\/v1\/ports\/([A-Z]{3})\/manifests\/(\d{4}-\d{2}-\d{2})$/.exec(url.pathname))
    ) {
      const day = data.days.get(dayKey(m[1]!, m[2]!));
      if (!day) return sendJson(res, 404, { error: `No manifest for ${m[1]} on ${m[2]}` });
      // A strong ETag of the signed header: a console that holds it asks If-None-Match and a
      // complete day costs a 304 with no body.
      const etag = `"${createHash('sha256').update(day.header.payload).digest('hex').slice(0, 32)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.setHeader('etag', etag);
      return sendJson(res, 200, day.header);
    }
    if (
      req.method === 'GET' &&
      (m = /^\/v1\/ports\/([A-Z]{3})\/manifests\/(\d{4}-\d{2}-\d{2})\/batches$/.exec(url.pathname))
    ) {
      const day = data.days.get(dayKey(m[1]!, m[2]!));
      if (!day) return sendJson(res, 404, { error: `No manifest for ${m[1]} on ${m[2]}` });
      const since = Math.max(0, Number(url.searchParams.get('since') ?? 0) | 0);
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) | 0));
      let page = day.batches.slice(since, since + limit);
      if (faults.replay && since > 0) page = [day.batches[since - 1]!, ...page];
      if (faults.outOfOrder && page.length > 1) page = page.slice(1);
      if (faults.badSignature && page.length) {
        const [first, ...rest] = page;
        // Alter one record after signing, as a compromised relay would.
        const body = openEnvelope(first!);
        const rec = body.records.find((r) => r.type === 'applicant');
        if (rec && rec.type === 'applicant') rec.familyNames = `${rec.familyNames}X`;
        else body.records = body.records.slice(1);
        page = [{ ...first!, payload: canonicalJson(body) }, ...rest];
      }
      return sendJson(res, 200, { batches: page });
    }
    if (req.method === 'GET' && (m = /^\/v1\/blobs\/([0-9a-f]{64})$/.exec(url.pathname))) {
      let b = data.blobs.get(m[1]!);
      if (!b) return sendJson(res, 404, { error: 'No such blob' });
      // A cut-off photo: the client must notice through the hash, not store half a JPEG.
      if (faults.truncateRate && rng.next() < faults.truncateRate)
        b = b.subarray(0, Math.floor(b.length / 2));
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': b.length });
      res.end(b);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v1/lookout') {
      const since = Number(url.searchParams.get('since') ?? 0) | 0;
      if (openEnvelope(data.lookout).version <= since) {
        res.writeHead(204).end();
        return;
      }
      return sendJson(res, 200, data.lookout);
    }
    if (req.method === 'POST' && url.pathname === '/v1/encounters') {
      const upload = await readJson(
        req,
        res,
        z.object({ encounters: z.array(EncounterUpload).max(500), auditHead: AuditHeadReport.optional() }),
      );
      if (!upload) return;
      const head = upload.auditHead;
      if (head) {
        // Every distinct head is kept, so a rewrite is caught even after a later upload.
        const seen = auditHeads.get(head.boothId) ?? [];
        const last = seen[seen.length - 1];
        if (last?.seq !== head.seq || last.hash !== head.hash)
          seen.push({ seq: head.seq, hash: head.hash, receivedAt: new Date().toISOString() });
        auditHeads.set(head.boothId, seen);
      }
      const acks: EncounterAck[] = upload.encounters.map((e) => {
        const prior = encounters.get(e.clientId);
        if (prior) return { clientId: e.clientId, receivedAt: prior.receivedAt, duplicate: true };
        const receivedAt = new Date().toISOString();
        encounters.set(e.clientId, { body: e, receivedAt });
        return { clientId: e.clientId, receivedAt, duplicate: false };
      });
      return sendJson(res, 200, { acks });
    }
    if (req.method === 'POST' && url.pathname === '/v1/heartbeats') {
      const beat = await readJson(req, res, Heartbeat);
      if (!beat) return;
      const receivedAt = new Date().toISOString();
      heartbeats.set(beat.boothId, { ...beat, receivedAt });
      return sendJson(res, 200, { receivedAt });
    }
    if (req.method === 'GET' && (m = /^\/v1\/booths\/([0-9a-f-]{36})\/audit-heads$/.exec(url.pathname)))
      return sendJson(res, 200, { heads: auditHeads.get(m[1]!) ?? [] });
    if (req.method === 'GET' && (m = /^\/v1\/ports\/([A-Z]{3})\/fleet$/.exec(url.pathname))) {
      const booths = [...heartbeats.values()].filter((h) => h.port === m![1]);
      return sendJson(res, 200, { booths });
    }
    return sendJson(res, 404, { error: 'Not found' });
  }

  // Node closes idle keep-alive sockets after 5 s; a client busy applying a page of batches for
  // longer then reuses a socket the server just closed (UND_ERR_SOCKET). Publishers' servers
  // typically keep them for a minute or more.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { url, port, close } = await listenOnLoopback(server, host, opts.port);
  return {
    url,
    port,
    faults,
    encounters,
    heartbeats,
    auditHeads,
    get requests() {
      return state.requests;
    },
    close,
  };
}
