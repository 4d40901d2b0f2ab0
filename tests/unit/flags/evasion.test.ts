// Runs in: tests (Node). Names that look identical on screen but are not the same text: an
// invisible character inside a word (which folding used to turn into a word break), or letters
// of another script that look like Latin ones. Synced through the real ingest path into a real
// SQLite database, with flags computed as the app computes them (FlagService after each batch,
// LOOKOUT_MATCH again when a new list arrives); each evasion must still be flagged, and say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../main/sync/sync-engine';
import { KEYS_VERSION } from '../../../main/flags/keys';
import { nameNotes, nameTokens, shapeTokens } from '../../../main/flags/normalize/name';
import { normaliseAddress } from '../../../main/flags/normalize/address';
import { normaliseDevice, normaliseEmail, normalisePhone } from '../../../main/flags/normalize/contact';
import type { FeedRecord, LookoutList } from '../../../main/feed/schema';
import type { AppContext } from '../../../main/app-context';
import { MemoryFeed, applicant, dayOf } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';

const PORT = 'HID';
const ENTRIES: LookoutList['entries'] = [
  {
    entryId: 'LO-INV',
    givenNames: 'Hector',
    familyNames: 'Salgado',
    aliases: [],
    dob: '1984-03-17',
    dobYear: null,
    reasonCode: 'WARRANT',
  },
  {
    entryId: 'LO-CYR',
    givenNames: 'Rocio',
    familyNames: 'Pacheco Ocampo',
    aliases: [],
    dob: '1979-06-02',
    dobYear: null,
    reasonCode: 'PRIOR_REMOVAL',
  },
  {
    entryId: 'LO-GRK',
    givenNames: 'Ignacio',
    familyNames: 'Peralta',
    aliases: [],
    dob: null,
    dobYear: 1990,
    reasonCode: 'FRAUD_REFERRAL',
  },
  // Listed in Cyrillic: matched through transliteration, which look-alike handling must keep.
  {
    entryId: 'LO-RUS',
    givenNames: 'Александр',
    familyNames: 'Щербаков',
    aliases: [],
    dob: '1975-01-09',
    dobYear: null,
    reasonCode: 'WARRANT',
  },
];

interface Case {
  label: string;
  entry: string;
  given: string;
  family: string;
  dob: string;
  /** A code point the flag's name note must name (U+XXXX). */
  note?: string;
}

const cp = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u00AD', '\u2060', '\u200E'];
// Other default-ignorable or format code points: BOM, variation selector 16, combining grapheme
// joiner, invisible separator, Mongolian vowel separator.
const OTHER_INVISIBLE = ['\uFEFF', '\uFE0F', '\u034F', '\u2063', '\u180E'];

const EVASIONS: Case[] = [
  // "Sa|lgado": the split that defeated the lookout match outright.
  ...[...INVISIBLE, ...OTHER_INVISIBLE].map((c) => ({
    label: `${cp(c)} inside the family name`,
    entry: 'LO-INV',
    given: 'Hector',
    family: `Sa${c}lgado`,
    dob: '1984-03-17',
    note: cp(c),
  })),
  {
    label: 'U+200B at another place',
    entry: 'LO-INV',
    given: 'Hector',
    family: 'Salga\u200Bdo',
    dob: '1984-03-17',
    note: 'U+200B',
  },
  {
    label: 'Cyrillic а U+0430 for every a',
    entry: 'LO-CYR',
    given: 'Rocio',
    family: 'P\u0430checo Oc\u0430mpo',
    dob: '1979-06-02',
    note: 'U+0430',
  },
  {
    label: 'Cyrillic о U+043E for every o',
    entry: 'LO-CYR',
    given: 'R\u043Eci\u043E',
    family: 'Pachec\u043E Ocamp\u043E',
    dob: '1979-06-02',
    note: 'U+043E',
  },
  {
    label: 'Cyrillic е U+0435',
    entry: 'LO-CYR',
    given: 'Rocio',
    family: 'Pach\u0435co Ocampo',
    dob: '1979-06-02',
    note: 'U+0435',
  },
  {
    label: 'Cyrillic р U+0440',
    entry: 'LO-CYR',
    given: 'Rocio',
    family: 'Pacheco Ocam\u0440o',
    dob: '1979-06-02',
    note: 'U+0440',
  },
  {
    label: 'Cyrillic с U+0441 for every c',
    entry: 'LO-CYR',
    given: 'Ro\u0441io',
    family: 'Pa\u0441he\u0441o O\u0441ampo',
    dob: '1979-06-02',
    note: 'U+0441',
  },
  {
    label: 'Greek Ο U+039F',
    entry: 'LO-CYR',
    given: 'Rocio',
    family: 'Pacheco \u039Fcampo',
    dob: '1979-06-02',
    note: 'U+039F',
  },
  {
    label: 'Greek ο U+03BF for every o',
    entry: 'LO-CYR',
    given: 'R\u03BFci\u03BF',
    family: 'Pachec\u03BF \u039Fcamp\u03BF',
    dob: '1979-06-02',
    note: 'U+03BF',
  },
  {
    label: 'Greek Ι U+0399',
    entry: 'LO-GRK',
    given: '\u0399gnacio',
    family: 'Peralta',
    dob: '1990-11-30',
    note: 'U+0399',
  },
  {
    label: 'Cyrillic Р U+0420',
    entry: 'LO-GRK',
    given: 'Ignacio',
    family: '\u0420eralta',
    dob: '1991-02-14',
    note: 'U+0420',
  },
  {
    label: 'every look-alike at once',
    entry: 'LO-CYR',
    given: 'R\u043E\u0441\u0456\u043E',
    family: '\u0420\u0430\u0441h\u0435\u0441\u043E \u039F\u0441\u0430m\u0440\u043E',
    dob: '1979-06-02',
    note: 'U+0441',
  },
  {
    label: 'a whole word in Cyrillic capitals (ОСАМРО)',
    entry: 'LO-CYR',
    given: 'Rocio',
    family: 'Pacheco \u041E\u0421\u0410\u041C\u0420\u041E',
    dob: '1979-06-02',
    note: 'U+0421',
  },
  {
    label: 'invisible and look-alike together',
    entry: 'LO-CYR',
    given: 'Rocio',
    family: 'Pa\u200B\u0441heco Ocampo',
    dob: '1979-06-02',
    note: 'U+200B',
  },
];

