// Runs in: tests (Node). A data folder at the schema just before one migration, holding rows
// written the way the app wrote them then: the start of each migration's own test.
import Database from 'better-sqlite3';
import { dbPath, loadMigrations, openDatabase } from '../../main/db/database';
import { tempDir } from './temp-dir';

/** `index` is the migration's place in the list (its number - 1), for the test to check. */
export function folderBefore(
  migration: string,
  write: (db: Database.Database) => void,
): { dir: string; index: number } {
  const all = loadMigrations();
  const index = all.findIndex((m) => m.name === migration);
  if (index < 0) throw new Error(`No migration named ${migration}`);
  const dir = tempDir();
  openDatabase(dir, { migrations: all.slice(0, index) }).close();
  const db = new Database(dbPath(dir));
  try {
    write(db);
  } finally {
    db.close();
  }
  return { dir, index };
}
