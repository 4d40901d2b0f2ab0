// Runs in: main process and CLI. The copies of the database kept beside it (`arrivals.db.v<n>…bak`,
// made before a schema update or a new app version, database.ts) hold everyone the database held
// when they were taken. They exist to undo an update that fails at start-up; once a purge has
// removed people, a copy from before it would keep them on disk, so a purge removes the copies
// (retention.ts, window-retention.ts): personal data leaves nothing behind, not even in a backup.
import fs from 'node:fs';
import path from 'node:path';

/** The backup files of the database `file` (names only), oldest first. */
export function databaseBackups(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(`${base}.`) && /\.bak$/.test(n))
    .sort();
}

/**
 * Deletes every backup of the database `file` (they are encrypted with the folder's key, like the
 * database; deleting them is what keeps the purged out of reach). Returns the names removed.
 */
export function removeDatabaseBackups(file: string): string[] {
  const dir = path.dirname(file);
  const removed: string[] = [];
  for (const name of databaseBackups(file)) {
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
