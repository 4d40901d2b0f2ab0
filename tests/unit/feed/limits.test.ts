// Runs in: tests (Node). The feed client's size caps (after decompression), per-request deadline
// and redirect limit, against hostile node:http servers on 127.0.0.1; and the `sync` exit code
// when photos are refused. Outcomes never hinge on machine speed: the hostile bodies never end,
// so only a cap or a deadline can end them.
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchBlob, fetchHeader, FEED_LIMITS } from '../../../main/feed/client';
import { feedFailure, KEYS, serve } from '../../helpers/feed';
import { arrivalsAsync } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const PORT = 'SYS';
const DATE = '2026-11-22';
const SHA = 'ab'.repeat(32);
const MiB = 1024 * 1024;
/** Long enough for any machine to inflate 32 MiB; the failing (old) client ends here instead. */
const SLOW_DEADLINE = 20_000;

const servers: http.Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r))))));

async function listen(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
}

/** `size` bytes of JSON whitespace, compressed and flushed but never finished (no trailer). */
async function openCompressed(kind: 'gzip' | 'br', size: number): Promise<Buffer> {
  const z =
    kind === 'gzip'
      ? zlib.createGzip()
      : zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  z.write(Buffer.alloc(size, 0x20));
  await new Promise<void>((r) => z.flush(() => r()));
  z.close();
  return Buffer.concat(out);
}

/** Sends `body` with its headers, then holds the response open; records when the client hangs up. */
function stalling(headers: http.OutgoingHttpHeaders, body: Buffer) {
  const seen = { closedByClient: false, closed: new Promise<void>(() => undefined) };
  const handler: http.RequestListener = (req, res) => {
    seen.closed = new Promise<void>((r) => res.on('close', () => ((seen.closedByClient = true), r())));
    res.writeHead(200, headers);
    res.write(body);
  };
  return { seen, handler };
}

describe('feed client limits', () => {
  it('keeps its limits in one place', () => {
    expect(FEED_LIMITS).toEqual({
      json: { maxBytes: 32 * MiB, deadlineMs: 30_000 },
      photo: { maxBytes: 15 * MiB, deadlineMs: 60_000 },
    });
  });

  for (const kind of ['gzip', 'br'] as const) {
    it(`refuses a ${kind} manifest header that inflates past 32 MiB, and hangs up at once`, async () => {
      const body = await openCompressed(kind, 128 * MiB);
      expect(body.length).toBeLessThan(MiB);
      const { seen, handler } = stalling(
        { 'content-type': 'application/json', 'content-encoding': kind },
        body,
      );
      const url = await listen(handler);
      const e = await feedFailure(fetchHeader(url, PORT, DATE, KEYS, { timeoutMs: SLOW_DEADLINE }));
      expect(e.code).toBe('TOO_LARGE');
      expect(e.message).toMatch(
        /^The feed's manifest header for San Ysidro on 2026-11-22 is larger than 32 MiB; refused/,
      );
      // The client stopped reading and closed the connection: the server never finished.
      await seen.closed;
      expect(seen.closedByClient).toBe(true);
    });
  }

  it('refuses a photo past 15 MiB, streamed (no length) or announced (content-length)', async () => {
    const streamed = stalling({ 'content-type': 'image/jpeg' }, Buffer.alloc(16 * MiB, 1));
    const e = await feedFailure(fetchBlob(await listen(streamed.handler), SHA, { timeoutMs: SLOW_DEADLINE }));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/^The feed's photo abababababab… is larger than 15 MiB; refused/);
    await streamed.seen.closed;

    const announced = stalling(
      { 'content-type': 'image/jpeg', 'content-length': 200 * MiB },
      Buffer.alloc(1024, 1),
    );
    const announcedUrl = await listen(announced.handler);
    const e2 = await feedFailure(fetchBlob(announcedUrl, SHA, { timeoutMs: SLOW_DEADLINE }));
    expect(e2.code).toBe('TOO_LARGE');
    await announced.seen.closed;
  });

  it('ends a never-ending trickle at the deadline, headers and body alike', async () => {
    const url = await listen((req, res) => {
      res.writeHead(200, { 'content-type': req.url?.includes('blobs') ? 'image/jpeg' : 'application/json' });
      const t = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(t));
    });
    const e = await feedFailure(fetchHeader(url, PORT, DATE, KEYS, { timeoutMs: 300 }));
    expect(e.code).toBe('NETWORK');
    expect(e.message).toMatch(
      /did not finish sending the manifest header for San Ysidro on 2026-11-22 within 0\.3 s/,
    );
    const p = await feedFailure(fetchBlob(url, SHA, { timeoutMs: 300 }));
    expect(p.message).toMatch(/did not finish sending the photo abababababab… within 0\.3 s/);

    // No headers at all: the same deadline.
    const silent = await listen(() => undefined);
    const s = await feedFailure(fetchHeader(silent, PORT, DATE, KEYS, { timeoutMs: 300 }));
    expect(s.message).toMatch(/within 0\.3 s/);
  });

  it('says so plainly when the feed redirects in a loop', async () => {
    const url = await listen((req, res) => res.writeHead(302, { location: req.url }).end());
    const e = await feedFailure(fetchHeader(url, PORT, DATE, KEYS));
    expect(e.code).toBe('HTTP');
    expect(e.message).toMatch(/^The feed redirected too many times for the manifest header/);
    expect(e.message).not.toMatch(/TypeError|could not be reached/);
  });
});

describe('arrivals sync exit code', () => {
  it('exits 3 and gives the count when every photo fails its hash check', async () => {
    const { server } = await serve({ ports: [PORT], dates: [DATE], perPortPerDay: 60, seed: 5 });
    try {
      // A relay in front of the reference feed that damages every photo it passes on.
      const relay = await listen((req, res) => {
        http.get(new URL(req.url!.slice(1), server.url), (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () => {
            const body = Buffer.concat(chunks);
            const mid = body.length >> 1;
            if (req.url!.startsWith('/v1/blobs/') && body.length) body[mid] = body[mid]! ^ 0xff;
            res.writeHead(up.statusCode!, up.headers).end(body);
          });
        });
      });
      const r = await arrivalsAsync(tempDir(), [
        'sync',
        '--feed',
        relay,
        '--port',
        PORT,
        '--date',
        DATE,
        '--trust-demo-key',
      ]);
      expect(r.out).toMatch(/Synced San Ysidro/);
      expect(r.out).toMatch(/(\d+) of \1 photos were refused/);
      expect(r.code, r.out).toBe(3);
    } finally {
      await server.close();
    }
  });
});