const CONTROLS = {
  plain: { label: 'the exact name', entry: 'LO-INV', given: 'Hector', family: 'Salgado', dob: '1984-03-17' },
  latinForCyrillic: {
    label: 'Latin transliteration of a Cyrillic entry',
    entry: 'LO-RUS',
    given: 'Aleksandr',
    family: 'Shcherbakov',
    dob: '1975-01-09',
  },
  cyrillic: {
    label: 'Cyrillic name, as listed',
    entry: 'LO-RUS',
    given: 'Александр',
    family: 'Щербаков',
    dob: '1975-01-09',
  },
};
// Not on the list: the right name born elsewhen, and an ordinary Cyrillic name on an entry's birth date.
const DECOYS = [
  { given: 'Hector', family: 'Sa\u200Blgado', dob: '1993-03-17' },
  { given: 'Мария', family: 'Соколова', dob: '1979-06-02' },
  { given: 'Rocio', family: 'Pacheco Ocampo', dob: '1969-06-02' },
];

let app: AppContext;
const ids = new Map<string, string>();
let n = 0;
const person = (
  c: { given: string; family: string; dob: string },
  over: Partial<Extract<FeedRecord, { type: 'applicant' }>> = {},
  key?: string,
) => {
  const i = ++n;
  if (key) ids.set(key, `A${i}`);
  return applicant(i, {
    groupId: `G${i}`,
    givenNames: c.given,
    familyNames: c.family,
    nameAsWritten: `${c.given} ${c.family}`,
    dob: c.dob,
    photo: null,
    ...over,
  });
};

/** A home given by three applicants of one family whose name carries invisible characters. */
const oneFamily = [
  ['Lucía', 'Montoya'],
  ['Pedro', 'Mon\u00ADtoya'],
  ['Ana', 'Mont\u200Boya'],
].map(([g, f]) =>
  person(
    { given: g!, family: f!, dob: '1970-05-05' },
    { address: { line1: '12 Birch Ln', line2: null, city: 'Yuma', state: 'AZ', zip: '85364' } },
  ),
);
/** Three unrelated households at one home, one typing an invisible character in the street. */
const threeHomes = [
  ['Jorge', 'Ruiz', '77 Palm Ave Apt 3'],
  ['Marie', 'Baptiste', '77 PALM AVENUE #3'],
  ['Ana', 'Costa', '77 Pa\u200Blm Ave Apt 3'],
].map(([g, f, line1], k) =>
  person(
    { given: g!, family: f!, dob: `1960-01-0${k + 1}` },
    { address: { line1: line1!, line2: null, city: 'Miami', state: 'FL', zip: '33101' } },
    `home-${k}`,
  ),
);
/** One person booked twice, the second time with a zero-width space in the family name. */
const twice = [
  person({ given: 'Marisol', family: 'Cárdenas', dob: '1988-08-08' }, {}, 'twice-0'),
  person({ given: 'Marisol', family: 'Cá\u200Brdenas', dob: '1988-08-08' }, {}, 'twice-1'),
];

