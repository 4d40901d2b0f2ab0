// Runs in: tests (Node). A data folder as the versions before encryption at rest left it: a plain
// SQLite database in WAL mode at the latest schema (opened and migrated as those versions did),
// a synced port-day (names, documents, addresses, e-mails), an account, a plain byte-for-byte
// backup, photos; the folder 0755 and its files 0644 as umask 022 made them (photo files were
// always written 0600, their folders 0755).
import fs from 'node:fs';
import path from 'node:path';
import { createUnencryptedDatabase, dbPath, loadMigrations, type Db } from '../../main/db/database';
import { AuditLog } from '../../main/audit/audit-log';
import { AccountService } from '../../main/auth/account-service';
import { PhotoStore } from '../../main/sync/photo-store';
import { SyncEngine } from '../../main/sync/sync-engine';
import { contentSummary, type ContentSummary } from '../../main/sync/content-hash';
import { loadDataKey } from '../../main/platform/data-key';
import { MemoryFeed, simpleDay } from './memory-feed';
import { tempDir } from './temp-dir';

/** Strings the plain file holds in clear (an applicant's name, address and e-mail, an account's name). */
export const PLANTED = ['Given7 Family7', '7 Main St', 'a7@example.com', 'Quintessa Planted-Officer'];

export interface PlainFolder {
  dir: string;
  /** What the synced tables hold (main/sync/content-hash.ts), and the accounts. */
  summary: ContentSummary;
  users: unknown[];
  /** The plain backup an older version made before its own first start. */
  oldBackup: string;
}

export const usersOf = (db: Db) =>
  db.prepare('SELECT username, display_name, role FROM users ORDER BY username').all();

/** Every regular file under `dir` (photos included), for mode checks and grep. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

export async function plainFolderAsBefore(dir = tempDir()): Promise<PlainFolder> {
  const file = dbPath(dir);
  const db = createUnencryptedDatabase(dir);
  const audit = new AuditLog(db);
  const photos = new PhotoStore(db, dir, loadDataKey(dir));
  await new SyncEngine(db, photos, audit).syncDay(
    new MemoryFeed(simpleDay('SYS', '2026-11-22', 40, 5)),
    'SYS',
    '2026-11-22',
  );
  await new AccountService(db, audit).createUser('cli', {
    username: 'quintessa',
    displayName: 'Quintessa Planted-Officer',
    role: 'officer',
    password: 'a-long-enough-password',
  });
  const summary = contentSummary(db);
  const users = usersOf(db);
  db.close();
  const oldBackup = `${file}.v${loadMigrations().length}.before-0.0.9.2026-11-01T08-00-00-000Z.bak`;
  fs.copyFileSync(file, oldBackup);
  fs.writeFileSync(path.join(dir, 'app-version'), '0.0.9\n');
  fs.chmodSync(dir, 0o755);
  for (const f of fs.readdirSync(dir)) if (f !== 'photos') fs.chmodSync(path.join(dir, f), 0o644);
  for (const d of fs.readdirSync(path.join(dir, 'photos'))) fs.chmodSync(path.join(dir, 'photos', d), 0o755);
  return { dir, summary, users, oldBackup };
}
