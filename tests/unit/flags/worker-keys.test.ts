// Runs in: tests (Node, a real feed server on 127.0.0.1, the real verify worker). Matching keys
// worked out on the verify worker and handed to the flags step: the same keys and flags as the
// step making every key itself, which it then does only for what the worker could not (a record
// corrected later); and the flags step's table survives a step that failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlagEngine } from '../../../main/flags/engine';
import { RULES } from '../../../main/flags/rules/index';
import type { Rule } from '../../../main/flags/rules/rule';
import { KEYS_VERSION, type ApplicantKeys } from '../../../main/flags/keys';
import type { GeneratedFeed } from '../../../main/feed/generator/index';
import type { FeedServer } from '../../../main/feed/server';
import { OnlineFeedSource } from '../../../main/sync/online-source';
import { KEYS, localConsole, serve } from '../../helpers/feed';
import { column } from '../../helpers/sql';

const PORTS = ['SYS', 'ELP'];
const DATES = ['2026-11-21', '2026-11-22'];
let server: FeedServer;
let corrected = 0;

beforeAll(async () => {
  let feed: GeneratedFeed;
  ({ server, feed } = await serve({ ports: PORTS, dates: DATES, perPortPerDay: 250, seed: 57 }));
  // A correction marks its applicant's keys stale, whoever made them: the step makes those again.
  for (const day of feed.days)
    corrected += new Set(day.amendments.flatMap((r) => (r.type === 'correction' ? [r.applicantId] : [])))
      .size;
});
afterAll(() => server.close());

const keysOf = (c: ReturnType<typeof localConsole>) =>
  column(
    c.db,
    `SELECT applicant_id || '|' || addr_key || '|' || phone_key || '|' || email_key || '|' || device_key || '|' ||
       coalesce(doc_key, '') || '|' || name_tokens || '|' || surname_tokens || '|' || keys_version AS k
     FROM applicants ORDER BY applicant_id`,
  );
const flagsOf = (c: ReturnType<typeof localConsole>) =>
  column(
    c.db,
    `SELECT rule_id || ' ' || applicant_id || ' ' || match_key || ' ' || severity || ' ' || status || ' ' || evidence AS f
     FROM flags ORDER BY f`,
  );

async function syncAll(
  c: ReturnType<typeof localConsole>,
  hooks: Parameters<ReturnType<typeof localConsole>['engine']['syncDay']>[3],
): Promise<void> {
  const src = new OnlineFeedSource(server.url, KEYS);
  for (const port of PORTS) for (const date of DATES) await c.engine.syncDay(src, port, date, hooks);
}

describe('matching keys made on the verify worker', () => {
  it('give the same keys and flags as the flags step making them, and spare it that work', async () => {
    const worker = localConsole();
    const workerEngine = new FlagEngine(worker.db);
    let handed = 0;
    let madeByStep = 0;
    // The worker's keys, counting each applicant the step had to make keys for itself.
    class Counted extends Map<string, ApplicantKeys> {
      override get(id: string) {
        const k = super.get(id);
        if (!k) madeByStep++;
        return k;
      }
    }
    await syncAll(worker, {
      onBatchApplied: (r, keys) => {
        handed += keys?.size ?? 0;
        workerEngine.updateFor(r.applicantIds, undefined, new Counted(keys));
      },
    });

    const plain = localConsole();
    const plainEngine = new FlagEngine(plain.db);
    let madeOnMain = 0;
    await syncAll(plain, {
      onBatchApplied: (r) => void (madeOnMain += plainEngine.updateFor(r.applicantIds).keysUpdated),
    });

    expect(keysOf(worker).length).toBeGreaterThan(900);
    expect(keysOf(worker)).toEqual(keysOf(plain));
    expect(flagsOf(worker).length).toBeGreaterThan(20);
    expect(flagsOf(worker)).toEqual(flagsOf(plain));
    // The worker made every applicant's keys; the step made only the corrected ones' again.
    expect(handed).toBeGreaterThan(900);
    expect(madeOnMain).toBeGreaterThan(900);
    expect(corrected).toBeGreaterThan(0);
    expect(madeByStep).toBe(corrected);
    worker.db.close();
    plain.db.close();
  });

  it('the step keeps working after one of its runs failed and rolled back', async () => {
    const c = localConsole();
    // A rule that fails once, after another rule's result was written in the same transaction
    // (which made the step's temporary table there): the rollback takes the table with it.
    let failures = 1;
    const failOnce: Rule = {
      id: 'FAIL_ONCE',
      version: 1,
      description: 'fails the first time it runs',
      all: () => [],
      affected: () => {
        if (failures-- > 0) throw new Error('planted fault in the flags step');
        return { scope: { applicantIds: [] }, candidates: [] };
      },
    };
    const engine = new FlagEngine(c.db, {}, [...RULES, failOnce]);
    const failed: string[] = [];
    await syncAll(c, {
      onBatchApplied: (r, keys) => {
        try {
          engine.updateFor(r.applicantIds, undefined, keys);
        } catch (e) {
          failed.push((e as Error).message);
        }
      },
    });
    expect(failed).toEqual(['planted fault in the flags step']);
    // The failed batch's applicants kept stale keys, as the start-up catch-up finds them.
    const stale = column(c.db, `SELECT applicant_id FROM applicants WHERE keys_version != ${KEYS_VERSION}`);
    expect(stale.length).toBeGreaterThan(0);
    engine.updateFor(stale);
    const clean = localConsole();
    const cleanEngine = new FlagEngine(clean.db);
    await syncAll(clean, {
      onBatchApplied: (r, keys) => void cleanEngine.updateFor(r.applicantIds, undefined, keys),
    });
    // As the app does when a lookout list arrives (after the first day here): matched again.
    engine.recomputeAll(['LOOKOUT_MATCH']);
    cleanEngine.recomputeAll(['LOOKOUT_MATCH']);
    const open = (x: typeof c) =>
      column(
        x.db,
        "SELECT rule_id || ' ' || applicant_id || ' ' || match_key FROM flags WHERE status = 'open' ORDER BY 1",
      );
    expect(open(c).length).toBeGreaterThan(20);
    expect(open(c)).toEqual(open(clean));
    c.db.close();
    clean.db.close();
  });
});
