// Runs in: tests (Node). The synthetic generator: deterministic, realistic variants, every
// planted pattern really present, nothing shared by chance outside the ground truth, and fast.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import {
  generateFeed,
  type GeneratedFeed,
  type GeneratorOptions,
  type PatternKind,
} from '../../../main/feed/generator/index';
import { batchesOf, publishFeed } from '../../../main/feed/publish';
import { demoFaces, sampleImagesDir } from '../../../main/feed/generator/photos';
import { canonicalJson, openEnvelope } from '../../../main/feed/signing';
import { demoSigningKey } from '../../../main/feed/demo-key';
import { Batch, FeedRecord, LookoutList } from '../../../main/feed/schema';

type Applicant = Extract<FeedRecord, { type: 'applicant' }>;

// Independent normalisers (deliberately not the flags engine's): the test's own idea of "same".
const SUFFIX: Record<string, string> = {
  STREET: 'ST',
  STR: 'ST',
  AVENUE: 'AVE',
  AV: 'AVE',
  BOULEVARD: 'BLVD',
  DRIVE: 'DR',
  ROAD: 'RD',
  LANE: 'LN',
  COURT: 'CT',
  PLACE: 'PL',
};
function addressKey(a: Applicant['address']): string {
  let s = `${a.line1} ${a.line2 ?? ''}`.toUpperCase().replace(/[.,]/g, ' ');
  s = s.replace(/\b(APARTMENT|APT|UNIT|NO)\s*#?\s*(\w+)/g, '#$2').replace(/#\s+/g, '#');
  s = s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => SUFFIX[w] ?? w)
    .join(' ');
  return `${s}|${a.city.toUpperCase()}|${a.state.toUpperCase()}|${a.zip.slice(0, 5)}`;
}
function phoneKey(p: string): string {
  const d = p.replace(/\D/g, '').replace(/^00/, '');
  return d.length === 10 ? `+1${d}` : `+${d}`;
}
function emailKey(e: string): string {
  const [local = '', domain = ''] = e.toLowerCase().split('@');
  return domain === 'gmail.com'
    ? `${local.split('+')[0]!.replace(/\./g, '')}@${domain}`
    : `${local}@${domain}`;
}
/** The value every applicant of a planted pattern of this kind gives alike. */
const SHARED_BY: Partial<Record<PatternKind, (a: Applicant) => string>> = {
  shared_address: (a) => addressKey(a.address),
  shared_phone: (a) => phoneKey(a.phone),
  shared_email: (a) => emailKey(a.email),
  shared_device: (a) => a.deviceId,
  identity_duplicate: (a) => a.dob,
  document_duplicate: (a) => `${a.document?.issuer}:${a.document?.number}`,
};
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function applicants(f: GeneratedFeed): Applicant[] {
  return f.days.flatMap((d) => d.records.filter((r): r is Applicant => r.type === 'applicant'));
}
function feedHash(f: GeneratedFeed): string {
  const h = createHash('sha256');
  h.update(canonicalJson({ days: f.days, lookout: f.lookout, truth: f.groundTruth }));
  for (const k of [...f.blobs.keys()].sort()) h.update(k);
  return h.digest('hex');
}

/** One port on 2026-11-22, for the cases that need only a small or a special feed. */
const onePortDay = (port: string, perPortPerDay: number, more: Partial<GeneratorOptions>) =>
  generateFeed({ ports: [port], dates: ['2026-11-22'], perPortPerDay, ...more });

const OPTS = {
  ports: ['SYS', 'NOG', 'ELP', 'HID'],
  dates: ['2026-11-22', '2026-11-23'],
  perPortPerDay: 400,
  seed: 31,
};
let feed: GeneratedFeed;
let all: Applicant[];
let byId: Map<string, Applicant>;

beforeAll(async () => {
  feed = await generateFeed(OPTS);
  all = applicants(feed);
  byId = new Map(all.map((a) => [a.applicantId, a]));
});

