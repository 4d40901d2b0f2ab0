// Runs in: tests (Node, real SQLite file). The retention purge leaves nothing of the purged in the
// database file: distinctive strings planted for people of an old service day (names, document
// numbers, e-mail addresses, phones, street addresses, device ids, a decision's note, a capture
// hash, a face template's bytes) are gone from the file, its WAL and any journal, read as bytes
// (what `grep -a` finds; pages decrypted first, as the file is encrypted: helpers/db-bytes.ts),
// while the kept people's are still there. Flags of kept people that
// named the purged are found again without them (a cluster that still qualifies) or, when too
// few remain, cleared with evidence that names no one; the purged people's flags, verifications,
// manual checks, decisions, uploads and templates go.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { EncounterService } from '../../../main/encounter/encounter-service';
import { ManualCheckRepository } from '../../../main/encounter/manual-check-repository';
import { TemplateRepository, toBlob } from '../../../main/face/template-repository';
import { purgeExpired } from '../../../main/sync/retention';
import { Outbox } from '../../../main/sync/outbox';
import { databaseBackups } from '../../../main/db/backups';
import { dbPath, openDatabaseFile } from '../../../main/db/database';
import { testApp } from '../../helpers/app';
import { plainDatabaseBytes } from '../../helpers/db-bytes';
import { applicant } from '../../helpers/memory-feed';
import { seedPortDay } from '../../helpers/port-day';

const OLD = '2026-09-01';
const NEW = '2026-11-20';
const NOW = new Date('2026-11-22T12:00:00Z');
const MODEL = 'test-model-1';

let app: AppContext | undefined;
afterEach(async () => {
  if (app?.db.open) await app.close();
  app = undefined;
});

type Person = ReturnType<typeof applicant>;
const addr = (line1: string) => ({ line1, line2: null, city: 'San Diego', state: 'CA', zip: '92101' });

/**
 * Applicant A<i>, in a travel group of their own, from one row:
 * "given | family | dob | document | street | phone | e-mail | device".
 */
function someone(i: number, row: string): Person {
  const [given, family, dob, doc, line1, phone, email, deviceId] = row.split(' | ') as [string, ...string[]];
  return applicant(i, {
    applicantId: `A${i}`,
    groupId: `G${i}`,
    givenNames: given,
    familyNames: family,
    nameAsWritten: `${given} ${family}`,
    dob,
    document: { type: 'passport', number: doc!, issuer: 'VEN' },
    address: addr(line1!),
    phone,
    email,
    deviceId,
  });
}

// To be purged (service day OLD). Each string is theirs alone, as typed. P1 and P2 share a home
// with K1 (three households); P2 gives K1's document (another spelling of the number, another
// name); P3 gives the mailbox K2, K3 and K4 give (Gmail ignores dots and +tags).
const [P1, P2, P3] = [
  'Zephyrine | Quillfeather | 1979-03-14 | ZP0091337 | 4417 obsidian heron ln. | (619) 555-7341 | zephyrine.q@purgemail.test | dev-purge-7f3a91',
  'Ottoline | Brackwater | 1983-07-02 | xq-7734219 | 4417 Obsidian Heron Ln | 619.555.2270 | ottoline.brackwater@purgemail.test | dev-purge-0c44d2',
  'Mireille | Vantongeren | 1990-12-25 | MV5520871 | 88 Larkspur Quay | +1 619 555 9012 | zq.mira+vantongeren@gmail.com | dev-purge-b81e00',
].map((row, i) => someone(101 + i, row)) as [Person, Person, Person];
// Kept (service day NEW).
const [K1, K2, K3, K4] = [
  'Kestrel | Ambervale | 1985-05-05 | XQ7734219 | 4417 OBSIDIAN HERON LANE | 6195554410 | kestrel.ambervale@keptmail.test | dev-kept-11aa01',
  'Wendeline | Harrowgate | 1970-01-02 | KD20299817 | 12 Foxglove Row | 6195556020 | zqmira@gmail.com | dev-kept-202c0de',
  'Barnaby | Sutterfield | 1970-01-03 | KD20399817 | 31 Thistledown Way | 6195556030 | z.q.mira@gmail.com | dev-kept-203c0de',
  'Calloway | Penhaligon | 1970-01-04 | KD20499817 | 9 Marram Court | 6195556040 | zqmira+k4@gmail.com | dev-kept-204c0de',
].map((row, i) => someone(201 + i, row)) as [Person, Person, Person, Person];
const PURGED = [P1, P2, P3];
const KEPT = [K1, K2, K3, K4];

