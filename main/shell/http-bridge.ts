// Runs in: main process (browser shell only).
// The IPC router over HTTP for the browser shell: 127.0.0.1 only, a per-launch secret, Host and
// Origin checks (against DNS rebinding and other local pages), JSON bodies with a size limit,
// and the built renderer served beside it; nothing else is served on this port. Two transport
// messages are not channels: `__closed` (the page was hidden: closed, or reloading) and
// `__alive` (a page came back from the back/forward cache); see close-grace.ts.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Router } from '../ipc/router';
import { CONTENT_SECURITY_POLICY } from './content-security';

const MAX_BODY = 32 * 1024 * 1024;
const CONNECTION_ID = /^[0-9a-f-]{36}$/i;
/** One id per page load (x-arrivals-page), optional: tells a reload's late close from a real one. */
const PAGE_ID = /^[0-9a-f-]{36}$/i;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

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

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page on another site can point a DNS name at 127.0.0.1; the Host check stops it.
    if (req.headers.host !== host) return refuse(res, 421, 'Wrong host.');
    const url = new URL(req.url ?? '/', origin);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
      if (req.headers.origin !== undefined && req.headers.origin !== origin)
        return refuse(res, 403, 'Cross-origin calls are refused.');
      const key = Buffer.from(String(req.headers['x-arrivals-key'] ?? ''));
      if (key.length !== secretBuf.length || !timingSafeEqual(key, secretBuf))
        return refuse(res, 401, 'Missing or wrong launch key.');
      const connectionId = String(req.headers['x-arrivals-connection'] ?? '');
      if (!CONNECTION_ID.test(connectionId)) return refuse(res, 400, 'Missing connection id.');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
        return refuse(res, 415, 'Send JSON.');
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
    const rel = url.pathname === '/' ? 'index.html' : decodePath(url.pathname)?.replace(/^\/+/, '');
    const file = rel === undefined ? '' : path.resolve(opts.rendererDir, rel);
    if (
      rel === undefined ||
      !file.startsWith(path.resolve(opts.rendererDir) + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('Not found');
    }
    if (rel === 'index.html') opts.onPage?.();
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
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
