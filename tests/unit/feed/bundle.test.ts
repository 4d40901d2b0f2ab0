// Runs in: tests (Node). The offline bundle: a round trip gives exactly what an online fetch
// gives, and any tampering or truncation is refused with the same error codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fetchBatches, fetchBlob, fetchHeader, fetchLookout } from '../../../main/feed/client';
import { readBundle, readVerifiedBundle, writeBundle } from '../../../main/feed/bundle';
import { exportBundle } from '../../../main/feed/bundle-export';
import { FeedError } from '../../../main/feed/feed-error';
import { generateFeed } from '../../../main/feed/generator/index';
import { dayKey, publishFeed, type Published, type PublishedDay } from '../../../main/feed/publish';
import { startFeedServer, type FeedServer } from '../../../main/feed/server';
import { canonicalJson, openEnvelope } from '../../../main/feed/signing';
import { demoSigningKey } from '../../../main/feed/demo-key';
import type { Batch } from '../../../main/feed/schema';
import { KEYS } from '../../helpers/feed';

const PORT = 'HID';
const DATE = '2026-11-23';
let published: Published;
let day: PublishedDay;
let server: FeedServer;
let dir: string;

beforeAll(async () => {
  const feed = await generateFeed({ ports: [PORT], dates: [DATE], perPortPerDay: 250, seed: 5 });
  published = publishFeed(feed, demoSigningKey(), { batchSize: 60 });
  day = published.days.get(dayKey(PORT, DATE))!;
  server = await startFeedServer(published);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-bundle-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, over: Partial<Parameters<typeof writeBundle>[1]> = {}): string {
  const file = path.join(dir, name);
  writeBundle(file, {
    header: day.header,
    batches: day.batches,
    lookout: published.lookout,
    blobs: published.blobs,
    ...over,
  });
  return file;
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FeedError);
    return (e as FeedError).code;
  }
  return 'accepted';
}

/** Finds `needle` in the file and replaces it with `repl` (same length), as a tamperer would. */
function patch(file: string, needle: string | Buffer, repl: string | Buffer): string {
  const buf = fs.readFileSync(file);
  const n = Buffer.from(needle);
  const i = buf.indexOf(n);
  expect(i).toBeGreaterThan(0);
  const r = Buffer.from(repl);
  expect(r.length).toBe(n.length);
  r.copy(buf, i);
  const out = `${file}.patched`;
  fs.writeFileSync(out, buf);
  return out;
}

