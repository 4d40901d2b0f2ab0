// Runs in: vitest (Node, real SQLite files). Before the first start of a new version the
// database is backed up byte for byte; a migration of the new version that fails puts it back
// exactly (the file is byte-identical to its backup and to what the old version left), says so
// plainly and refuses to run; an update cut off half way is undone at the next start; a newer
// database under an older app is refused, unchanged, as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dbPath,
  loadMigrations,
  openDatabase,
  type Migration,
  openDatabaseFile,
} from '../../../main/db/database';
import { refusal } from '../../helpers/refusal';
import { fileHash, tempDir } from '../../helpers/temp-dir';

const migrations = loadMigrations();
const next = (n: number, name: string, sql: string): Migration => ({
  version: migrations.length + n,
  name: `${String(migrations.length + n).padStart(4, '0')}_${name}.sql`,
  sql,
});
const GOOD = next(1, 'add_notes', 'CREATE TABLE release_notes (id INTEGER PRIMARY KEY, body TEXT);');
const BAD = next(
  2,
  'broken',
  'ALTER TABLE release_notes ADD COLUMN seen INTEGER; INSERT INTO missing_table VALUES (1);',
);

const backups = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));

/** The old version's database with some data in it, closed as the old app leaves it. */
function oldVersionDb(): { dir: string; hash: string } {
  const dir = tempDir();
  const db = openDatabase(dir, { appVersion: '0.1.0' });
  db.prepare("INSERT INTO settings (key, value) VALUES ('retentionDays', '45')").run();
  db.close();
  return { dir, hash: fileHash(dbPath(dir)) };
}

describe('database across app versions', () => {
  it('the first start of a new version backs the database up first, even with no schema change', () => {
    const { dir, hash } = oldVersionDb();
    expect(backups(dir)).toEqual([]);
    openDatabase(dir, { appVersion: '0.2.0' }).close();
    const [bak] = backups(dir);
    expect(bak).toMatch(new RegExp(`^arrivals\\.db\\.v${migrations.length}\\.before-0\\.2\\.0\\..*\\.bak$`));
    expect(fileHash(path.join(dir, bak!))).toBe(hash);
    openDatabase(dir, { appVersion: '0.2.0' }).close();
    expect(backups(dir)).toHaveLength(1);
  });

  it('a failed migration in the new version leaves the database byte-identical to its backup', () => {
    const { dir, hash } = oldVersionDb();
    const err = refusal(() =>
      openDatabase(dir, { appVersion: '0.2.0', migrations: [...migrations, GOOD, BAD] }),
    );
    expect(err.code).toBe('DB_MIGRATION_FAILED');
    expect(err.message).toMatch(
      new RegExp(`schema ${BAD.version} \\(${BAD.name}\\) failed: no such table: missing_table`),
    );
    expect(err.message).toMatch(/put back exactly as it was before the update.*nothing was lost/);
    expect(err.message).toMatch(/cannot run on it: reinstall the previous version/);
    const [bak] = backups(dir);
    expect(fileHash(path.join(dir, bak!))).toBe(hash);
    expect(fileHash(dbPath(dir))).toBe(fileHash(path.join(dir, bak!)));
    expect(fs.readdirSync(dir).filter((f) => /-wal$|-shm$|\.migrating$|\.restoring$/.test(f))).toEqual([]);
    // Not half-migrated: the migration before the broken one is gone with it.
    const raw = openDatabaseFile(dir, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'release_notes'").get()).toBeUndefined();
    expect(raw.prepare("SELECT value FROM settings WHERE key = 'retentionDays'").get()).toEqual({
      value: '45',
    });
    raw.close();
    // The old version still runs on it.
    openDatabase(dir, { appVersion: '0.1.0' }).close();
  });

  it('an update cut off between two migrations is undone at the next start, from its backup', () => {
    const { dir, hash } = oldVersionDb();
    // What a kill after GOOD committed leaves: the marker naming the backup, a half-updated file.
    fs.copyFileSync(dbPath(dir), path.join(dir, 'arrivals.db.manual.bak'));
    const half = openDatabaseFile(dir);
    half.exec(GOOD.sql);
    half.pragma(`user_version = ${GOOD.version}`);
    half.close();
    fs.writeFileSync(
      `${dbPath(dir)}.migrating`,
      JSON.stringify({
        backup: path.join(dir, 'arrivals.db.manual.bak'),
        from: migrations.length,
        to: BAD.version,
      }),
    );
    expect(fileHash(dbPath(dir))).not.toBe(hash);
    const db = openDatabase(dir, { migrations, migrate: false });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
    expect(fileHash(dbPath(dir))).toBe(hash);
    expect(fs.existsSync(`${dbPath(dir)}.migrating`)).toBe(false);
  });

  it('refuses to run on a half-updated file whose backup is gone', () => {
    const { dir, hash } = oldVersionDb();
    fs.writeFileSync(
      `${dbPath(dir)}.migrating`,
      JSON.stringify({ backup: path.join(dir, 'gone.bak'), from: 1, to: 2 }),
    );
    const err = refusal(() => openDatabase(dir, { appVersion: '0.2.0' }));
    expect(err.code).toBe('DB_HALF_MIGRATED');
    expect(err.message).toMatch(/may be half-updated\. The app will not run on it/);
    expect(fileHash(dbPath(dir))).toBe(hash);
  });

  it('a downgrade (older app, newer database) is refused and changes nothing', () => {
    const { dir } = oldVersionDb();
    openDatabase(dir, { appVersion: '0.2.0', migrations: [...migrations, GOOD] }).close();
    const before = fileHash(dbPath(dir));
    const count = backups(dir).length;
    const err = refusal(() => openDatabase(dir, { appVersion: '0.1.0', migrations }));
    expect(err.code).toBe('DB_TOO_NEW');
    expect(err.message).toMatch(/written by a newer version.*The database was not changed/);
    expect(fileHash(dbPath(dir))).toBe(before);
    expect(backups(dir)).toHaveLength(count);
  });
});
