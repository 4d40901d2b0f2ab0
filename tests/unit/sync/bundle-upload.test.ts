// Runs in: tests (Node, real HTTP on 127.0.0.1, real SQLite file, the real bundle worker). An
// admin's bundle import in the browser shell, over the real HTTP bridge: the file is announced
// (`bundle.upload`), its bytes streamed to /upload/<id>, then imported by id; no path ever comes
// from the renderer. A good bundle is applied; a corrupt one is refused with nothing applied; one
// too large is refused before a byte is read, and a stream longer than announced is cut off as it
// comes; paths (a FIFO, /dev/zero, a folder, a missing file) are refused alike, without opening
// them and without telling which exists; another connection cannot touch the upload; and while a
// bundle is being read and parsed (on the worker, held there by the test), another call answers.
// The Electron shell's chunks (main/shell/electron.ts wires receiveChunk) go to the same store.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { writeBundle } from '../../../main/feed/bundle';
import { MAX_BUNDLE_BYTES } from '../../../main/feed/bundle-file';
import { demoSigningKey } from '../../../main/feed/demo-key';
import { generateFeed } from '../../../main/feed/generator/index';
import { publishFeed, type PublishedDay } from '../../../main/feed/publish';
import { createRouter, type Router } from '../../../main/ipc/router';
import { startBridge, type Bridge } from '../../../main/shell/http-bridge';
import { importBundle } from '../../../main/sync/bundle-import';
import { MAX_CHUNK_BYTES, receiveChunk, uploadsOf } from '../../../main/sync/bundle-uploads';
import { ADMIN, USER_PASSWORD, setUpAdmin } from '../../helpers/sessions';
import { tempDir } from '../../helpers/temp-dir';
import { configuredConsole } from '../../helpers/window-feed';

const PORT = 'SYS';
const DATE = '2026-11-23';
const ADMIN_CONN = randomUUID();
const OFFICER_CONN = randomUUID();

let app: AppContext;
let route: Router;
let bridge: Bridge;
let good: Buffer;
let day: PublishedDay;
const files = tempDir('arrivals-bundles-');

beforeAll(async () => {
  const feed = await generateFeed({ ports: [PORT], dates: [DATE], perPortPerDay: 300, seed: 9 });
  const published = publishFeed(feed, demoSigningKey(), { batchSize: 50 });
  day = published.days.get(`${PORT}/${DATE}`) ?? [...published.days.values()][0]!;
  const file = path.join(files, 'SYS-2026-11-23.acb');
  writeBundle(file, {
    header: day.header,
    batches: day.batches,
    lookout: published.lookout,
    blobs: published.blobs,
  });
  good = fs.readFileSync(file);
  // A console with the publisher's keys and no reachable feed: bundles are its only source.
  app = configuredConsole('http://127.0.0.1:9/');
  route = createRouter(app);
  await setUpAdmin(route, ADMIN_CONN);
  expect(
    (
      await route(
        'users.create',
        { username: 'ofc', displayName: 'Officer', role: 'officer', password: USER_PASSWORD },
        ADMIN_CONN,
      )
    ).ok,
  ).toBe(true);
  expect((await route('auth.signIn', { username: 'ofc', password: USER_PASSWORD }, OFFICER_CONN)).ok).toBe(
    true,
  );
  expect(ADMIN.username).toBeTruthy();
  // Wired exactly as main/shell/browser.ts wires it.
  bridge = await startBridge({
    router: route,
    rendererDir: path.join(__dirname, '../../fixtures/renderer'),
    onUpload: (uploadId, connectionId, body, declared) =>
      uploadsOf(app).receiveStream(uploadId, connectionId, body, declared),
  });
}, 120_000);

afterAll(async () => {
  await bridge?.close();
  await app?.close();
});

