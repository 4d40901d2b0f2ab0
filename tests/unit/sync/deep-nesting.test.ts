// Runs in: tests (Node). A relay on 127.0.0.1 in front of the real reference feed server adds a
// field nested thousands of levels deep to an envelope, outside what is signed. Everything that
// walks a value recursively (the structured clone to the verify worker, zod, canonicalize)
// overflows the stack on it; the sync must refuse it like any other bad response instead.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnlineFeedSource } from '../../../main/sync/online-source';
import { contentSummary } from '../../../main/sync/content-hash';
import { fetchHeader, fetchLookout } from '../../../main/feed/client';
import { FeedError } from '../../../main/feed/feed-error';
import { MAX_JSON_DEPTH } from '../../../main/feed/json-depth';
import { BundleSource } from '../../../main/sync/bundle-source';
import { dayKey, type Published } from '../../../main/feed/publish';
import type { FeedServer } from '../../../main/feed/server';
import { KEYS, localConsole, serve } from '../../helpers/feed';
import { tempDir } from '../../helpers/temp-dir';

const PORT = 'ELP';
const DATE = '2026-11-22';
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

let upstream: FeedServer;
let published: Published;
let relay: http.Server;
let relayUrl = '';
/** Depth of the unsigned field added to the first envelope of each response; 0 = pass through. */
const inject = { batches: 0, header: 0, lookout: 0 };

beforeAll(async () => {
  ({ server: upstream, published } = await serve(
    { ports: [PORT], dates: [DATE], perPortPerDay: 200, seed: 5 },
    {},
    20,
  ));
  relay = http.createServer((req, res) => {
    void (async () => {
      const r = await fetch(new URL(req.url!.slice(1), upstream.url));
      let body = Buffer.from(await r.arrayBuffer());
      const path = req.url!.split('?')[0]!;
      const n = path.endsWith('/batches')
        ? inject.batches
        : path.startsWith('/v1/lookout')
          ? inject.lookout
          : path.startsWith('/v1/blobs')
            ? 0
            : inject.header;
      // Beside keyId, sig and payload: the signature covers only the payload text.
      if (n && r.status === 200)
        body = Buffer.from(body.toString().replace('{"keyId":', `{"relayTrace":${deep(n)},"keyId":`));
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
      res.end(r.status === 204 ? undefined : body);
    })().catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  relay.closeAllConnections();
  await new Promise((r) => relay.close(r));
  await upstream.close();
});

describe('a response nested 5,000 levels deep', () => {
  it('fails the sync cleanly after the batches already applied, with a clear message; nothing from it is applied', async () => {
    const c = localConsole();
    const src = new OnlineFeedSource(relayUrl, KEYS, 3);
    let n = 0;
    const err = await c.engine
      .syncDay(src, PORT, DATE, {
        onBatchApplied: () => {
          if (++n === 3) inject.batches = 5000;
        },
      })
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(err).toBeInstanceOf(FeedError);
    expect((err as FeedError).code).toBe('SCHEMA');
    expect(err!.message).toMatch(
      new RegExp(
        `^The feed sent a response nested deeper than ${MAX_JSON_DEPTH} levels .*batches.*nothing from it was applied`,
      ),
    );
    expect(err!.message).not.toMatch(/call stack|RangeError/);
    // Only the pages served before the fault were applied; the state and audit say why.
    const stoppedAt = c.engine.manifests.appliedSeq(PORT, DATE);
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(stoppedAt).toBeLessThan(c.engine.manifests.manifest(PORT, DATE)!.last_seq);
    expect(c.engine.state.get(PORT)).toMatchObject({ state: 'error' });
    expect(c.engine.state.get(PORT)?.last_error).toMatch(/nested deeper than/);
    const before = contentSummary(c.db);
    await expect(c.engine.syncDay(src, PORT, DATE)).rejects.toMatchObject({ code: 'SCHEMA' });
    expect(contentSummary(c.db)).toEqual(before);
    // The feed honest again: the sync completes.
    inject.batches = 0;
    const r = await c.engine.syncDay(src, PORT, DATE);
    expect(r.appliedSeq).toBe(r.lastSeq);
    expect(r.photoFailures).toEqual([]);
  }, 60_000);

  it('in a header or a lookout list: the same refusal, a FeedError and not a RangeError', async () => {
    inject.header = 5000;
    await expect(fetchHeader(relayUrl, PORT, DATE, KEYS)).rejects.toMatchObject({
      code: 'SCHEMA',
      message: expect.stringMatching(/nested deeper than/),
    });
    inject.header = 0;
    inject.lookout = 100_000;
    await expect(fetchLookout(relayUrl, 0, KEYS)).rejects.toMatchObject({
      code: 'SCHEMA',
      message: expect.stringMatching(/nested deeper than/),
    });
    inject.lookout = 0;
    await expect(fetchHeader(relayUrl, PORT, DATE, KEYS)).resolves.toMatchObject({ header: { port: PORT } });
  });

  it(`nesting up to ${MAX_JSON_DEPTH} levels is still accepted (only the depth is refused)`, async () => {
    inject.header = MAX_JSON_DEPTH - 2;
    try {
      await expect(fetchHeader(relayUrl, PORT, DATE, KEYS)).resolves.toMatchObject({
        header: { port: PORT },
      });
    } finally {
      inject.header = 0;
    }
  });

  it('in an offline bundle entry: refused when the bundle is opened, not a RangeError', async () => {
    // The bundle layout (main/feed/bundle.ts), written by hand: writeBundle's JSON.stringify
    // would itself overflow on such a value.
    const entry = (kind: number, body: Buffer) => {
      const head = Buffer.alloc(13);
      head.writeUInt8(kind, 0);
      head.writeUInt32BE(0, 1);
      head.writeBigUInt64BE(BigInt(body.length), 5);
      return Buffer.concat([head, body]);
    };
    const day = published.days.get(dayKey(PORT, DATE))!;
    const header = JSON.stringify(day.header).replace('{"keyId":', `{"relayTrace":${deep(5000)},"keyId":`);
    const file = path.join(tempDir(), 'deep.bundle');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('ARRIVALS-BUNDLE/1\n'),
        entry(1, Buffer.from(header)),
        entry(0, Buffer.alloc(0)),
      ]),
    );
    await expect(BundleSource.openFile(file, KEYS)).rejects.toThrow(FeedError);
    await expect(BundleSource.openFile(file, KEYS)).rejects.toThrow(
      /nested deeper than 64 levels; nothing from it was applied/,
    );
  });
});