const evasions = EVASIONS.map((c) => person(c, {}, c.label));
const controls = Object.entries(CONTROLS).map(([k, c]) => person(c, {}, k));
const decoys = DECOYS.map((c, k) => person(c, {}, `decoy-${k}`));

const openFlags = (rule: string) =>
  app.db
    .prepare<[string], { applicant_id: string; match_key: string; evidence: string; explanation: string }>(
      "SELECT applicant_id, match_key, evidence, explanation FROM flags WHERE rule_id = ? AND status = 'open'",
    )
    .all(rule);
const flagSet = () =>
  app.db
    .prepare(
      "SELECT rule_id || ' ' || applicant_id || ' ' || match_key AS f FROM flags WHERE status = 'open' ORDER BY f",
    )
    .all();

beforeAll(async () => {
  app = testApp();
  const engine = new SyncEngine(app.db, app.photos, app.audit);
  const hooks = { onBatchApplied: (r: { applicantIds: string[] }) => app.flags.afterBatch(r.applicantIds) };
  // Day 1 brings the lookout list (LOOKOUT_MATCH over everyone, as the sync controller runs it);
  // day 2's applicants meet the list already held, in the per-batch path.
  const half = Math.ceil(evasions.length / 2);
  const day1 = new MemoryFeed(
    dayOf(PORT, '2026-11-22', [
      [...evasions.slice(0, half), ...oneFamily],
      [...controls, ...twice],
    ]),
  );
  day1.lookoutList = { version: 1, entries: ENTRIES };
  const r1 = await engine.syncDay(day1, PORT, '2026-11-22', hooks);
  expect(r1.lookoutVersion).toBe(1);
  app.flags.engine.recomputeAll(['LOOKOUT_MATCH']);
  const day2 = new MemoryFeed(dayOf(PORT, '2026-11-23', [[...evasions.slice(half), ...threeHomes], decoys]));
  day2.lookoutList = { version: 1, entries: ENTRIES };
  const r2 = await engine.syncDay(day2, PORT, '2026-11-23', hooks);
  expect(r2.lookoutVersion).toBeNull();
});
afterAll(() => app.close());

describe('names that only look alike', () => {
  it('every evasion is flagged LOOKOUT_MATCH against its entry', () => {
    const hits = new Set(openFlags('LOOKOUT_MATCH').map((f) => `${f.applicant_id} ${f.match_key}`));
    const missed = EVASIONS.filter((c) => !hits.has(`${ids.get(c.label)} ${c.entry}`)).map((c) => c.label);
    expect(missed).toEqual([]);
  });

  it('legitimate Cyrillic names still match through transliteration; near misses do not', () => {
    const flagged = new Map(openFlags('LOOKOUT_MATCH').map((f) => [f.applicant_id, f.match_key]));
    for (const [k, c] of Object.entries(CONTROLS)) expect(flagged.get(ids.get(k)!), c.label).toBe(c.entry);
    for (let k = 0; k < DECOYS.length; k++)
      expect(flagged.has(ids.get(`decoy-${k}`)!), DECOYS[k]!.family).toBe(false);
  });

  it('a flag on a name with hidden or look-alike characters says so; the name is kept as received', () => {
    const byApplicant = new Map(openFlags('LOOKOUT_MATCH').map((f) => [f.applicant_id, f]));
    for (const c of EVASIONS) {
      const f = byApplicant.get(ids.get(c.label)!);
      if (!f) continue; // reported by the recall test
      const e = JSON.parse(f.evidence) as { summary: string; nameNotes?: string[] };
      expect(e.nameNotes?.join(' '), c.label).toContain(c.note!);
      expect(e.summary, c.label).toMatch(/name as received/);
      expect(f.explanation, c.label).toContain(c.note!);
    }
    const plain = JSON.parse(byApplicant.get(ids.get('plain')!)!.evidence) as { nameNotes?: string[] };
    expect(plain.nameNotes ?? []).toEqual([]);
    const cyr = JSON.parse(byApplicant.get(ids.get('cyrillic')!)!.evidence) as { nameNotes?: string[] };
    expect(cyr.nameNotes ?? [], 'an all-Cyrillic name is not a look-alike').toEqual([]);
    const stored = app.db
      .prepare('SELECT family_names AS f FROM applicants WHERE applicant_id = ?')
      .get(ids.get('U+200B inside the family name')!) as { f: string };
    expect(stored.f).toBe('Sa\u200Blgado');
  });

  it('IDENTITY_DUPLICATE: one person booked twice, once with a zero-width space, is one identity', () => {
    const flagged = openFlags('IDENTITY_DUPLICATE').map((f) => f.applicant_id);
    expect(flagged).toContain(ids.get('twice-0'));
    expect(flagged).toContain(ids.get('twice-1'));
    const f = openFlags('IDENTITY_DUPLICATE').find((x) => x.applicant_id === ids.get('twice-1'))!;
    expect(f.explanation).toContain('U+200B');
  });

  it('households: one family is one household however its name is spelled invisibly; an address too', () => {
    const flagged = new Set(openFlags('SHARED_ADDRESS').map((f) => f.applicant_id));
    for (const p of oneFamily) expect(flagged.has(p.applicantId), p.familyNames).toBe(false);
    for (let k = 0; k < 3; k++) expect(flagged.has(ids.get(`home-${k}`)!), `home ${k}`).toBe(true);
  });

  it('incremental flags at ingest equal a full recompute', () => {
    const incremental = flagSet();
    app.flags.engine.recomputeAll();
    expect(flagSet()).toEqual(incremental);
  });

  it('a database keyed by the previous normaliser (keys version 101) is re-keyed and re-flagged at start-up', () => {
    const id = ids.get('U+200B inside the family name')!;
    // As an older build left it: its keys, its version, and none of the new flags.
    app.db
      .prepare(
        "UPDATE applicants SET keys_version = 101, name_tokens = 'HECTOR SA LGADO', surname_tokens = 'SA LGADO'",
      )
      .run();
    app.db.prepare("DELETE FROM flags WHERE rule_id = 'LOOKOUT_MATCH' AND applicant_id = ?").run(id);
    expect(app.flags.catchUp()).toBe(n);
    const row = app.db
      .prepare('SELECT keys_version AS v, surname_tokens AS s FROM applicants WHERE applicant_id = ?')
      .get(id) as { v: number; s: string };
    expect(row).toEqual({ v: KEYS_VERSION, s: 'SALGADO' });
    expect(openFlags('LOOKOUT_MATCH').some((f) => f.applicant_id === id && f.match_key === 'LO-INV')).toBe(
      true,
    );
  });
});