describe('generator', () => {
  it('is deterministic: same seed, same bytes; another seed, other data', async () => {
    const again = await generateFeed(OPTS);
    expect(feedHash(again)).toBe(feedHash(feed));
    const other = await generateFeed({ ...OPTS, seed: 32 });
    expect(feedHash(other)).not.toBe(feedHash(feed));
  });

  it('produces records that pass the feed schema, unique ids, and per-day volumes', () => {
    expect(feed.days).toHaveLength(8);
    for (const d of feed.days) {
      const n = d.records.filter((r) => r.type === 'applicant').length;
      expect(n).toBeGreaterThanOrEqual(400);
      expect(n).toBeLessThan(440);
      for (const b of batchesOf(d)) expect(Batch.safeParse(b).success).toBe(true);
    }
    expect(LookoutList.safeParse(feed.lookout).success).toBe(true);
    expect(byId.size).toBe(all.length);
    expect(feed.groundTruth.applicants).toBe(all.length);
    const groups = feed.days.flatMap((d) => d.records.filter((r) => r.type === 'group'));
    expect(new Set(groups.map((g) => g.type === 'group' && g.groupId)).size).toBe(groups.length);
    const kinds = new Set(groups.map((g) => g.type === 'group' && g.kind));
    expect([...kinds].sort()).toEqual(['family', 'individual', 'travel']);
  });

  it('schedules in each port’s own time zone, and publishes amendments as later batches', () => {
    const slotOf = (port: string) =>
      feed.days.find((d) => d.port === port)!.records.find((r) => r.type === 'appointment');
    expect(slotOf('SYS')).toMatchObject({
      slot: expect.stringMatching(/^2026-11-2\dT(0[7-9]|1[0-6]):[0-5][05]:00-08:00$/),
    });
    expect(slotOf('NOG')).toMatchObject({ slot: expect.stringMatching(/-07:00$/) });
    expect(slotOf('ELP')).toMatchObject({ slot: expect.stringMatching(/-07:00$/) });
    expect(slotOf('HID')).toMatchObject({ slot: expect.stringMatching(/-06:00$/) });
    for (const d of feed.days) {
      const types = new Set(d.amendments.map((r) => r.type));
      expect([...types].sort()).toEqual(['cancel', 'correction', 'reschedule']);
      const appts = new Set(d.records.flatMap((r) => (r.type === 'appointment' ? [r.appointmentId] : [])));
      for (const r of d.amendments) {
        if (r.type === 'cancel' || r.type === 'reschedule') expect(appts.has(r.appointmentId)).toBe(true);
        if (r.type === 'correction') expect(byId.has(r.applicantId)).toBe(true);
      }
      const batches = batchesOf(d, 100);
      const firstAmendment = batches.findIndex((b) =>
        b.records.some((r) => r.type === 'cancel' || r.type === 'reschedule' || r.type === 'correction'),
      );
      expect(
        batches
          .slice(firstAmendment)
          .every((b) => b.records.every((r) => ['cancel', 'reschedule', 'correction'].includes(r.type))),
      ).toBe(true);
    }
  });

  it('writes names in several languages and scripts', () => {
    const by = (nat: string) => all.filter((a) => a.nationality === nat);
    expect(
      by('RUS').some((a) => /[\u0400-\u04ff]/.test(a.nameAsWritten) && /^[A-Za-z -]+$/.test(a.givenNames)),
    ).toBe(true);
    expect(by('CHN').some((a) => /[\u4e00-\u9fff]/.test(a.nameAsWritten))).toBe(true);
    expect(
      by('VEN')
        .concat(by('MEX'))
        .some((a) => a.familyNames.split(' ').length === 2),
    ).toBe(true);
    expect(all.some((a) => /[áéíóúñ]/i.test(a.nameAsWritten))).toBe(true);
    expect(by('HTI').some((a) => a.language === 'ht') && by('HTI').some((a) => a.language === 'fr')).toBe(
      true,
    );
    expect(new Set(all.map((a) => a.language))).toEqual(
      new Set(['es', 'en', 'ht', 'fr', 'pt', 'ru', 'zh', 'hi']),
    );
  });

  it('types addresses, phones and emails the many ways people do', () => {
    const big = feed.groundTruth.patterns.find((p) => p.id === 'addr-big')!;
    const bigAddrs = big.applicantIds.map((id) => byId.get(id)!.address);
    expect(new Set(bigAddrs.map((a) => a.line1.trim())).size).toBeGreaterThanOrEqual(5);
    expect(
      bigAddrs.some((a) => /^\d{5}-\d{4}$/.test(a.zip)) && bigAddrs.some((a) => /^\d{5}$/.test(a.zip)),
    ).toBe(true);
    expect(
      bigAddrs.some((a) => a.line1 === a.line1.toUpperCase()) &&
        bigAddrs.some((a) => a.line1 === a.line1.toLowerCase()),
    ).toBe(true);
    const lines = all.map((a) => `${a.address.line1} ${a.address.line2 ?? ''}`);
    for (const re of [/\bApt \w+/, /#\w+/, /\b[Uu]nit \w+/i, /\bSt\.? /i, /\bSTREET\b/])
      expect(lines.some((l) => re.test(l))).toBe(true);
    expect(all.some((a) => a.address.line2 !== null)).toBe(true);
    for (const re of [
      /^\(\d{3}\) \d{3}-\d{4}$/,
      /^\d{3}-\d{3}-\d{4}$/,
      /^\+1\d{10}$/,
      /^\d{3}\.\d{3}\.\d{4}$/,
      /^1-\d{3}-\d{3}-\d{4}$/,
      /^\d{10}$/,
    ]) {
      expect(all.some((a) => re.test(a.phone))).toBe(true);
    }
  });

  it('plants every pattern in the ground truth, each really present in the data', () => {
    const kinds = new Set(feed.groundTruth.patterns.map((p) => p.kind));
    expect([...kinds].sort()).toEqual([
      'document_duplicate',
      'face_duplicate',
      'identity_duplicate',
      'lookout_match',
      'shared_address',
      'shared_device',
      'shared_email',
      'shared_phone',
    ]);
    const entries = new Map(feed.lookout.entries.map((e) => [e.entryId, e]));
    for (const p of feed.groundTruth.patterns) {
      const as = p.applicantIds.map((id) => byId.get(id));
      expect(as.every(Boolean), p.id).toBe(true);
      const list = as as Applicant[];
      expect(list.length, p.id).toBeGreaterThanOrEqual(p.kind === 'lookout_match' ? 1 : 2);
      const groups = new Set(list.map((a) => a.groupId));
      // What every applicant of the pattern has in common (the test's own normalisers).
      const shared = SHARED_BY[p.kind];
      if (shared) expect(new Set(list.map(shared)).size, p.id).toBe(1);
      switch (p.kind) {
        case 'shared_address':
          expect(groups.size, p.id).toBeGreaterThanOrEqual(3);
          break;
        case 'shared_phone':
          expect(phoneKey(list[0]!.phone)).toBe(p.key);
          expect(new Set(list.map((a) => a.phone)).size, `${p.id} typed variously`).toBeGreaterThan(1);
          break;
        case 'shared_email':
          expect(new Set(list.map((a) => a.email)).size, `${p.id} typed variously`).toBeGreaterThan(1);
          break;
        case 'face_duplicate': {
          const shas = list.map((a) => a.photo?.sha256);
          expect(shas.every(Boolean) && new Set(shas).size === 2, 'two different selfies').toBe(true);
          const src = feed.groundTruth.photos
            .filter((x) => p.applicantIds.includes(x.applicantId))
            .map((x) => x.source.split('~')[0]);
          expect(new Set(src).size, 'of one face').toBe(1);
          expect(new Set(list.map((a) => `${a.givenNames} ${a.familyNames}`)).size).toBe(2);
          break;
        }
        case 'document_duplicate':
          expect(new Set(list.map((a) => a.familyNames)).size, p.id).toBe(2);
          break;
        case 'lookout_match':
          expect(entries.has(p.key), p.id).toBe(true);
          break;
      }
      // "Unrelated": separate groups with no family-name word in common.
      if (p.kind !== 'lookout_match' && p.kind !== 'identity_duplicate') {
        expect(groups.size, p.id).toBeGreaterThanOrEqual(2);
        if (p.kind !== 'document_duplicate') {
          const words = [...groups].map(
            (g) =>
              new Set(
                list.filter((a) => a.groupId === g).flatMap((a) => fold(a.familyNames).split(/[\s-]+/)),
              ),
          );
          for (let i = 0; i < words.length; i++)
            for (let j = i + 1; j < words.length; j++)
              expect(
                [...words[i]!].some((w) => words[j]!.has(w)),
                `${p.id}: related`,
              ).toBe(false);
        }
      }
    }
    // The big home: 40+ unrelated applicants through every port and day.
    const big = feed.groundTruth.patterns.find((p) => p.id === 'addr-big')!;
    expect(big.applicantIds.length).toBeGreaterThanOrEqual(40);
    const portsDays = new Set(big.applicantIds.map((id) => id.split('-').slice(0, 2).join('-')));
    expect(portsDays.size).toBe(8);
    // Transliteration and accent variants are really different spellings.
    const tr = feed.groundTruth.patterns
      .find((p) => p.id === 'ident-translit')!
      .applicantIds.map((id) => byId.get(id)!);
    expect(`${tr[0]!.givenNames} ${tr[0]!.familyNames}`).not.toBe(
      `${tr[1]!.givenNames} ${tr[1]!.familyNames}`,
    );
    expect(tr[0]!.nameAsWritten).toBe(tr[1]!.nameAsWritten);
    const ac = feed.groundTruth.patterns
      .find((p) => p.id === 'ident-accents')!
      .applicantIds.map((id) => byId.get(id)!);
    expect(ac[0]!.familyNames).not.toBe(ac[1]!.familyNames);
    expect(fold(ac[0]!.familyNames)).toBe(fold(ac[1]!.familyNames));
  });

  it('plants decoys that must not group: other units, other house numbers, lookout near misses', () => {
    for (const d of feed.groundTruth.decoys) {
      const list = d.applicantIds.map((id) => byId.get(id)!);
      expect(list.every(Boolean), d.id).toBe(true);
      if (d.kind === 'address_units' || d.kind === 'address_street') {
        expect(new Set(list.map((a) => addressKey(a.address))).size, d.id).toBe(list.length);
        expect(list.length).toBeGreaterThanOrEqual(3);
      } else {
        const e = feed.lookout.entries.find((x) => x.entryId === d.key)!;
        expect(e).toBeDefined();
        expect(fold(`${e.givenNames} ${e.familyNames}`)).toBe(
          fold(`${list[0]!.givenNames} ${list[0]!.familyNames}`),
        );
        expect(Math.abs((e.dobYear ?? 0) - Number(list[0]!.dob.slice(0, 4)))).toBeGreaterThanOrEqual(5);
      }
    }
    const units = feed.groundTruth.decoys.find((d) => d.kind === 'address_units')!;
    const streets = units.applicantIds.map((id) =>
      addressKey(byId.get(id)!.address).replace(/#\w+/, '').replace(/\s+/g, ' '),
    );
    expect(new Set(streets).size, 'one building').toBe(1);
  });

  it('shares nothing by chance: every cross-group match is in the ground truth', () => {
    const truthIds = (kind: string) =>
      new Set(feed.groundTruth.patterns.filter((p) => p.kind === kind).flatMap((p) => p.applicantIds));
    const check = (kind: string, key: (a: Applicant) => string | null) => {
      const groupsByKey = new Map<string, Map<string, string[]>>();
      for (const a of all) {
        const k = key(a);
        if (!k) continue;
        const g = groupsByKey.get(k) ?? new Map<string, string[]>();
        g.set(a.groupId, [...(g.get(a.groupId) ?? []), a.applicantId]);
        groupsByKey.set(k, g);
      }
      const allowed = truthIds(kind);
      const stray: string[] = [];
      for (const [k, g] of groupsByKey)
        if (g.size > 1)
          for (const ids of g.values()) for (const id of ids) if (!allowed.has(id)) stray.push(`${k}:${id}`);
      expect(stray, kind).toEqual([]);
    };
    check('shared_address', (a) => addressKey(a.address));
    check('shared_phone', (a) => phoneKey(a.phone));
    check('shared_email', (a) => emailKey(a.email));
    check('shared_device', (a) => a.deviceId);
    check('document_duplicate', (a) => (a.document ? `${a.document.issuer}:${a.document.number}` : null));
    check('identity_duplicate', (a) => `${fold(a.nameAsWritten)}|${a.dob}`);
  });

  it('gives each demo face to one identity only (except the planted pair); everyone else has no photo', () => {
    const withPhoto = all.filter((a) => a.photo);
    expect(withPhoto.length).toBe(feed.groundTruth.applicantsWithPhoto);
    expect(withPhoto.length).toBe(feed.groundTruth.photos.length);
    expect(withPhoto.length).toBeLessThanOrEqual(demoFaces().length + 1);
    expect(new Set(withPhoto.map((a) => a.photo!.sha256)).size).toBe(withPhoto.length);
    const bases = feed.groundTruth.photos.map((p) => p.source.split('~')[0]!);
    const dupCount = bases.length - new Set(bases).size;
    expect(dupCount).toBe(1);
    for (const a of withPhoto) {
      const bytes = feed.blobs.get(a.photo!.sha256)!;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(a.photo!.sha256);
      expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    }
  });

  it('uses a folder of the user’s own photos, one identity per file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-photos-'));
    try {
      const src = path.join(sampleImagesDir(), 'sample1.jpg');
      await sharp(src)
        .extract({ left: 200, top: 150, width: 600, height: 600 })
        .jpeg()
        .toFile(path.join(dir, 'alice.jpg'));
      await sharp(src)
        .extract({ left: 1300, top: 50, width: 600, height: 600 })
        .png()
        .toFile(path.join(dir, 'bob.png'));
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a photo');
      const f = await onePortDay('BRO', 120, { seed: 4, photos: false, photosDir: dir });
      const got = f.groundTruth.photos.map((p) => p.source).sort();
      expect(got).toEqual(['alice.jpg', 'bob.png']);
      for (const p of f.groundTruth.photos)
        expect(f.blobs.get(p.sha256)!.subarray(0, 2).toString('hex')).toBe('ffd8');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // How fast (generation and signing at 100k) is measured by the benchmark, tools/bench-feed-gen.ts,
  // not here: a test's outcome must not depend on the machine's speed.
  it('scales: 100,000 applicants for one port-day without photos, and publishes', async () => {
    const big = await onePortDay('LRD', 100_000, { seed: 9, photos: false });
    expect(big.groundTruth.applicants).toBeGreaterThanOrEqual(100_000);
    const pub = publishFeed(big, demoSigningKey());
    const day = pub.days.values().next().value!;
    expect(openEnvelope(day.header).lastSeq).toBe(day.batches.length);
    expect(day.batches.length).toBeGreaterThan(400);
  }, 300_000);

  it('reuses a small photo pool for benchmarks when asked', async () => {
    const f = await onePortDay('CXL', 200, { seed: 2, reusePhotos: true, plant: false });
    const as = applicants(f);
    expect(as.every((a) => a.photo)).toBe(true);
    expect(f.blobs.size).toBeLessThanOrEqual(8);
    expect(f.groundTruth.photos.every((p) => p.source.startsWith('reused:'))).toBe(true);
  });
});
