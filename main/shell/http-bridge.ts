// Runs in: main process (browser shell only).
// The IPC router over HTTP for the browser shell: 127.0.0.1 only, a per-launch secret, Host and
// Origin checks (against DNS rebinding and other local pages), JSON bodies with a size limit, a
// streamed upload endpoint for files the admin sends (bundles), and the built renderer served
// beside it; nothing else is served on this port. Two transport messages are not channels:
// `__closed` (the page was hidden: closed, or reloading) and `__alive` (a page came back from the
// back/forward cache); see close-grace.ts.
import http from 'node:http';
import fs from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Router } from '../ipc/router';
import { isRendererPage, rendererFile, rendererHeaders } from './renderer-files';

const MAX_BODY = 32 * 1024 * 1024;
const CONNECTION_ID = /^[0-9a-f-]{36}$/i;
/** One id per page load (x-arrivals-page), optional: tells a reload's late close from a real one. */
const PAGE_ID = /^[0-9a-f-]{36}$/i;

/** A URL path segment decoded, or null when its percent-encoding is malformed (a client error). */
function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

export interface Bridge {
  url: string;
  /** The URL to open: carries the per-launch secret. */
  launchUrl: string;
  secret: string;
  close(): Promise<void>;
}

export interface BridgeOptions {
  router: Router;
  rendererDir: string;
  port?: number;
  /** Before every authenticated channel call: a page of this connection is alive. */
  onCall?: (connectionId: string, pageId: string | undefined) => void;
  /** The page sent `__closed` from its pagehide: a close or a reload. */
  onClose?: (connectionId: string, pageId: string | undefined) => void;
  /** The page sent `__alive` from its pageshow: back from the back/forward cache after a `__closed`. */
  onAlive?: (connectionId: string, pageId: string | undefined) => void;
  /** The renderer's page (index.html) was requested: a window is loading it. */
  onPage?: () => void;
  /**
   * The body of POST /upload/<id> (application/octet-stream), as a stream, with its declared
   * Content-Length: an announced file's bytes (main/sync/bundle-uploads.ts). A thrown error's
   * `status` (413, 404, …) and `code` make the answer.
   */
  onUpload?: (
    uploadId: string,
    connectionId: string,
    body: AsyncIterable<Buffer>,
    declaredLength: number | null,
  ) => Promise<unknown>;
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const secret = randomBytes(32).toString('hex');
  const secretBuf = Buffer.from(secret);
  let origin = '';
  let host = '';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error('[bridge] request failed:', (e as Error).message);
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error.' } });
    });
  });

  function send(res: http.ServerResponse, status: number, body: unknown): void {
    const data = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(data);
  }

  function refuse(res: http.ServerResponse, status: number, message: string): void {
    send(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });
  }

  async function readBody(req: http.IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** The connection of an authentic call (POST, same origin, launch key, connection id, `type`); null once refused. */
  function caller(req: http.IncomingMessage, res: http.ServerResponse, type: string): string | null {
    const no = (status: number, message: string) => (refuse(res, status, message), null);
    if (req.method !== 'POST') return no(405, 'Use POST.');
    if (req.headers.origin !== undefined && req.headers.origin !== origin)
      return no(403, 'Cross-origin calls are refused.');
    const key = Buffer.from(String(req.headers['x-arrivals-key'] ?? ''));
    if (key.length !== secretBuf.length || !timingSafeEqual(key, secretBuf))
      return no(401, 'Missing or wrong launch key.');
    const connectionId = String(req.headers['x-arrivals-connection'] ?? '');
    if (!CONNECTION_ID.test(connectionId)) return no(400, 'Missing connection id.');
    if (!String(req.headers['content-type'] ?? '').startsWith(type))
      return no(415, type === 'application/json' ? 'Send JSON.' : `Send the file as ${type}.`);
    return connectionId;
  }

  /**
   * A file's bytes for an upload announced through a channel (bundle.upload): streamed to main as
   * they arrive, never held whole here; main applies the size cap as it reads, so a refusal (413
   * when more comes than was announced) stops reading at once, and the connection is then closed
   * rather than drained.
   */
  async function upload(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    uploadId: string,
    connectionId: string,
  ): Promise<void> {
    if (!opts.onUpload) return refuse(res, 404, 'Nothing is received here.');
    opts.onCall?.(connectionId, undefined);
    const length = req.headers['content-length'];
    const declared = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
    try {
      send(res, 200, { ok: true, value: await opts.onUpload(uploadId, connectionId, req, declared) });
    } catch (e) {
      const status = (e as { status?: number }).status ?? 400;
      const code = (e as { code?: string }).code ?? 'INTERNAL';
      res.setHeader('connection', 'close');
      send(res, status, { ok: false, error: { code, message: (e as Error).message } });
      if (!req.complete) res.once('finish', () => req.destroy());
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page on another site can point a DNS name at 127.0.0.1; the Host check stops it.
    if (req.headers.host !== host) return refuse(res, 421, 'Wrong host.');
    const url = new URL(req.url ?? '/', origin);

    if (url.pathname.startsWith('/upload/')) {
      const connectionId = caller(req, res, 'application/octet-stream');
      if (connectionId === null) return;
      return upload(req, res, url.pathname.slice('/upload/'.length), connectionId);
    }

    if (url.pathname.startsWith('/api/')) {
      const connectionId = caller(req, res, 'application/json');
      if (connectionId === null) return;
      const raw = await readBody(req);
      if (raw === null) return refuse(res, 413, 'Request too large.');
      let payload: unknown;
      try {
        payload = raw.length ? JSON.parse(raw) : {};
      } catch {
        return send(res, 400, {
          ok: false,
          error: { code: 'INVALID_REQUEST', message: 'The request body is not valid JSON.' },
        });
      }
      const pageHeader = String(req.headers['x-arrivals-page'] ?? '');
      const pageId = PAGE_ID.test(pageHeader) ? pageHeader : undefined;
      const channel = decodePath(url.pathname.slice('/api/'.length));
      if (channel === null)
        return send(res, 400, {
          ok: false,
          error: { code: 'INVALID_REQUEST', message: 'The channel name is not valid percent-encoding.' },
        });
      if (channel === '__closed') {
        opts.onClose?.(connectionId, pageId);
        return send(res, 200, { ok: true, value: null });
      }
      if (channel === '__alive') {
        opts.onAlive?.(connectionId, pageId);
        return send(res, 200, { ok: true, value: null });
      }
      opts.onCall?.(connectionId, pageId);
      return send(res, 200, await opts.router(channel, payload, connectionId));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const file = rendererFile(opts.rendererDir, url.pathname);
    if (file === null) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('Not found');
    }
    if (isRendererPage(opts.rendererDir, file)) opts.onPage?.();
    res.writeHead(200, rendererHeaders(file));
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    url: origin,
    launchUrl: `${origin}/?key=${secret}`,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