describe('the normaliser behind every name key', () => {
  it('drops invisible characters and reads look-alikes in Latin words as Latin; keeps Cyrillic by sound', () => {
    const plain = nameTokens('Hector', 'Salgado');
    for (const c of [...INVISIBLE, ...OTHER_INVISIBLE])
      expect(nameTokens('Hector', `Sa${c}lgado`), cp(c)).toEqual(plain);
    expect(nameTokens('\u0399gnacio', 'Pa\u0441he\u0441\u043E')).toEqual(nameTokens('Ignacio', 'Pacheco'));
    // A Cyrillic name is a Cyrillic name: transliterated, not read by shape (Р is R here).
    expect(nameTokens('Щербаков')).toEqual(nameTokens('Shcherbakov'));
    expect(nameTokens('Рома')).toEqual(nameTokens('Roma'));
    expect(shapeTokens('Hector', 'Salgado')).toBeNull();
    expect(shapeTokens('Pacheco', 'ОСАМРО')).toEqual(nameTokens('Pacheco', 'Ocampo'));
    // Latin letters with no decomposition are spelled in ASCII, not turned into word breaks.
    expect(nameTokens('Søren', 'Łukasz')).toEqual(nameTokens('Soren', 'Lukasz'));
    // Fullwidth and other compatibility forms fold through NFKC.
    expect(nameTokens('Ｈｅｃｔｏｒ')).toEqual(nameTokens('Hector'));
    // Scripts that imitate nothing are left alone (no junk Latin from Arabic or Han).
    expect(nameTokens('محمد', '王')).toEqual([]);
  });

  it('notes say what was hidden, per field; a plain name or a wholly Cyrillic one has none', () => {
    expect(nameNotes('Hector', 'Sa\u200Blgado')).toEqual([
      'the family names hold an invisible character (U+200B zero width space), ignored for matching',
    ]);
    expect(nameNotes('R\u043Ecio', 'Pacheco')).toEqual([
      'the given names mix in letters of another script that look like Latin ones (Cyrillic \u043E U+043E read as o)',
    ]);
    expect(nameNotes('Hector', 'Salgado')).toEqual([]);
    expect(nameNotes('José', 'Pérez')).toEqual([]);
    expect(nameNotes('Александр', 'Щербаков')).toEqual([]);
  });

  it('addresses, mailboxes, phones and devices are read the same way', () => {
    expect(normaliseAddress({ line1: '77 Pa\u200Blm Ave', line2: null, zip: '33101' }).key).toBe(
      normaliseAddress({ line1: '77 Palm Ave', line2: null, zip: '33101' }).key,
    );
    expect(normaliseEmail('tramites\u200Brapidos1@gmail.com')).toBe('tramitesrapidos1@gmail.com');
    expect(normalisePhone('+1 619\u200B555 0123')).toBe('+16195550123');
    expect(normaliseDevice('ios-ca23\u2060-b257')).toBe('ios-ca23-b257');
  });
});