interface Answer {
  status: number;
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

function request(
  pathname: string,
  body: Buffer | Readable,
  headers: Record<string, string | number>,
): Promise<Answer> {
  const u = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: pathname,
        method: 'POST',
        headers: { 'x-arrivals-key': bridge.secret, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Answer['json'] }),
        );
      },
    );
    // The server may answer and close before all of a refused body is sent.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    );
    if (Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

const call = (channel: string, payload: unknown, connection = ADMIN_CONN) =>
  request(`/api/${channel}`, Buffer.from(JSON.stringify(payload)), {
    'content-type': 'application/json',
    'x-arrivals-connection': connection,
  });

const send = (uploadId: string, body: Buffer | Readable, connection = ADMIN_CONN, length?: number) =>
  request(`/upload/${uploadId}`, body, {
    'content-type': 'application/octet-stream',
    'x-arrivals-connection': connection,
    ...((length ?? (Buffer.isBuffer(body) ? body.length : undefined)) !== undefined
      ? { 'content-length': length ?? (body as Buffer).length }
      : {}),
  });

async function announce(name: string, size: number, connection = ADMIN_CONN): Promise<string> {
  const r = await call('bundle.upload', { name, size }, connection);
  expect(r.json.ok, JSON.stringify(r.json)).toBe(true);
  return (r.json.value as { uploadId: string }).uploadId;
}

const applicants = () =>
  (
    app.db
      .prepare('SELECT COUNT(*) AS n FROM applicants WHERE port = ? AND service_date = ?')
      .get(PORT, DATE) as { n: number }
  ).n;
const staged = () => fs.readdirSync(path.join(app.dataDir, 'uploads'));

describe('bundle import over the HTTP bridge', () => {
  it('refuses a corrupt bundle whole: nothing applied, nothing kept, no path in the message', async () => {
    const bad = Buffer.from(good);
    const at = bad.indexOf(Buffer.from('familyNames')) + 20;
    bad[at] = bad[at] === 0x41 ? 0x42 : 0x41;
    const id = await announce('SYS-2026-11-23.acb', bad.length);
    expect((await send(id, bad)).json).toEqual({ ok: true, value: { received: bad.length } });
    const r = await call('bundle.import', { uploadId: id });
    expect(r.json.ok).toBe(false);
    expect(r.json.error).toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/signature/),
    });
    expect(r.json.error!.message).not.toContain(app.dataDir);
    expect(r.json.error!.message).not.toMatch(/uploads|\.part/);
    expect(applicants()).toBe(0);
    expect(staged()).toEqual([]);
    // The id is spent: it cannot be imported again.
    expect((await call('bundle.import', { uploadId: id })).json.error?.message).toMatch(/No such upload/);
  });

  it('imports a good bundle sent as a stream, and leaves no copy of it behind', async () => {
    const id = await announce('SYS-2026-11-23.acb', good.length);
    // In small pieces, as a browser streams a file from disk.
    const pieces = Readable.from(
      (function* () {
        for (let i = 0; i < good.length; i += 64 * 1024) yield good.subarray(i, i + 64 * 1024);
      })(),
    );
    expect((await send(id, pieces, ADMIN_CONN, good.length)).json).toEqual({
      ok: true,
      value: { received: good.length },
    });
    const r = await call('bundle.import', { uploadId: id });
    expect(r.json).toMatchObject({
      ok: true,
      value: { port: PORT, serviceDate: DATE, batchesApplied: day.batches.length },
    });
    expect(applicants()).toBe(300);
    expect(staged()).toEqual([]);
    expect(app.audit.recent(5).map((e) => e.action)).toContain('sync.bundle_import');
  });

  it('refuses a file over the cap before a byte is sent, and cuts off a stream longer than announced', async () => {
    const big = await call('bundle.upload', { name: 'huge.acb', size: MAX_BUNDLE_BYTES + 1 });
    expect(big.json).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: expect.stringMatching(/huge\.acb is 1\.1 GB; a bundle may be at most 1\.1 GB/),
      },
    });
    expect(staged()).toEqual([]);

    // Announced 1 MB, then a Content-Length of 64 MB: refused before reading any of it.
    const id = await announce('small.acb', 1_000_000);
    const early = await send(id, Buffer.alloc(0), ADMIN_CONN, 64_000_000);
    expect(early.status).toBe(413);
    expect(early.json).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });

    // Announced 1 MB, then 256 MB streamed without a length: reading stops at the announced size
    // (the rest is never asked for), the part already written is deleted.
    const id2 = await announce('small.acb', 1_000_000);
    const total = 256 * 1024 * 1024;
    let produced = 0;
    const endless = new Readable({
      read() {
        if (produced >= total) return void this.push(null);
        produced += 256 * 1024;
        this.push(Buffer.alloc(256 * 1024, 7));
      },
    });
    const cut = await send(id2, endless);
    expect(cut.status).toBe(413);
    expect(cut.json.error?.message).toMatch(/More bytes arrived than the 1000000 announced for small\.acb/);
    expect(produced).toBeLessThan(total);
    endless.destroy();
    expect(staged()).toEqual([]);
    expect(uploadsOf(app).pending).toBe(0);
  });

  it('takes no path: a FIFO, /dev/zero, a folder and a missing file are refused alike, unopened', async () => {
    const fifo = path.join(files, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const answers = [];
    for (const p of [fifo, '/dev/zero', files, path.join(files, 'missing.acb')]) {
      const r = await call('bundle.import', { path: p });
      expect(r.json.ok, p).toBe(false);
      expect(r.json.error?.code, p).toBe('INVALID_REQUEST');
      answers.push(r.json.error!.message);
    }
    // The same words whatever the path names: nothing tells what exists.
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).not.toContain(files);
  });

  it("keeps another connection out: an officer cannot announce, nor send to or import the admin's upload", async () => {
    expect((await call('bundle.upload', { name: 'x.acb', size: 10 }, OFFICER_CONN)).json.error?.code).toBe(
      'FORBIDDEN',
    );
    const id = await announce('x.acb', 10);
    const other = await send(id, Buffer.alloc(10), OFFICER_CONN);
    const random = await send(randomUUID(), Buffer.alloc(10), OFFICER_CONN);
    expect(other.status).toBe(404);
    expect(other.json.error?.message).toBe(random.json.error?.message);
    expect((await call('bundle.import', { uploadId: id }, OFFICER_CONN)).json.error?.code).toBe('FORBIDDEN');
    // Still the admin's, untouched.
    expect((await send(id, Buffer.alloc(10))).json).toEqual({ ok: true, value: { received: 10 } });
  });

  it('answers other calls while a bundle is being read and parsed (on the worker)', async () => {
    const id = await announce('SYS-2026-11-23.acb', good.length);
    await send(id, good);
    const input = await uploadsOf(app).take(id, ADMIN_CONN);
    // The worker stops once it has read the bytes, until released: the parse is under way.
    const hold = new Int32Array(new SharedArrayBuffer(8));
    let settled = false;
    const running = importBundle(app, input, 'site.admin', undefined, { hold }).finally(
      () => (settled = true),
    );
    await expect.poll(() => Atomics.load(hold, 1), { timeout: 60_000 }).toBe(1);
    const status = await call('sync.status', {});
    expect(status.json.ok).toBe(true);
    const info = await call('app.info', {}, OFFICER_CONN);
    expect(info.json.ok).toBe(true);
    expect(settled).toBe(false);
    Atomics.store(hold, 0, 1);
    Atomics.notify(hold, 0);
    // The same day again: nothing new to apply, and no error.
    expect(await running).toMatchObject({ port: PORT, serviceDate: DATE, batchesApplied: 0 });
  });

  it('drops an upload when its session ends', async () => {
    const conn = randomUUID();
    expect((await route('auth.signIn', ADMIN, conn)).ok).toBe(true);
    await announce('left.acb', 100, conn);
    expect(staged()).toHaveLength(1);
    await route('auth.signOut', {}, conn);
    await expect.poll(() => staged()).toEqual([]);
    expect(uploadsOf(app).pending).toBe(0);
  });
});