const strings = (p: Person) => [
  `${p.givenNames} ${p.familyNames}`,
  p.givenNames!,
  p.familyNames!,
  p.document!.number,
  p.email!,
  p.phone!,
  p.address!.line1,
  p.deviceId!,
];
// Matching keys stored from typed values that only the purged gave.
const PURGED_KEYS = ['+16195557341', '+16195552270', '+16195559012', 'VEN:ZP0091337', 'VEN:MV5520871'];
const NOTE_PURGED = 'NOTE-PURGED-Q7Z19';
const NOTE_KEPT = 'NOTE-KEPT-W3K55';
const CAPTURE_PURGED = 'c4e7a11d9b0f3e55purgedcapture0000000000000000000000000000000000a1';

/** A face embedding (unit length, pseudo-random from a seed; `nudge` moves it slightly). */
function embedding(seed: number, nudge = 0): Float32Array {
  let x = seed * 2654435761;
  const next = () => ((x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x6d2b79f5) | 0) >>> 0) / 2 ** 32 - 0.5;
  const v = new Float32Array(512).map((_, i) => next() + nudge * Math.cos(i));
  const n = Math.hypot(...v);
  return v.map((e) => e / n);
}

const found = (bytes: Buffer, needles: Array<string | Buffer>) =>
  needles.filter((s) => bytes.includes(typeof s === 'string' ? Buffer.from(s) : s));

function seeded(): AppContext {
  const a = testApp();
  seedPortDay(a.db, 'SYS', OLD, PURGED);
  seedPortDay(a.db, 'SYS', NEW, KEPT);
  // Decisions (each with its note), uploaded and acknowledged; a verification and a manual check.
  const encounters = new EncounterService(a);
  const faces = new TemplateRepository(a.db);
  const arrivedAt = `${OLD}T15:00:00Z`;
  faces.recordVerification({
    applicantId: P1.applicantId,
    officer: 'ofc.lee',
    captureSha256: CAPTURE_PURGED,
    band: 'MATCH',
    score: 0.71,
    match: 0.5,
    inconclusive: 0.35,
    liveness: null,
    qualityReasons: [],
    modelVersion: MODEL,
    totalMs: 12,
  });
  new ManualCheckRepository(a.db).insert({
    applicant_id: P2.applicantId,
    officer: 'ofc.lee',
    at: arrivedAt,
    reason: 'Document inspected at the booth',
    attempts: 2,
    unsuccessful: 2,
  });
  encounters.complete('ofc.lee', {
    applicantId: P1.applicantId,
    disposition: 'no_show',
    note: NOTE_PURGED,
    arrivedAt,
  });
  encounters.complete('ofc.lee', {
    applicantId: K1.applicantId,
    disposition: 'no_show',
    note: NOTE_KEPT,
    arrivedAt,
  });
  return a;
}

/** The seeded folder opened again by a new app version, which copies the database first (database.ts). */
async function seededWithBackup(): Promise<{ a: AppContext; dir: string }> {
  const first = seeded();
  const dir = first.dataDir;
  await first.close();
  fs.writeFileSync(path.join(dir, 'app-version'), '0.0.1\n');
  return { a: (app = testApp(dir)), dir };
}

