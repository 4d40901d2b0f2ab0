// Runs in: tests (Node). The pure feed client against the real reference server on 127.0.0.1,
// with each fault the server can inject: every refusal is a FeedError, never a crash.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  fetchBatches,
  type BatchPage,
  fetchBlob,
  fetchHeader,
  fetchLookout,
  postEncounters,
  verifyBatch,
} from '../../../main/feed/client';
import { FeedError } from '../../../main/feed/feed-error';
import { generateFeed, type GeneratedFeed } from '../../../main/feed/generator/index';
import { dayKey, publishFeed, type Published } from '../../../main/feed/publish';
import { startFeedServer, type FeedServer, type Faults } from '../../../main/feed/server';
import { generateSigningKey, openEnvelope, signEnvelope } from '../../../main/feed/signing';
import { demoSigningKey } from '../../../main/feed/demo-key';
import type { Batch, EncounterUpload } from '../../../main/feed/schema';
import { KEYS, feedFailure } from '../../helpers/feed';

const PORT = 'SYS';
const DATE = '2026-11-22';
/** The page of this test's port-day after `sinceSeq`. */
const after = (sinceSeq: number, limit?: number): BatchPage => ({ port: PORT, date: DATE, sinceSeq, limit });

let feed: GeneratedFeed;
let published: Published;
let server: FeedServer;
let all: Batch[];

beforeAll(async () => {
  feed = await generateFeed({ ports: [PORT, 'ELP'], dates: [DATE], perPortPerDay: 300, seed: 11 });
  published = publishFeed(feed, demoSigningKey(), { batchSize: 50 });
  server = await startFeedServer(published);
  all = published.days.get(dayKey(PORT, DATE))!.batches.map((e) => openEnvelope(e));
});
afterAll(() => server.close());
afterEach(() => {
  for (const k of Object.keys(server.faults) as Array<keyof Faults>) delete server.faults[k];
});

async function fetchAll(url: string, keys = KEYS, limit = 4): Promise<Batch[]> {
  const out: Batch[] = [];
  for (;;) {
    const page = await fetchBatches(url, after(out.length, limit), keys);
    if (!page.length) return out;
    out.push(...page);
  }
}

describe('happy path', () => {
  it('fetches and verifies the header', async () => {
    const { header, keyId } = await fetchHeader(server.url, PORT, DATE, KEYS);
    expect(keyId).toBe('publisher-demo-2026');
    expect(header).toMatchObject({ port: PORT, serviceDate: DATE, lastSeq: all.length });
    expect(header.recordCount).toBe(all.reduce((n, b) => n + b.records.length, 0));
    expect(all.length).toBeGreaterThan(5);
  });

  it('fetches every batch in order, equal to what was published', async () => {
    const got = await fetchAll(server.url);
    expect(got.map((b) => b.seq)).toEqual(all.map((_, i) => i + 1));
    expect(got).toEqual(all);
    // Resuming mid-way gives the rest only.
    const rest = await fetchBatches(server.url, after(3, 100), KEYS);
    expect(rest[0]!.seq).toBe(4);
    expect(rest).toEqual(all.slice(3));
  });

  it('fetches photos and checks their hash', async () => {
    const sha = [...published.blobs.keys()][0]!;
    expect(sha).toBeDefined();
    const bytes = await fetchBlob(server.url, sha);
    expect(bytes.equals(published.blobs.get(sha)!)).toBe(true);
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8'); // JPEG
  });

  it('fetches the lookout list, and nothing when already current', async () => {
    const l = await fetchLookout(server.url, 0, KEYS);
    expect(l?.list.version).toBe(1);
    expect(l?.list.entries.length).toBeGreaterThan(5);
    expect(await fetchLookout(server.url, 1, KEYS)).toBeNull();
  });
});

