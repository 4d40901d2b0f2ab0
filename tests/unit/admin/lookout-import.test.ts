// Runs in: tests (Node). An admin's lookout-list import on a real SQLite file: every row checked
// and each problem named by its line; nothing applied while one remains; applied whole with a
// new version, its source recorded and LOOKOUT_MATCH run again; a signed list checked against
// the pinned keys; a failure half-way leaves the list, its flags and the audit log as they were.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { generateSigningKey, signEnvelope } from '../../../main/feed/signing';
import { importLookout, lookoutStatus, previewLookout } from '../../../main/flags/lookout-import';
import { parseCsv } from '../../../main/flags/lookout-csv';
import { testApp } from '../../helpers/app';
import { applicant } from '../../helpers/memory-feed';
import { seedPortDay } from '../../helpers/port-day';
import { tempDir } from '../../helpers/temp-dir';

const HEADER = 'entry_id,given_names,family_names,aliases,dob,reason_code';
const GOOD = [
  HEADER,
  'L-1,Monica,Ibarra,"Ibarra, M.;Moni",1979-08-23,WARRANT',
  'L-2,Ana,Quiroga,,1971,PRIOR_REMOVAL',
].join('\r\n');
const key = generateSigningKey('publisher-2027');

let app: AppContext;
afterEach(() => app?.close());

/** A configured console (the publisher key pinned) holding one port-day; A1 is Monica Ibarra. */
function console_() {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({
      port: 'SYS',
      feedUrl: 'https://feed.example.gov/',
      publisherKeys: { 'publisher-2027': key.publicPem },
    }),
  );
  app = testApp(dir);
  seedPortDay(app.db, 'SYS', '2026-11-22', [
    applicant(1, { givenNames: 'Mónica', familyNames: 'Ibarra', dob: '1979-08-23' }),
    applicant(2),
    applicant(3, { givenNames: 'Ana', familyNames: 'Quiroga', dob: '1990-05-05' }),
  ]);
  app.flags.engine.recomputeAll();
  return app;
}

const lookoutFlags = () =>
  app.db
    .prepare("SELECT applicant_id, match_key FROM flags WHERE rule_id = 'LOOKOUT_MATCH' AND status = 'open'")
    .all();
/** The list, where it came from, and every flag: what an import may change. */
const snapshot = () =>
  JSON.stringify(
    ['lookout_entries', 'lookout_meta', 'flags'].map((t) =>
      app.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all(),
    ),
  );
const imports = () => app.audit.recent(50).filter((e) => e.action === 'lookout.import');