describe('bundle import through the Electron preload (the same store, chunk by chunk)', () => {
  it('takes chunks in order from their own connection only, checks what arrives, then imports', async () => {
    const uploads = uploadsOf(app);
    const id = await announce('SYS-2026-11-23.acb', good.length);
    const chunk = (offset: number, bytes: unknown, conn = ADMIN_CONN, upload: unknown = id) =>
      receiveChunk(uploads, conn, upload, offset, bytes);
    const part = (from: number, to: number) => new Uint8Array(good.subarray(from, to)).buffer;
    // Whatever the renderer sends is checked: not bytes, a bad offset, too big a chunk.
    for (const bad of [
      await chunk(0, 'not bytes'),
      await chunk(-1, part(0, 10)),
      await chunk(0.5, part(0, 10)),
      await chunk(0, new ArrayBuffer(MAX_CHUNK_BYTES + 1)),
      await chunk(0, part(0, 10), ADMIN_CONN, 42),
    ])
      expect(bad).toEqual({
        ok: false,
        error: { code: 'INVALID_REQUEST', message: 'Not a chunk of a bundle file.' },
      });
    // Another connection's chunk is answered as no upload at all.
    expect(await chunk(0, part(0, 10), OFFICER_CONN)).toMatchObject({
      ok: false,
      error: { message: /No such upload/ },
    });
    const step = 1024 * 1024;
    for (let off = 0; off < good.length; off += step)
      expect(await chunk(off, part(off, off + step))).toEqual({
        ok: true,
        value: { received: Math.min(off + step, good.length) },
      });
    const r = await call('bundle.import', { uploadId: id });
    expect(r.json).toMatchObject({ ok: true, value: { port: PORT, serviceDate: DATE } });

    // Out of order: refused, and nothing is kept of that upload.
    const id2 = await announce('x.acb', 100);
    expect(await chunk(10, part(0, 10), ADMIN_CONN, id2)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: /out of order/ },
    });
    expect(staged()).toEqual([]);
  });
});
