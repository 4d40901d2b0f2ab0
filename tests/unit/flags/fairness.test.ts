// No rule may use nationality, country of birth, race, sex or language: checked in the code, and
// by showing that scrambling those fields changes no flag.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlagEngine } from '../../../main/flags/engine';
import { OnlineFeedSource } from '../../../main/sync/online-source';
import type { FeedServer } from '../../../main/feed/server';
import { KEYS, localConsole, serve } from '../../helpers/feed';

const FLAGS_DIR = path.join(__dirname, '../../../main/flags');
const FORBIDDEN =
  /\b(nationality|country_?of_?birth|countryOfBirth|sex|gender|race|ethnicity|language|preferred_?language)\b/i;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory()
        ? sourceFiles(path.join(dir, d.name))
        : d.name.endsWith('.ts')
          ? [path.join(dir, d.name)]
          : [],
    );
}

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('no protected attribute in any rule', () => {
  it('no flags code names a protected attribute (comments aside)', () => {
    const files = sourceFiles(FLAGS_DIR);
    expect(files.length).toBeGreaterThan(8);
    const offenders = files.filter((f) => FORBIDDEN.test(stripComments(fs.readFileSync(f, 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('the check itself would catch one', () => {
    expect(FORBIDDEN.test(stripComments("const x = db.prepare('SELECT nationality FROM applicants');"))).toBe(
      true,
    );
    expect(FORBIDDEN.test(stripComments('// nationality is never read'))).toBe(false);
  });

  let server: FeedServer;
  const c = localConsole();
  beforeAll(async () => {
    ({ server } = await serve({
      ports: ['NOG'],
      dates: ['2026-11-22'],
      perPortPerDay: 500,
      seed: 77,
      photos: false,
    }));
    await c.engine.syncDay(new OnlineFeedSource(server.url, KEYS), 'NOG', '2026-11-22');
  });
  afterAll(() => server.close());

  it('scrambling nationality, country of birth, sex and language changes no flag', () => {
    const engine = new FlagEngine(c.db);
    const snapshot = () =>
      c.db
        .prepare(
          "SELECT rule_id, applicant_id, match_key, severity, explanation FROM flags WHERE status = 'open' ORDER BY 1, 2, 3",
        )
        .all();
    engine.recomputeAll();
    const before = snapshot();
    expect(before.length).toBeGreaterThan(20);
    c.db
      .exec(`UPDATE applicants SET nationality = CASE abs(random()) % 3 WHEN 0 THEN 'USA' WHEN 1 THEN 'RUS' ELSE 'HTI' END,
               country_of_birth = 'ATA', sex = CASE sex WHEN 'F' THEN 'M' ELSE 'F' END, language = 'zz'`);
    engine.recomputeAll();
    expect(snapshot()).toEqual(before);
  });
});
