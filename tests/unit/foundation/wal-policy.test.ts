// Runs in: vitest (Node, real encrypted SQLite files). The checkpoint policy (main/db/wal.ts):
// commits leave the log alone below the cap, the idle-time checkpoint folds it in, repeated
// commits with no idle moment never take it far past the cap, a second connection reads what
// was committed throughout, and closing leaves no log behind.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dbPath, openDatabase, openDatabaseFile, type Db } from '../../../main/db/database';
import { databaseKey } from '../../../main/db/encryption';
import { readDataKey } from '../../../main/platform/data-key';
import { checkpointIdle, WAL_CAP_PAGES } from '../../../main/db/wal';
import { tempDir } from '../../helpers/temp-dir';
import { testApp } from '../../helpers/app';

/** Pages (frames) the log file can hold at its present size. */
function logFrames(dir: string, db: Db): number {
  const wal = `${dbPath(dir)}-wal`;
  if (!fs.existsSync(wal)) return 0;
  const page = db.pragma('page_size', { simple: true }) as number;
  return Math.max(0, Math.floor((fs.statSync(wal).size - 32) / (page + 24)));
}

/** One transaction writing about `pages` new pages (rows of random bytes, one page each). */
function commit(db: Db, pages: number): void {
  db.prepare(
    'INSERT INTO scratch (b) SELECT randomblob(3900) FROM (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ?) SELECT n FROM s)',
  ).run(pages);
}

function scratchDb() {
  const dir = tempDir();
  const db = openDatabase(dir);
  db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, b BLOB)');
  return { dir, db };
}

/** The rows another process (as the CLI would) reads from the database, log included. */
function rowsInOtherProcess(dir: string): number {
  const key = databaseKey(readDataKey(dir)!).toString('hex');
  const script = `const D = require('better-sqlite3-multiple-ciphers');
    const db = new D(process.env.DB_FILE, { readonly: true });
    db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.pragma("key = 'raw:" + process.env.DB_KEY + "'");
    process.stdout.write(String(db.prepare('SELECT COUNT(*) AS n FROM scratch').get().n)); db.close();`;
  const r = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, DB_FILE: dbPath(dir), DB_KEY: key },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout);
}

const rows = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM scratch').get() as { n: number }).n;

describe('WAL checkpoint policy', () => {
  it('commits leave the log to the idle-time checkpoint, which folds all of it in', () => {
    const { db } = scratchDb();
    try {
      checkpointIdle(db);
      // 2,000 pages in 20 commits: SQLite's default would have checkpointed inside the commit crossing 1,000.
      for (let i = 0; i < 20; i++) commit(db, 100);
      const idle = checkpointIdle(db)!;
      expect(idle.busy).toBe(false);
      expect(idle.logPages).toBeGreaterThan(2000);
      expect(idle.logPages).toBeLessThan(WAL_CAP_PAGES);
      expect(idle.checkpointed).toBe(idle.logPages);
      // All of it is in the file now: the next commit starts the log over, from its first page.
      commit(db, 5);
      const next = checkpointIdle(db)!;
      expect(next.logPages).toBeLessThan(20);
      expect(next.checkpointed).toBe(next.logPages);
      // Never inside a transaction (it would checkpoint half of one).
      db.transaction(() => expect(checkpointIdle(db)).toBeNull())();
    } finally {
      db.close();
    }
  });

  it('never lets the log grow far past the cap under back-to-back commits, readers in this process and another reading along', () => {
    const { dir, db } = scratchDb();
    const reader = openDatabaseFile(dir, { readonly: true });
    try {
      let written = 0;
      let most = 0;
      for (let i = 0; i < 60; i++) {
        commit(db, 100);
        written += 100;
        most = Math.max(most, logFrames(dir, db));
        // Another process's reader (the CLI) sees every commit, log or file.
        if (i % 10 === 9) expect(rows(reader)).toBe(written);
        if (i % 25 === 24) expect(rowsInOtherProcess(dir)).toBe(written);
      }
      expect(written).toBeGreaterThan(WAL_CAP_PAGES);
      // The cap, plus what the commit crossing it wrote (it checkpoints, then the log starts over).
      expect(most).toBeGreaterThan(2000);
      expect(most).toBeLessThanOrEqual(WAL_CAP_PAGES + 150);
      expect(rows(reader)).toBe(written);
    } finally {
      reader.close();
      db.close();
    }
  });

  it('closing leaves no log behind, and the file alone holds everything', () => {
    const { dir, db } = scratchDb();
    for (let i = 0; i < 10; i++) commit(db, 100);
    expect(logFrames(dir, db)).toBeGreaterThan(900);
    db.close();
    const wal = `${dbPath(dir)}-wal`;
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    const again = openDatabaseFile(dir, { readonly: true });
    try {
      expect(rows(again)).toBe(1000);
    } finally {
      again.close();
    }
  });

  it('the idle-time upkeep after a sync checkpoints, even with no fresh keys to merge', async () => {
    const app = testApp();
    try {
      app.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, b BLOB)');
      commit(app.db, 1500);
      expect(await app.flags.maintain()).toBe(0);
      // It folded all 1,500 pages in: the next commit starts the log over.
      commit(app.db, 5);
      const after = checkpointIdle(app.db)!;
      expect(after.logPages).toBeLessThan(20);
      const reader = openDatabaseFile(app.dataDir, { readonly: true });
      try {
        expect(rows(reader)).toBe(1505);
      } finally {
        reader.close();
      }
    } finally {
      await app.close();
    }
  });
});