describe('retention purge', () => {
  it('leaves none of the purged people’s strings in the database file, keeps the others’, rewrites flags that named them', async () => {
    const a = (app = seeded());
    await new Outbox(a.db).flush(async (payloads) =>
      payloads.map((p) => ({
        clientId: (p as { clientId: string }).clientId,
        receivedAt: NOW.toISOString(),
        duplicate: false,
      })),
    );
    // Face templates: P1's face and K2's are one face (FACE_DUPLICATE); the rest are distinct.
    const faces = new TemplateRepository(a.db);
    const templates = new Map<string, Float32Array>();
    [...PURGED, ...KEPT].forEach((p, i) =>
      templates.set(p.applicantId, p === K2 ? embedding(1, 0.01) : embedding(p === P1 ? 1 : 10 + i)),
    );
    for (const p of [...PURGED, ...KEPT])
      faces.save({
        id: p.photo!.sha256,
        modelVersion: MODEL,
        embedding: templates.get(p.applicantId)!,
        liveness: 0.9,
        qualityOk: true,
        reasons: [],
        livenessSuspect: false,
        unusable: null,
      });
    a.flags.engine.recomputeAll();

    const flagOf = (p: Person, rule: string) =>
      a.flags.engine.repo.forApplicant(p.applicantId, true).find((f) => f.rule_id === rule)!;
    const names = (rule: string, p: Person) =>
      (JSON.parse(flagOf(p, rule).evidence) as { others: Array<{ applicantId: string }> }).others.map(
        (o) => o.applicantId,
      );
    // Before: the kept people's flags name the purged.
    expect(names('SHARED_ADDRESS', K1).sort()).toEqual([P1.applicantId, P2.applicantId]);
    expect(names('DOCUMENT_DUPLICATE', K1)).toEqual([P2.applicantId]);
    expect(names('SHARED_EMAIL', K2).sort()).toEqual([P3.applicantId, K3.applicantId, K4.applicantId].sort());
    expect(names('FACE_DUPLICATE', K2)).toEqual([P1.applicantId]);
    const template = (p: Person) => toBlob(templates.get(p.applicantId)!).subarray(0, 64);
    const purgedNeedles = [
      ...PURGED.flatMap(strings),
      ...PURGED_KEYS,
      NOTE_PURGED,
      CAPTURE_PURGED,
      ...PURGED.map(template),
    ];
    const keptNeedles = [...KEPT.flatMap(strings), NOTE_KEPT, ...KEPT.map(template)];
    // The check is live: everything planted is in the file before the purge.
    a.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(found(plainDatabaseBytes(a.dataDir), purgedNeedles)).toEqual(purgedNeedles);

    const r = purgeExpired(a, 30, 'test', NOW);
    expect(r).toMatchObject({ applicants: 3, heldBack: 0, encounters: 1, verifications: 1, templates: 3 });
    expect(r.rebuildMs).toEqual(expect.any(Number));

    // Nothing derived from them is left in any table.
    const ids = JSON.stringify(PURGED.map((p) => p.applicantId));
    for (const t of ['applicants', 'flags', 'verifications', 'manual_checks', 'encounters', 'outbox'])
      expect(
        (
          a.db
            .prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE applicant_id IN (SELECT value FROM json_each(?))`)
            .get(ids) as { n: number }
        ).n,
        t,
      ).toBe(0);
    // K1's address is now given by one household: cleared, its evidence naming no one; so its
    // document flag (the other holder is gone) and K2's face match. K2's mailbox is still given
    // by three unrelated households: open, found again with K3 and K4 only.
    for (const [p, rule] of [
      [K1, 'SHARED_ADDRESS'],
      [K1, 'DOCUMENT_DUPLICATE'],
      [K2, 'FACE_DUPLICATE'],
    ] as const) {
      const f = flagOf(p, rule);
      expect(f.status, rule).toBe('cleared');
      expect(JSON.parse(f.evidence), rule).toMatchObject({ others: [], othersTotal: 0, purged: true });
    }
    const mail = flagOf(K2, 'SHARED_EMAIL');
    expect(mail.status).toBe('open');
    expect(names('SHARED_EMAIL', K2).sort()).toEqual([K3.applicantId, K4.applicantId].sort());
    expect(JSON.parse(mail.evidence)).toMatchObject({ households: 3, applicants: 3, othersTotal: 2 });
    const flagText = (
      a.db.prepare("SELECT group_concat(evidence || explanation, ' ') AS t FROM flags").get() as { t: string }
    ).t;
    expect(PURGED.flatMap(strings).filter((x) => flagText.includes(x))).toEqual([]);
    expect(PURGED.filter((p) => flagText.includes(p.applicantId))).toEqual([]);

    // The file, its WAL and any journal hold none of their strings, as written now and after
    // the console closes (which checkpoints); the kept people's are all there.
    for (const when of ['after the purge', 'after close']) {
      if (when === 'after close') await a.close();
      const bytes = plainDatabaseBytes(a.dataDir);
      expect(found(bytes, purgedNeedles), when).toEqual([]);
      expect(found(bytes, keptNeedles), when).toEqual(keptNeedles);
    }
  });

  it('takes the database backups with it: a copy made before the purge would still hold the purged', async () => {
    const { a, dir } = await seededWithBackup();
    const backups = databaseBackups(dbPath(dir));
    expect(backups).toHaveLength(1);
    // The check is live: the copy holds the people about to be purged.
    const copy = openDatabaseFile(dir, { file: path.join(dir, backups[0]!), readonly: true });
    const held = copy.prepare('SELECT applicant_id FROM applicants ORDER BY applicant_id').pluck().all();
    copy.close();
    expect(held).toEqual(expect.arrayContaining(PURGED.map((p) => p.applicantId)));

    const r = purgeExpired(a, 30, 'test', NOW);
    // P1's decision was never uploaded: P1 is held back, the other two go.
    expect(r).toMatchObject({ applicants: 2, heldBack: 1, backupsRemoved: 1 });
    expect(databaseBackups(dbPath(dir))).toEqual([]);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.bak'))).toEqual([]);
    // The purge's audit entry says so.
    const entry = a.db
      .prepare("SELECT details FROM audit_log WHERE action = 'retention.purge' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(entry)).toMatchObject({ backupsRemoved: 1 });
  });

  it('leaves the backups when nothing was purged', async () => {
    const { a, dir } = await seededWithBackup();
    const r = purgeExpired(a, 3650, 'test', NOW);
    expect(r).toMatchObject({ applicants: 0, backupsRemoved: 0 });
    expect(databaseBackups(dbPath(dir))).toHaveLength(1);
  });
});
