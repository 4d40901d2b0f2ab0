// Real reference feed server on 127.0.0.1, real SQLite files: the feed's defences.
import { afterEach, describe, expect, it } from 'vitest';
import { OnlineFeedSource } from '../../../main/sync/online-source';
import { contentSummary } from '../../../main/sync/content-hash';
import { fetchBlob, fetchHeader } from '../../../main/feed/client';
import { generateSigningKey } from '../../../main/feed/signing';
import { publishFeed } from '../../../main/feed/publish';
import { startFeedServer, type FeedServer } from '../../../main/feed/server';
import { writeBundle } from '../../../main/feed/bundle';
import { BundleSource } from '../../../main/sync/bundle-source';
import { KEYS, feedData, localConsole, serve } from '../../helpers/feed';
import { tempDir } from '../../helpers/temp-dir';
import fs from 'node:fs';
import path from 'node:path';

const PORT = 'ELP';
const DATE = '2026-11-22';
const OPTS = { ports: [PORT], dates: [DATE], perPortPerDay: 600, seed: 7 };

let servers: FeedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function up(faults = {}) {
  const s = await serve(OPTS, faults, 100);
  servers.push(s.server);
  return s;
}

async function reference() {
  const { server } = await up();
  const c = localConsole();
  await c.engine.syncDay(new OnlineFeedSource(server.url, KEYS), PORT, DATE);
  return contentSummary(c.db);
}

/** Syncs in pages of `after` batches; the fault is switched on once `after` batches are applied, and the sync fails with `code`. */
async function faultAfter(after: number, fault: Record<string, unknown>, code: string) {
  const { server } = await up();
  const c = localConsole();
  const src = new OnlineFeedSource(server.url, KEYS, after);
  let n = 0;
  await expect(
    c.engine.syncDay(src, PORT, DATE, {
      onBatchApplied: () => {
        if (++n === after) Object.assign(server.faults, fault);
      },
    }),
  ).rejects.toMatchObject({ code });
  return { server, c, src };
}

/** Syncs partway (3 batches), then turns a fault on and checks the refusal leaves data intact. */
async function refusedAfterPartialSync(fault: Record<string, unknown>, code: string) {
  const { server, c, src } = await faultAfter(3, fault, code);
  const before = contentSummary(c.db);
  // The page after the fault was switched on may have been fetched already (prefetch): the
  // refusal comes at the first page served with the fault.
  const stoppedAt = c.engine.manifests.appliedSeq(PORT, DATE);
  expect(stoppedAt).toBeGreaterThanOrEqual(3);
  expect(stoppedAt).toBeLessThan(c.engine.manifests.manifest(PORT, DATE)!.last_seq);
  expect(c.engine.state.get(PORT)).toMatchObject({ state: 'error' });
  expect(c.engine.state.get(PORT)?.last_error).toMatch(/nothing from it was applied|refused/);
  // Retrying against the still-faulty feed changes nothing.
  await expect(c.engine.syncDay(src, PORT, DATE)).rejects.toMatchObject({ code });
  expect(contentSummary(c.db)).toEqual(before);
  // Once the feed is honest again, the sync completes to the reference state.
  for (const k of Object.keys(fault)) delete (server.faults as Record<string, unknown>)[k];
  await c.engine.syncDay(src, PORT, DATE);
  expect(contentSummary(c.db).hash).toBe((await reference()).hash);
}

