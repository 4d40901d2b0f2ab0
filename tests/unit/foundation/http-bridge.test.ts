import path from 'node:path';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../../main/ipc/router';
import { startBridge, type Bridge } from '../../../main/shell/http-bridge';
import { CloseGrace, signOutClosedWindow } from '../../../main/shell/close-grace';
import { testApp } from '../../helpers/app';
import type { AppContext } from '../../../main/app-context';

let app: AppContext;
let bridge: Bridge;

beforeAll(async () => {
  app = testApp();
  bridge = await startBridge({
    router: createRouter(app),
    rendererDir: path.join(__dirname, '../../fixtures/renderer'),
  });
});
afterAll(async () => {
  await bridge.close();
  await app.close();
});

function post(
  channel: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: { ok: boolean; error?: { code: string } } }> {
  const u = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) as never }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const good = (conn = randomUUID()) => ({ 'x-arrivals-key': bridge.secret, 'x-arrivals-connection': conn });

describe('browser-shell HTTP bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
  });

  it('refuses calls without the per-launch key', async () => {
    expect((await post('app.info', {}, { 'x-arrivals-connection': randomUUID() })).status).toBe(401);
    expect(
      (
        await post(
          'app.info',
          {},
          { 'x-arrivals-key': 'f'.repeat(64), 'x-arrivals-connection': randomUUID() },
        )
      ).status,
    ).toBe(401);
    expect((await post('app.info', {}, good())).json.ok).toBe(true);
  });

  it('refuses a foreign Origin and a foreign Host (DNS rebinding)', async () => {
    expect((await post('app.info', {}, { ...good(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('app.info', {}, { ...good(), host: 'evil.example:80' })).status).toBe(421);
  });

  it("an officer's session calling an admin-only channel is refused in main", async () => {
    const admin = randomUUID();
    await post(
      'auth.setup',
      { username: 'site.admin', displayName: 'A', password: 'admin-password-1' },
      good(admin),
    );
    await post('auth.signIn', { username: 'site.admin', password: 'admin-password-1' }, good(admin));
    await post(
      'users.create',
      { username: 'ofc.lee', displayName: 'Lee', role: 'officer', password: 'user-password-1' },
      good(admin),
    );
    const officer = randomUUID();
    expect(
      (await post('auth.signIn', { username: 'ofc.lee', password: 'user-password-1' }, good(officer))).json
        .ok,
    ).toBe(true);
    const r = await post(
      'users.create',
      { username: 'ofc.evil', displayName: 'E', role: 'admin', password: 'user-password-1' },
      good(officer),
    );
    expect(r.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(app.accounts.users.byUsername('ofc.evil')).toBeUndefined();
  });

  it('rejects non-JSON bodies and unknown channels with an error envelope', async () => {
    expect((await post('nope.nothing', {}, good())).json).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect((await post('app.info', {}, { ...good(), 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('answers a malformed percent-encoding with a 400 envelope or a 404, never a 500', async () => {
    const bad = await post('app.%E0%A4%A', {}, good());
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const u = new URL(bridge.url);
    const status = await new Promise<number>((resolve, reject) =>
      http
        .get({ host: u.hostname, port: u.port, path: '/assets/%E0%A4%A.js' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject),
    );
    expect(status).toBe(404);
  });
});

describe('browser-shell HTTP bridge: a reload keeps the session, a close signs out', () => {
  // The bridge as browser.ts wires it, with the grace period on a fake clock (no sleeps).
  let app2: AppContext;
  let bridge2: Bridge;
  let now = 0;
  const grace = () =>
    new CloseGrace({
      graceMs: 10_000,
      clock: () => now,
      schedule: () => () => undefined,
      onExpire: (id) => signOutClosedWindow(app2, id),
    });
  let closes: CloseGrace;

  beforeAll(async () => {
    app2 = testApp();
    closes = grace();
    bridge2 = await startBridge({
      router: createRouter(app2),
      rendererDir: path.join(__dirname, '../../fixtures/renderer'),
      onCall: (c, p) => closes.seen(c, p),
      onClose: (c, p) => closes.closed(c, p),
    });
  });
  afterAll(async () => {
    await bridge2.close();
    await app2.close();
  });

  const post2 = (channel: string, body: unknown, conn: string, page: string) => {
    const u = new URL(bridge2.url);
    return new Promise<{
      ok: boolean;
      value?: { user: { username: string } | null };
      error?: { code: string };
    }>((resolve, reject) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: `/api/${channel}`,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-arrivals-key': bridge2.secret,
            'x-arrivals-connection': conn,
            'x-arrivals-page': page,
          },
        },
        (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () => resolve(JSON.parse(data) as never));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  };

  it('keeps the session over __closed + a call from the same connection, ends it when none comes', async () => {
    const admin = randomUUID();
    await post2(
      'auth.setup',
      { username: 'site.admin', displayName: 'A', password: 'admin-password-1' },
      admin,
      randomUUID(),
    );
    const conn = randomUUID();
    const page1 = randomUUID();
    expect(
      (await post2('auth.signIn', { username: 'site.admin', password: 'admin-password-1' }, conn, page1)).ok,
    ).toBe(true);
    // Reload: pagehide reports a close, the new page (same connection, new page id) calls again.
    await post2('__closed', {}, conn, page1);
    now += 9_000;
    const page2 = randomUUID();
    expect((await post2('auth.session', {}, conn, page2)).value?.user?.username).toBe('site.admin');
    now += 60_000;
    expect((await post2('auth.session', {}, conn, page2)).value?.user?.username).toBe('site.admin');
    // Close: no call comes back within the grace.
    await post2('__closed', {}, conn, page2);
    now += 10_000;
    expect((await post2('audit.recent', { limit: 5 }, conn, randomUUID())).error?.code).toBe('NOT_SIGNED_IN');
    const closedOut = app2.audit.recent(10).filter((e) => e.action === 'auth.sign_out');
    expect(closedOut).toMatchObject([{ actor: 'site.admin', details: { reason: 'window closed' } }]);
  });
});