describe('CSV import', () => {
  it('reports each bad row by its line and applies nothing until the file is fixed', () => {
    console_();
    const bad = [
      GOOD,
      'L-3,Bruno,Vidal,,1985-13-40,WARRANT',
      'L-4,,Ortega,,1980-01-01,WARRANT',
      'L-1,Monica,Ibarra,,1979-08-23,WARRANT',
      'L-5,Rosa,Mena,,,WARRANT',
      'L-6,Luis,Paz,1990-01-01,WARRANT',
    ].join('\r\n');
    const before = snapshot();
    const p = previewLookout(app, { fileName: 'lookout.csv', content: bad });
    expect(p).toMatchObject({ format: 'csv', entries: 7, canApply: false, version: 1, problemsTotal: 5 });
    expect(p.problems.map((x) => [x.line, x.entryId])).toEqual([
      [4, 'L-3'],
      [5, 'L-4'],
      [6, 'L-1'],
      [7, 'L-5'],
      [8, 'L-6'],
    ]);
    expect(p.problems[0]!.message).toBe(
      'Date of birth "1985-13-40" is not a real past date; write it as YYYY-MM-DD, e.g. 1985-04-12.',
    );
    expect(p.problems[1]!.message).toBe('Given names must not be empty.');
    expect(p.problems[2]!.message).toContain('Entry ID L-1 is used twice (also on 2)');
    expect(p.problems[3]!.message).toContain('Give a date of birth (YYYY-MM-DD) or a year of birth');
    expect(p.problems[4]!.message).toContain('This line has 5 fields; the header has 6.');
    // Nothing in any message names a channel or a schema path.
    expect(JSON.stringify(p.problems)).not.toMatch(/lookout\.|entries\.\d|\bdob_?year\b\./);

    expect(() => importLookout(app, 'adm.one', { fileName: 'lookout.csv', content: bad })).toThrow(
      /^Nothing was applied: the file has 5 problems \(first: line 4: Date of birth/,
    );
    expect(snapshot()).toBe(before);
    expect(lookoutStatus(app)).toMatchObject({ version: 0, entries: 0, source: null });
    expect(imports()).toHaveLength(0);
  });

  it('applies the fixed file whole with a version and its source, and LOOKOUT_MATCH runs again', () => {
    console_();
    expect(lookoutFlags()).toEqual([]);
    const p = previewLookout(app, { fileName: 'lookout.csv', content: GOOD });
    expect(p).toMatchObject({ canApply: true, problems: [], entries: 2, version: 1 });
    expect(p.sample[0]).toEqual({
      entryId: 'L-1',
      givenNames: 'Monica',
      familyNames: 'Ibarra',
      aliases: ['Ibarra, M.', 'Moni'],
      dob: '1979-08-23',
      dobYear: null,
      reasonCode: 'WARRANT',
    });
    expect(p.sample[1]).toMatchObject({ dob: null, dobYear: 1971 });

    const status = importLookout(app, 'adm.one', { fileName: 'lookout.csv', content: GOOD });
    expect(status).toMatchObject({
      version: 1,
      entries: 2,
      source: 'csv',
      keyId: null,
      fileName: 'lookout.csv',
      importedBy: 'adm.one',
      matches: { applicants: 1, byEntry: [{ entryId: 'L-1', applicants: 1 }] },
    });
    expect(lookoutFlags()).toEqual([{ applicant_id: 'A1', match_key: 'L-1' }]);
    expect(imports()[0]).toMatchObject({
      actor: 'adm.one',
      subject: 'lookout:v1',
      details: { source: 'csv', fileName: 'lookout.csv', version: 1, entries: 2 },
    });

    // The next list replaces this one whole: L-1 is gone, so is its match; Ana Quiroga's is new.
    const next = [HEADER, 'Q-1,Ana,Quiroga,,1990-05-05,WARRANT'].join('\n');
    expect(importLookout(app, 'adm.two', { fileName: 'next.csv', content: next })).toMatchObject({
      version: 2,
      entries: 1,
      importedBy: 'adm.two',
      matches: { applicants: 1, byEntry: [{ entryId: 'Q-1', applicants: 1 }] },
    });
    expect(lookoutFlags()).toEqual([{ applicant_id: 'A3', match_key: 'Q-1' }]);
  });

  it('refuses a column that is not part of a lookout list, and names the line after a multi-line field', () => {
    console_();
    const extra = previewLookout(app, {
      fileName: 'l.csv',
      content: `${HEADER},nationality\nL-1,Monica,Ibarra,,1979-08-23,WARRANT,MEX`,
    });
    expect(extra.problems).toEqual([
      {
        line: null,
        entryId: null,
        message: expect.stringContaining('"nationality" is not part of a lookout list'),
      },
    ]);
    const multi = previewLookout(app, {
      fileName: 'l.csv',
      content: `${HEADER}\nL-1,"Maria\nJose",Paz,,1979-08-23,WARRANT\nL-2,Rosa,Mena,,19xx,WARRANT`,
    });
    expect(multi.problems.map((x) => x.line)).toEqual([4]);
    expect(parseCsv('a,"b ""q"", c"\r\n\r\n1,2').records).toEqual([
      { line: 1, cells: ['a', 'b "q", c'] },
      { line: 3, cells: ['1', '2'] },
    ]);
    expect(parseCsv('a,"open\n1,2').error).toBe(
      'A quoted field that starts on line 1 is never closed (a " is missing).',
    );
  });

  it('a failure half-way through applying leaves the list, its flags and the audit log as they were', () => {
    console_();
    importLookout(app, 'adm.one', { fileName: 'lookout.csv', content: GOOD });
    const before = snapshot();
    const audited = app.audit.recent(1)[0]!.seq;
    // The second entry cannot be written (as a full disk would refuse it).
    app.db.exec(
      "CREATE TEMP TRIGGER fail_write BEFORE INSERT ON lookout_entries WHEN NEW.entry_id = 'Q-2' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const next = [HEADER, 'Q-1,Ana,Quiroga,,1990-05-05,WARRANT', 'Q-2,Rosa,Mena,,1970,WARRANT'].join('\n');
    expect(() => importLookout(app, 'adm.one', { fileName: 'next.csv', content: next })).toThrow(/disk full/);
    expect(snapshot()).toBe(before);
    expect(lookoutStatus(app)).toMatchObject({
      version: 1,
      fileName: 'lookout.csv',
      matches: { applicants: 1 },
    });
    expect(lookoutFlags()).toEqual([{ applicant_id: 'A1', match_key: 'L-1' }]);
    expect(app.audit.recent(1)[0]!.seq).toBe(audited);
  });
});

describe('signed JSON import', () => {
  const entries = [
    {
      entryId: 'S-1',
      givenNames: 'Monica',
      familyNames: 'Ibarra',
      aliases: [],
      dob: '1979-08-23',
      dobYear: null,
      reasonCode: 'WARRANT',
    },
  ];

  it('checks the signature against the pinned keys and keeps the signed version', () => {
    console_();
    const signed = JSON.stringify(signEnvelope({ version: 7, entries }, key.signing));
    expect(previewLookout(app, { fileName: 'lookout-v7.json', content: signed })).toMatchObject({
      format: 'signed-json',
      version: 7,
      keyId: 'publisher-2027',
      canApply: true,
    });
    expect(importLookout(app, 'adm.one', { fileName: 'lookout-v7.json', content: signed })).toMatchObject({
      version: 7,
      source: 'signed-json',
      keyId: 'publisher-2027',
      matches: { applicants: 1 },
    });

    const tampered = JSON.parse(signed) as { payload: string };
    tampered.payload = tampered.payload.replace('Ibarra', 'Ibarro');
    const forged = previewLookout(app, { fileName: 'x.json', content: JSON.stringify(tampered) });
    expect(forged.problems[0]!.message).toContain('failed its signature check');
    expect(forged.canApply).toBe(false);

    const old = JSON.stringify(signEnvelope({ version: 6, entries }, key.signing));
    expect(previewLookout(app, { fileName: 'old.json', content: old }).problems[0]!.message).toBe(
      'This list is version 6; the console already holds version 7. Import a newer list.',
    );
    const stranger = JSON.stringify(
      signEnvelope({ version: 8, entries }, generateSigningKey('other').signing),
    );
    expect(previewLookout(app, { fileName: 's.json', content: stranger }).problems[0]!.message).toContain(
      'not pinned',
    );
    expect(() => importLookout(app, 'adm.one', { fileName: 's.json', content: stranger })).toThrow(
      /Nothing was applied/,
    );
    expect(lookoutStatus(app).version).toBe(7);
  });
});
