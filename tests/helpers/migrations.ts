// Runs in: tests (Node). A data folder at the schema just before one migration, holding rows
// written the way the app wrote them then: the start of each migration's own test.
import { loadMigrations, openDatabase, openDatabaseFile, type Db } from '../../main/db/database';
import { expect } from 'vitest';
import { tempDir } from './temp-dir';

/** `index` is the migration's place in the list (its number - 1), for the test to check. */
export function folderBefore(migration: string, write: (db: Db) => void): { dir: string; index: number } {
  const all = loadMigrations();
  const index = all.findIndex((m) => m.name === migration);
  if (index < 0) throw new Error(`No migration named ${migration}`);
  const dir = tempDir();
  openDatabase(dir, { migrations: all.slice(0, index) }).close();
  const db = openDatabaseFile(dir);
  try {
    write(db);
  } finally {
    db.close();
  }
  return { dir, index };
}

/** The folder's database opened with the migrations up to and including the one at `index`. */
export function openThrough(dir: string, index: number): Db {
  return openDatabase(dir, { migrations: loadMigrations().slice(0, index + 1) });
}

/**
 * The folder's database after the migration at `index`: checks that it stands at that schema
 * version, runs the test's `check` on it and closes it, also when a check fails.
 */
export function afterMigration(dir: string, index: number, check: (db: Db) => void): void {
  const db = openThrough(dir, index);
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
    check(db);
  } finally {
    db.close();
  }
}