describe('feed sync over HTTP', () => {
  it('syncs a day: applicants, amendments, photos, lookout list', async () => {
    const { server, feed } = await up();
    const c = localConsole();
    const r = await c.engine.syncDay(new OnlineFeedSource(server.url, KEYS), PORT, DATE);
    expect(r.appliedSeq).toBe(r.lastSeq);
    const counts = contentSummary(c.db).counts;
    expect(counts.applicants).toBe(feed.groundTruth.applicants);
    expect(counts.photo_blobs).toBe(feed.blobs.size);
    expect(counts.lookout_entries).toBe(feed.lookout.entries.length);
    const cancelled = feed.days[0]!.amendments.filter((a) => a.type === 'cancel').length;
    expect(
      (c.db.prepare("SELECT COUNT(*) n FROM appointments WHERE status = 'cancelled'").get() as { n: number })
        .n,
    ).toBe(cancelled);
  });

  it('rejects a tampered record whole and keeps the previous data', () =>
    refusedAfterPartialSync({ badSignature: true }, 'BAD_SIGNATURE'));
  it('rejects a replayed batch', () => refusedAfterPartialSync({ replay: true }, 'REPLAY'));
  it('rejects an out-of-order batch', () => refusedAfterPartialSync({ outOfOrder: true }, 'OUT_OF_ORDER'));
  it('rejects a truncated body', () => refusedAfterPartialSync({ truncateRate: 1 }, 'TRUNCATED'));

  it('rejects a missing signature and an unknown key id', async () => {
    const feed = await feedData(OPTS);
    const rogue = generateSigningKey('rogue-2026');
    const published = publishFeed(feed, rogue.signing);
    const s1 = await startFeedServer(published);
    servers.push(s1);
    await expect(fetchHeader(s1.url, PORT, DATE, KEYS)).rejects.toMatchObject({ code: 'UNKNOWN_KEY' });
    // Same key id as the pinned one, but forged with another private key.
    const forged = publishFeed(feed, { keyId: Object.keys(KEYS)[0]!, privateKey: rogue.signing.privateKey });
    const s2 = await startFeedServer(forged);
    servers.push(s2);
    await expect(fetchHeader(s2.url, PORT, DATE, KEYS)).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
    const unsigned = publishFeed(feed, rogue.signing);
    for (const d of unsigned.days.values()) (d.header as { sig: string }).sig = '';
    const s3 = await startFeedServer(unsigned);
    servers.push(s3);
    await expect(fetchHeader(s3.url, PORT, DATE, KEYS)).rejects.toMatchObject({ code: 'MISSING_SIGNATURE' });
    const c = localConsole();
    await expect(c.engine.syncDay(new OnlineFeedSource(s2.url, KEYS), PORT, DATE)).rejects.toMatchObject({
      code: 'BAD_SIGNATURE',
    });
    expect(contentSummary(c.db).counts.applicants).toBe(0);
  });

  it('accepts a rotated key when both key ids are pinned', async () => {
    const feed = await feedData(OPTS);
    const next = generateSigningKey('publisher-2027');
    const s = await startFeedServer(publishFeed(feed, next.signing));
    servers.push(s);
    await expect(fetchHeader(s.url, PORT, DATE, KEYS)).rejects.toMatchObject({ code: 'UNKNOWN_KEY' });
    await expect(
      fetchHeader(s.url, PORT, DATE, { ...KEYS, 'publisher-2027': next.publicPem }),
    ).resolves.toMatchObject({ keyId: 'publisher-2027' });
  });

  it('refuses a photo whose bytes do not match their hash', async () => {
    const { server, published } = await up();
    const [sha, bytes] = [...published.blobs][0]!;
    published.blobs.set(sha, Buffer.concat([bytes, Buffer.from('x')]));
    await expect(fetchBlob(server.url, sha)).rejects.toMatchObject({ code: 'HASH_MISMATCH' });
    published.blobs.set(sha, bytes);
  });

  it('feed down: keeps local data, reports the outage, then catches up', async () => {
    const { server, c, src } = await faultAfter(2, { offline: true }, 'NETWORK');
    expect(c.engine.state.get(PORT)).toMatchObject({ state: 'offline' });
    expect(c.engine.state.get(PORT)?.last_error).toMatch(
      /could not be reached.*keeps working from local data/,
    );
    const partial = contentSummary(c.db).counts.applicants!;
    expect(partial).toBeGreaterThan(0);
    server.faults.offline = false;
    await c.engine.syncDay(src, PORT, DATE);
    expect(c.engine.state.get(PORT)).toMatchObject({ state: 'idle', last_error: null });
    expect(contentSummary(c.db).hash).toBe((await reference()).hash);
  });

  it('a bundle import yields exactly what an online sync yields; a tampered bundle is refused', async () => {
    const { published } = await up();
    const day = [...published.days.values()][0]!;
    const file = path.join(tempDir(), 'day.acb');
    writeBundle(file, {
      header: day.header,
      batches: day.batches,
      lookout: published.lookout,
      blobs: published.blobs,
    });
    const c = localConsole();
    const b = await BundleSource.openFile(file, KEYS);
    await c.engine.syncDay(b, b.port, b.serviceDate);
    await b.close();
    expect(contentSummary(c.db).hash).toBe((await reference()).hash);

    const raw = fs.readFileSync(file);
    const needle = Buffer.from('\\"familyNames\\":\\"');
    const i = raw.indexOf(needle);
    expect(i).toBeGreaterThan(0);
    const tampered = Buffer.from(raw);
    const at = i + needle.length;
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(file, tampered);
    await expect(BundleSource.openFile(file, KEYS)).rejects.toThrow(/signature/);
    fs.writeFileSync(file, raw.subarray(0, raw.length - 100));
    await expect(BundleSource.openFile(file, KEYS)).rejects.toThrow(/incomplete/);
  });
});
