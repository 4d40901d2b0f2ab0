// Runs in: tests (Node). The audit chain witnessed by the feed: a console uploads through the
// outbox (which carries its chain head), then its file is tampered with as an insider with a
// SQLite shell would; `arrivals audit verify --witness` against the real feed server names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKey, entryHash, entryMac } from '../../../main/audit/audit-log';
import { postWitnessed } from '../../../main/audit/witness';
import { openDatabaseFile, type Db } from '../../../main/db/database';
import type { FeedServer } from '../../../main/feed/server';
import { loadDataKey } from '../../../main/platform/data-key';
import { Outbox } from '../../../main/sync/outbox';
import { testApp } from '../../helpers/app';
import { forgedEntry, insertEntry, tamperAudit as tamper, type AuditRow } from '../../helpers/audit-tamper';
import { arrivalsAsync } from '../../helpers/cli';
import { queuedEncounter, serve } from '../../helpers/feed';
import { tempDir } from '../../helpers/temp-dir';

let server: FeedServer;
beforeAll(async () => {
  ({ server } = await serve({ ports: ['HID'], dates: ['2026-11-22'], perPortPerDay: 4, seed: 2 }));
});
afterAll(() => server.close());

/** Five entries, one upload (the witness holds head 5), two entries more: a closed data folder. */
async function witnessedConsole(): Promise<string> {
  const dir = tempDir();
  const app = testApp(dir);
  try {
    const add = (i: number) => app.audit.append({ actor: 'ofc.lee', action: 'case.view', subject: `A${i}` });
    [1, 2, 3, 4, 5].forEach(add);
    const outbox = new Outbox(app.db);
    outbox.enqueue('encounter', 'A1', queuedEncounter('A1'));
    expect(await outbox.flush((p) => postWitnessed(app, server.url, p))).toEqual({ sent: 1, acked: 1 });
    expect(server.auditHeads.get(app.updates.boothId)).toEqual([
      { seq: 5, hash: app.audit.hashAt(5), receivedAt: expect.any(String) },
    ]);
    [6, 7].forEach(add);
  } finally {
    await app.close();
  }
  return dir;
}

const rows = (db: Db) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
const hashOf = (db: Db, seq: number) =>
  (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string }).hash;

async function verify(dir: string, witness = true) {
  return arrivalsAsync(dir, ['audit', 'verify', ...(witness ? ['--witness', server.url] : [])]);
}

/** The witnessed check fails (exit code 1) and says why. */
async function expectBroken(dir: string, why: string) {
  const r = await verify(dir);
  expect(r.code, r.out).toBe(1);
  expect(r.out).toContain(why);
}

// Each test starts the CLI once or twice: a generous cap, so a loaded machine passes as a fast one.
describe('audit verify --witness', { timeout: 300_000 }, () => {
  it('passes an intact log, naming the witnessed entry', async () => {
    const r = await verify(await witnessedConsole());
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/intact: 7 entries verified; it holds entry 5 as the witness recorded it/);
  });

  it('catches a chain recomputed with the key after an edit (locally it verifies)', async () => {
    const dir = await witnessedConsole();
    const key = auditKey(loadDataKey(dir));
    tamper(dir, (db) => {
      db.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE seq = 2").run();
      let prev = hashOf(db, 1);
      for (const r of rows(db).slice(1)) {
        const hash = entryMac(key, prev, r);
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
        prev = hash;
      }
      db.prepare('UPDATE audit_head SET hash = ?').run(prev);
    });
    expect((await verify(dir, false)).code).toBe(0);
    await expectBroken(
      dir,
      'BROKEN at entry 5: entry 5 does not match the head the witness recorded: the log was rewritten at or before entry 5',
    );
  });

  // An insider's edit of the closed file, and what the witnessed check says of it.
  it.each<[what: string, edit: (db: Db) => void, why: string]>([
    [
      'a truncation with audit_head rewound',
      (db) => {
        db.prepare('DELETE FROM audit_log WHERE seq > 3').run();
        db.prepare('UPDATE audit_head SET seq = 3, hash = ?').run(hashOf(db, 3));
      },
      'BROKEN at entry 4: the log ends at entry 3 but the witness saw entry 5: entries were removed and the head rewound',
    ],
    [
      'a forged append hashed as the unkeyed chain was (no key)',
      (db) => {
        const forged = forgedEntry(8, { actor: 'a.admin', action: 'case.view', subject: 'A9' });
        const prev = hashOf(db, 7);
        const hash = entryHash(prev, forged);
        insertEntry(db, forged, prev, hash);
        db.prepare('UPDATE audit_head SET seq = 8, hash = ?').run(hash);
      },
      'BROKEN at entry 8: entry 8 was altered or forged after it was written',
    ],
  ])('catches %s', async (_what, edit, why) => {
    const dir = await witnessedConsole();
    tamper(dir, edit);
    await expectBroken(dir, why);
  });

  it('reports dropped protective triggers', async () => {
    const dir = await witnessedConsole();
    const db = openDatabaseFile(dir);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.close();
    await expectBroken(
      dir,
      'BROKEN: the protective triggers audit_log_no_update, audit_log_no_delete were removed or changed',
    );
  });
});
