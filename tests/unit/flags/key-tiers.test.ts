// Runs in: vitest (Node, real SQLite file). The two tiers of matching-key indexes: what the
// migration creates is what a bulk rebuild recreates, lookups use both tiers' indexes, a cluster
// split across tiers is flagged, merging changes no flag, and warming reads each index whole.
import { describe, expect, it } from 'vitest';
import { FlagEngine } from '../../../main/flags/engine';
import {
  KEY_INDEXES,
  WARM_KEY_INDEXES,
  freshCount,
  mergeFresh,
  bothTiers,
} from '../../../main/flags/key-tiers';
import { MemoryFeed, applicant, dayOf } from '../../helpers/memory-feed';
import { localConsole } from '../../helpers/feed';
import type { FeedRecord } from '../../../main/feed/schema';
import { createAppContext } from '../../../main/app-context';
import { ManifestRepository } from '../../../main/sync/manifest-repository';
import { tempDir } from '../../helpers/temp-dir';

const PORT = 'HID';
const DATE = '2026-11-22';
const home = { line1: '358 Orchard Lane', line2: null, city: 'Laredo', state: 'TX', zip: '78040' };

const day = (batches: FeedRecord[][]) => dayOf(PORT, DATE, batches);

const FAMILIES = ['Lopez', 'Baptiste', 'Ivanov', 'Costa', 'Nguyen', 'Okafor'];
const person = (i: number) =>
  applicant(i, {
    groupId: `G${i}`,
    familyNames: FAMILIES[i - 1]!,
    photo: null,
    address: { ...home, line1: i % 2 ? home.line1 : '358 ORCHARD LN.' },
  });

function openFlags(db: ReturnType<typeof localConsole>['db']) {
  return db
    .prepare(
      "SELECT applicant_id, rule_id, match_key, severity, explanation, evidence FROM flags WHERE status = 'open' ORDER BY applicant_id, rule_id",
    )
    .all();
}

describe('matching-key tiers', () => {
  it('the migration creates exactly the indexes a bulk key rebuild recreates', () => {
    const c = localConsole();
    const sql = new Map(
      (
        c.db
          .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applicants'")
          .all() as Array<{ name: string; sql: string }>
      ).map((r) => [r.name, r.sql]),
    );
    expect(KEY_INDEXES).toHaveLength(12);
    for (const [name, def] of KEY_INDEXES)
      expect(sql.get(name)).toBe(`CREATE INDEX ${name} ON applicants ${def}`);
  });

  it('a lookup by key searches both tiers through their partial indexes, never the whole table', () => {
    const c = localConsole();
    const plan = (q: string) =>
      (c.db.prepare(`EXPLAIN QUERY PLAN ${q}`).all({ key: 'x' }) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | ');
    for (const col of ['addr_key', 'phone_key', 'email_key', 'device_key', 'doc_key']) {
      const p = plan(bothTiers('SELECT applicant_id FROM applicants', `${col} = @key`));
      expect(p).toContain(`USING INDEX applicants_${col} (${col}=?)`);
      expect(p).toContain(`USING INDEX applicants_${col}_fresh (${col}=?)`);
      expect(p).not.toMatch(/SCAN applicants(?! USING)/);
    }
  });

  it('flags a cluster split across the tiers, and merging the tiers changes no flag', async () => {
    const c = localConsole();
    const engine = new FlagEngine(c.db);
    // Three households in a first batch, fully computed and merged: the main tier.
    const feed = new MemoryFeed(
      day([
        [person(1), person(2), person(3)],
        [person(4), person(5), person(6)],
      ]),
    );
    feed.lookoutList = null;
    let batch = 0;
    await c.engine.syncDay(feed, PORT, DATE, {
      onBatchApplied: (r) => {
        engine.updateFor(r.applicantIds);
        if (batch++ === 0) {
          expect(freshCount(c.db)).toBe(3);
          expect(mergeFresh(c.db)).toBe(3);
        }
      },
    });
    // The second batch's keys sit in the fresh tier, yet all six households are one cluster.
    expect(freshCount(c.db)).toBe(3);
    const split = openFlags(c.db).filter((f) => (f as { rule_id: string }).rule_id === 'SHARED_ADDRESS');
    expect(split.map((f) => (f as { applicant_id: string }).applicant_id)).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
    ]);
    expect((split[0] as { explanation: string }).explanation).toContain('which 5 other unrelated households');

    const before = openFlags(c.db);
    expect(mergeFresh(c.db)).toBe(3);
    expect(freshCount(c.db)).toBe(0);
    engine.updateFor(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(openFlags(c.db)).toEqual(before);
    engine.recomputeAll();
    expect(openFlags(c.db)).toEqual(before);
  });
});

describe('idle-time merge', () => {
  it('waits until enough fresh keys built up, then merges them all in slices', async () => {
    const app = createAppContext({ dataDir: tempDir(), shell: 'browser' });
    try {
      const repo = new ManifestRepository(app.db);
      // Distinct birth dates: one block of 2,500 namesakes would make this about identity matching.
      const records = Array.from({ length: 2500 }, (_, i) =>
        applicant(i + 1, {
          photo: null,
          dob: new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
        }),
      );
      repo.recordHeader(
        {
          port: PORT,
          serviceDate: DATE,
          version: 1,
          generatedAt: `${DATE}T05:00:00Z`,
          lastSeq: 1,
          recordCount: records.length,
        },
        'test',
      );
      const { applicantIds } = repo.applyBatch(
        { port: PORT, serviceDate: DATE, seq: 1, prevSeq: 0, records },
        'feed',
      );
      app.flags.afterBatch(applicantIds);
      expect(freshCount(app.db)).toBe(2500);
      // Below the threshold an ordinary run leaves the fresh tier alone...
      expect(await app.flags.maintain()).toBe(0);
      expect(freshCount(app.db)).toBe(2500);
      // ...forced, it empties it in slices (three here), yielding between them.
      let yielded = 0;
      const timer = setInterval(() => yielded++, 0);
      const merged = await app.flags.maintain({ force: true, pauseMs: 5 });
      clearInterval(timer);
      expect(merged).toBe(2500);
      expect(yielded).toBeGreaterThanOrEqual(2);
      expect(freshCount(app.db)).toBe(0);
    } finally {
      app.db.close();
    }
  });

  it('warming reads each main-tier key index through from the index alone, a step at a time, one run at a time', async () => {
    const app = createAppContext({ dataDir: tempDir(), shell: 'cli' });
    try {
      const main = KEY_INDEXES.map(([name]) => name).filter((n) => !n.endsWith('_fresh'));
      expect(WARM_KEY_INDEXES).toHaveLength(main.length);
      WARM_KEY_INDEXES.forEach((sql, i) => {
        const plan = app.db
          .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all()
          .map((r) => r.detail);
        // One pass over the index alone (IS NOT NULL reads as a range from the first key).
        expect(plan).toHaveLength(1);
        expect(plan[0]).toMatch(new RegExp(`^(SCAN|SEARCH) applicants USING COVERING INDEX ${main[i]}( |$)`));
      });
      let steps = 0;
      const pace = () => Promise.resolve(void steps++);
      // A second call while one runs joins it: the indexes are read once.
      const read = await Promise.all([app.flags.warmKeyIndexes(pace), app.flags.warmKeyIndexes(pace)]);
      expect(read).toEqual([main.length, main.length]);
      expect(steps).toBe(main.length);
    } finally {
      await app.close();
    }
  });
});