describe('refusals', () => {
  it('a record altered after signing: BAD_SIGNATURE naming batch and port, nothing returned', async () => {
    server.faults.badSignature = true;
    const e = await feedFailure(fetchBatches(server.url, after(2, 3), KEYS));
    expect(e.code).toBe('BAD_SIGNATURE');
    expect(e.message).toMatch(
      /manifest batch 3 for San Ysidro.*failed its signature check.*nothing from it was applied/,
    );
  });

  it('a pinned key set without the publisher key: UNKNOWN_KEY', async () => {
    const other = generateSigningKey('someone-else');
    const e = await feedFailure(fetchHeader(server.url, PORT, DATE, { 'someone-else': other.publicPem }));
    expect(e.code).toBe('UNKNOWN_KEY');
  });

  it('a truncated body: TRUNCATED, not a crash', async () => {
    server.faults.truncateRate = 1;
    expect((await feedFailure(fetchHeader(server.url, PORT, DATE, KEYS))).code).toBe('TRUNCATED');
    expect((await feedFailure(fetchBatches(server.url, after(0), KEYS))).code).toBe('TRUNCATED');
    expect((await feedFailure(fetchLookout(server.url, 0, KEYS))).code).toBe('TRUNCATED');
  });

  it('a replayed batch (seq already applied): REPLAY', async () => {
    server.faults.replay = true;
    const e = await feedFailure(fetchBatches(server.url, after(4), KEYS));
    expect(e.code).toBe('REPLAY');
    expect(e.message).toMatch(/batch 4 again/);
  });

  it('a gap in seq: OUT_OF_ORDER', async () => {
    server.faults.outOfOrder = true;
    const e = await feedFailure(fetchBatches(server.url, after(4), KEYS));
    expect(e.code).toBe('OUT_OF_ORDER');
    expect(e.message).toMatch(/batch 6 .*before batch 5/);
  });

  it('a validly signed batch of another port or day is refused', () => {
    const elp = published.days.get(dayKey('ELP', DATE))!.batches[0]!;
    expect(() => verifyBatch(elp, KEYS, PORT, DATE, 1)).toThrow(FeedError);
    try {
      verifyBatch(elp, KEYS, PORT, DATE, 1);
    } catch (e) {
      expect((e as FeedError).code).toBe('SCHEMA');
    }
  });

  it('a validly signed header of another port or day is refused', async () => {
    const elp = published.days.get(dayKey('ELP', DATE))!;
    const swapped = new Map(published.days);
    swapped.set(dayKey(PORT, DATE), { ...published.days.get(dayKey(PORT, DATE))!, header: elp.header });
    const evil = await startFeedServer({ ...published, days: swapped });
    try {
      const e = await feedFailure(fetchHeader(evil.url, PORT, DATE, KEYS));
      expect(e.code).toBe('SCHEMA');
      expect(e.message).toMatch(/header of El Paso/);
    } finally {
      await evil.close();
    }
  });

  it('a signed batch that breaks the schema is refused (SCHEMA)', () => {
    const bad = signEnvelope(
      { ...all[0]!, records: [{ type: 'applicant', applicantId: 'x' }] },
      demoSigningKey(),
    );
    try {
      verifyBatch(bad, KEYS, PORT, DATE, 1);
      throw new Error('accepted');
    } catch (e) {
      expect((e as FeedError).code).toBe('SCHEMA');
      expect((e as FeedError).message).toMatch(/does not match the feed format/);
    }
  });

  it('a photo whose bytes do not match its id: HASH_MISMATCH', async () => {
    const [sha, bytes] = [...published.blobs.entries()][0]!;
    const swapped = Buffer.from(bytes);
    swapped.writeUInt8(swapped.readUInt8(swapped.length - 10) ^ 0xff, swapped.length - 10);
    const evil = await startFeedServer({ ...published, blobs: new Map([[sha, swapped]]) });
    try {
      expect((await feedFailure(fetchBlob(evil.url, sha))).code).toBe('HASH_MISMATCH');
    } finally {
      await evil.close();
    }
  });

  it('a 5xx answer: HTTP (transient); a missing manifest: HTTP 404', async () => {
    server.faults.errorRate = 1;
    const e = await feedFailure(fetchHeader(server.url, PORT, DATE, KEYS));
    expect(e.code).toBe('HTTP');
    expect(e.transient).toBe(true);
    server.faults.errorRate = 0;
    const nf = await feedFailure(fetchHeader(server.url, 'NOG', DATE, KEYS));
    expect(nf.code).toBe('HTTP');
    expect(nf.message).toMatch(/404/);
  });

  it('a dropped connection, a dead server, or a timeout: NETWORK', async () => {
    server.faults.dropRate = 1;
    expect((await feedFailure(fetchHeader(server.url, PORT, DATE, KEYS))).code).toBe('NETWORK');
    server.faults.dropRate = 0;
    server.faults.latencyMs = 800;
    const slow = await feedFailure(fetchHeader(server.url, PORT, DATE, KEYS, { timeoutMs: 150 }));
    expect(slow.code).toBe('NETWORK');
    server.faults.latencyMs = 0;
    const dead = await startFeedServer(published);
    const url = dead.url;
    await dead.close();
    expect((await feedFailure(fetchHeader(url, PORT, DATE, KEYS))).code).toBe('NETWORK');
  });

  it('faults are switchable at runtime over HTTP (POST /__faults)', async () => {
    const r = await fetch(new URL('__faults', server.url), {
      method: 'POST',
      body: JSON.stringify({ errorRate: 1 }),
    });
    expect(r.status).toBe(200);
    expect((await feedFailure(fetchHeader(server.url, PORT, DATE, KEYS))).code).toBe('HTTP');
    await fetch(new URL('__faults', server.url), { method: 'POST', body: '{}' });
    expect((await fetchHeader(server.url, PORT, DATE, KEYS)).header.port).toBe(PORT);
    const bad = await fetch(new URL('__faults', server.url), {
      method: 'POST',
      body: JSON.stringify({ errorRate: 7 }),
    });
    expect(bad.status).toBe(400);
  });

  it('random faults are deterministic for a seed', async () => {
    const run = async () => {
      await fetch(new URL('__faults', server.url), {
        method: 'POST',
        body: JSON.stringify({ errorRate: 0.5, seed: 42 }),
      });
      const codes: string[] = [];
      for (let i = 0; i < 12; i++)
        codes.push(
          await fetchHeader(server.url, PORT, DATE, KEYS).then(
            () => 'ok',
            (e: FeedError) => e.code,
          ),
        );
      return codes;
    };
    const a = await run();
    expect(a).toContain('ok');
    expect(a).toContain('HTTP');
    expect(await run()).toEqual(a);
  });

  it('under a mix of faults, retrying converges on exactly the published batches', async () => {
    Object.assign(server.faults, { truncateRate: 0.3, errorRate: 0.2, seed: 3 });
    let done: Batch[] = [];
    for (let tries = 0; tries < 200 && done.length < all.length; tries++) {
      try {
        done = done.concat(await fetchBatches(server.url, after(done.length, 3), KEYS));
      } catch (e) {
        expect(['TRUNCATED', 'HTTP']).toContain((e as FeedError).code);
      }
    }
    expect(done).toEqual(all);
  });
});