describe('offline bundle', () => {
  it('round-trips to exactly the batches, header, lookout and photos an online fetch gives', async () => {
    const file = write('good.bundle');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const b = readVerifiedBundle(file, KEYS);

    const online: Batch[] = [];
    for (;;) {
      const page = await fetchBatches(
        server.url,
        { port: PORT, date: DATE, sinceSeq: online.length, limit: 5 },
        KEYS,
      );
      if (!page.length) break;
      online.push(...page);
    }
    expect(b.batches).toEqual(online);
    expect(b.header).toEqual((await fetchHeader(server.url, PORT, DATE, KEYS)).header);
    expect(b.lookout?.list).toEqual((await fetchLookout(server.url, 0, KEYS))?.list);
    expect(b.blobs.size).toBeGreaterThan(0);
    for (const [sha, bytes] of b.blobs) expect(bytes.equals(await fetchBlob(server.url, sha))).toBe(true);
  });

  it('is what exportBundle writes from a live feed', async () => {
    const file = path.join(dir, 'exported.bundle');
    const r = await exportBundle(server.url, PORT, DATE, file, KEYS);
    expect(r.batches).toBe(day.batches.length);
    const b = readVerifiedBundle(file, KEYS);
    expect(b.batches).toEqual(day.batches.map((e) => openEnvelope(e)));
    expect(r.photos).toBe(b.blobs.size);
  });

  it('refuses a record altered inside the file (BAD_SIGNATURE)', () => {
    const file = write('t1.bundle');
    const firstApplicant = openEnvelope(day.batches[0]!).records.find((r) => r.type === 'applicant')!;
    if (firstApplicant.type !== 'applicant') throw new Error('no applicant');
    const dob = firstApplicant.dob;
    const other = `${dob.slice(0, 3)}${(Number(dob[3]) + 1) % 10}${dob.slice(4)}`;
    // The envelope is JSON inside JSON: the dob appears escaped inside the payload string.
    const bad = patch(file, `\\"dob\\":\\"${dob}\\"`, `\\"dob\\":\\"${other}\\"`);
    expect(codeOf(() => readVerifiedBundle(bad, KEYS))).toBe('BAD_SIGNATURE');
  });

  it('refuses a swapped photo (HASH_MISMATCH) and an unnamed extra photo (SCHEMA)', () => {
    const [sha, bytes] = [...published.blobs.entries()][0]!;
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(100) ^ 0x01, 100);
    const swapped = write('t2.bundle', { blobs: new Map([...published.blobs, [sha, flipped]]) });
    expect(codeOf(() => readVerifiedBundle(swapped, KEYS))).toBe('HASH_MISMATCH');
    const extra = write('t3.bundle', {
      blobs: new Map([...published.blobs, ['0'.repeat(64), Buffer.from('x')]]),
    });
    expect(codeOf(() => readVerifiedBundle(extra, KEYS))).toBe('SCHEMA');
  });

  it('refuses a missing photo, a missing batch, or a cut-off file (TRUNCATED)', () => {
    const noPhoto = write('t4.bundle', { blobs: new Map([...published.blobs].slice(1)) });
    expect(codeOf(() => readVerifiedBundle(noPhoto, KEYS))).toBe('TRUNCATED');
    const noLast = write('t5.bundle', { batches: day.batches.slice(0, -1) });
    expect(codeOf(() => readVerifiedBundle(noLast, KEYS))).toBe('TRUNCATED');
    const full = fs.readFileSync(write('t6.bundle'));
    for (const cut of [full.length - 1, Math.floor(full.length / 2), 40]) {
      const f = path.join(dir, `cut-${cut}.bundle`);
      fs.writeFileSync(f, full.subarray(0, cut));
      expect(codeOf(() => readVerifiedBundle(f, KEYS))).toBe('TRUNCATED');
    }
  });

  it('refuses batches reordered or replayed inside the file', () => {
    const [b1, b2, ...rest] = day.batches;
    expect(codeOf(() => readVerifiedBundle(write('t7.bundle', { batches: [b2!, b1!, ...rest] }), KEYS))).toBe(
      'OUT_OF_ORDER',
    );
    expect(
      codeOf(() => readVerifiedBundle(write('t8.bundle', { batches: [b1!, b1!, b2!, ...rest] }), KEYS)),
    ).toBe('REPLAY');
  });

  it('refuses an unsigned batch, a foreign key, garbage after the end, or a non-bundle', () => {
    const unsigned = { ...day.batches[1]!, sig: '' };
    expect(
      codeOf(() =>
        readVerifiedBundle(
          write('t9.bundle', { batches: [day.batches[0]!, unsigned, ...day.batches.slice(2)] }),
          KEYS,
        ),
      ),
    ).toBe('MISSING_SIGNATURE');
    expect(codeOf(() => readVerifiedBundle(write('t10.bundle'), { other: Object.values(KEYS)[0]! }))).toBe(
      'UNKNOWN_KEY',
    );
    const f = write('t11.bundle');
    fs.appendFileSync(f, 'junk');
    expect(codeOf(() => readVerifiedBundle(f, KEYS))).toBe('SCHEMA');
    const notBundle = path.join(dir, 'x.json');
    fs.writeFileSync(notBundle, canonicalJson({ hello: 1 }));
    expect(codeOf(() => readBundle(notBundle))).toBe('SCHEMA');
    expect(codeOf(() => readBundle(path.join(dir, 'does-not-exist')))).toBe('SCHEMA');
  });
});