describe('encounter upload', () => {
  const enc = (): EncounterUpload => ({
    clientId: randomUUID(),
    applicantId: 'SYS-20261122-00001',
    appointmentId: 'AP-SYS-20261122-00001',
    port: PORT,
    officer: 'officer-7',
    booth: 'B3',
    arrivedAt: '2026-11-22T08:03:00-08:00',
    completedAt: '2026-11-22T08:05:10-08:00',
    disposition: 'processed',
    verification: { band: 'MATCH', score: 0.81, attempts: 1 },
    flagsAcknowledged: [],
    note: '',
  });

  it('acknowledges each upload once; a repeat is acknowledged as a duplicate with the first receipt time', async () => {
    const a = enc();
    const b = enc();
    const first = await postEncounters(server.url, [a, b]);
    expect(first.map((x) => [x.clientId, x.duplicate])).toEqual([
      [a.clientId, false],
      [b.clientId, false],
    ]);
    const again = await postEncounters(server.url, [a]);
    expect(again[0]).toEqual({ ...first[0], duplicate: true });
    expect(server.encounters.size).toBeGreaterThanOrEqual(2);
  });

  it('refuses a malformed upload with HTTP 400', async () => {
    const e = await feedFailure(postEncounters(server.url, [{ ...enc(), clientId: 'not-a-uuid' }]));
    expect(e.code).toBe('HTTP');
    expect(e.message).toMatch(/400/);
  });
});
