// Runs in: main process and CLI.
// The whole database is encrypted at rest: SQLCipher 4's format (each page AES-256-CBC with an
// HMAC-SHA512; WAL frames and free pages alike) through SQLite3 Multiple Ciphers
// (better-sqlite3-multiple-ciphers), under a key derived from the data key for this purpose
// alone. The derived key is given raw (`raw:` + hex), so no PBKDF2 runs at each open: the data
// key is 32 random bytes, not a password. A plain database left by an older version is encrypted
// once, so that a crash at any point leaves either the old plain file or the new encrypted one:
// a copy is encrypted beside it, flushed, verified, backed up, then renamed over it.
import fs from 'node:fs';
import path from 'node:path';
import { hkdfSync } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { copyPrivateFileDurably, fsyncDir, fsyncFile, PRIVATE_FILE_MODE } from '../platform/private-files';

export type Db = Database.Database;

/** The first 16 bytes of every plain SQLite file; an encrypted one starts with its random salt. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Beside a file while its encrypted copy is being made: removed, and the work redone, after a crash. */
const ENCRYPTING_SUFFIX = '.encrypting';

/** The database's own key (HKDF-SHA-256 with its own label), so the data key itself never keys a page. */
export function databaseKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'arrivals database v1', 32));
}

function useKey(db: Db, key: Buffer, pragma: 'key' | 'rekey'): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = 'raw:${key.toString('hex')}'`);
}

/**
 * The one way the app, its tools and its tests open a database file: with its key. A wrong key (or
 * a plain or damaged file) fails here with SQLite's "file is not a database", not at a later read.
 */
export function connect(file: string, key: Buffer, options?: Database.Options): Db {
  const db = new Database(file, options);
  try {
    useKey(db, key, 'key');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** Whether `file` is a plain (unencrypted) SQLite database, judged by its header alone. */
export function isPlainDatabase(file: string): boolean {
  const head = Buffer.alloc(PLAIN_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** A plain connection: only to read a database that is not encrypted yet. */
export const connectPlain = (file: string, options?: Database.Options): Db => new Database(file, options);

/** Rows per table: what the encrypted copy must hold too. */
function tableCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all();
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n,
    ]),
  );
}

function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/**
 * Encrypts a plain copy of `file` into `work`, flushed to disk. Rekey rewrites every page (a
 * VACUUM, to make room for each page's IV and HMAC) and needs a rollback journal, so the copy
 * leaves WAL mode first.
 */
function encryptCopy(file: string, work: string, key: Buffer, copied = () => {}): void {
  removeWithSidecars(work);
  fs.copyFileSync(file, work);
  fs.chmodSync(work, PRIVATE_FILE_MODE);
  copied();
  const db = connectPlain(work);
  try {
    db.pragma('journal_mode = DELETE');
    useKey(db, key, 'rekey');
  } finally {
    db.close();
  }
  fsyncFile(work);
}

/** The copy opens with the key, passes SQLite's check and holds the same rows as the original. */
function verifyCopy(
  work: string,
  key: Buffer,
  expected: { version: number; counts: Record<string, number> },
) {
  const db = connect(work, key, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check(1)', { simple: true }) as string;
    if (check !== 'ok') throw new Error(`the encrypted copy failed its check (${check})`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const counts = tableCounts(db);
    if (version !== expected.version || JSON.stringify(counts) !== JSON.stringify(expected.counts))
      throw new Error('the encrypted copy does not hold the same rows');
  } finally {
    db.close();
  }
}

/** The steps of encrypting a plain database, in order (a test stops the process at each). */
export const ENCRYPTION_STEPS = ['copied', 'encrypted', 'verified', 'backed-up', 'replaced'] as const;
export type EncryptionStep = (typeof ENCRYPTION_STEPS)[number];

/**
 * Encrypts the plain database `file` in place. Until the final rename the plain file is untouched
 * (beside a checkpoint folding its WAL in), so a crash before it leaves the plain database, and
 * the next start starts over; after it, the encrypted one. `backupFile` receives an encrypted
 * copy of the database as it was (the same key opens it; a plain copy would leave every name in
 * clear beside the encrypted file).
 */
export function encryptDatabaseInPlace(
  file: string,
  key: Buffer,
  backupFile: string,
  onStep: (step: EncryptionStep) => void = () => {},
): void {
  const work = `${file}${ENCRYPTING_SUFFIX}`;
  // Fold the WAL into the file so the file alone is the whole database, and count what it holds.
  const plain = connectPlain(file, { fileMustExist: true });
  let expected: { version: number; counts: Record<string, number> };
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    expected = {
      version: plain.pragma('user_version', { simple: true }) as number,
      counts: tableCounts(plain),
    };
  } finally {
    plain.close();
  }
  encryptCopy(file, work, key, () => onStep('copied'));
  onStep('encrypted');
  verifyCopy(work, key, expected);
  onStep('verified');
  copyPrivateFileDurably(work, backupFile);
  onStep('backed-up');
  // The plain file's WAL and index were emptied and removed by the checkpoint and close; make
  // sure no stale one is replayed onto the encrypted file.
  for (const side of [`${file}-wal`, `${file}-shm`]) fs.rmSync(side, { force: true });
  fs.renameSync(work, file);
  fsyncDir(path.dirname(file));
  onStep('replaced');
}

/** What a crash during an encryption left beside the database or its backups: unfinished copies go. */
export function removeUnfinishedEncryption(dataDir: string): void {
  for (const name of fs.readdirSync(dataDir))
    if (/^arrivals\.db.*(\.encrypting|\.bak\.tmp-\d+)$/.test(name))
      removeWithSidecars(path.join(dataDir, name));
}

/**
 * Backups made before this version (plain copies of the database) are encrypted in place, each
 * through a flushed copy renamed over it, so no plain copy of the data stays in the folder. A
 * backup that cannot be read is left as it is, with a warning.
 */
export function encryptPlainBackups(dataDir: string, key: Buffer): void {
  for (const name of fs.readdirSync(dataDir)) {
    if (!/^arrivals\.db\..*\.bak$/.test(name)) continue;
    const bak = path.join(dataDir, name);
    if (!isPlainDatabase(bak)) continue;
    const work = `${bak}${ENCRYPTING_SUFFIX}`;
    try {
      const db = connectPlain(bak, { readonly: true, fileMustExist: true });
      const expected = {
        version: db.pragma('user_version', { simple: true }) as number,
        counts: tableCounts(db),
      };
      db.close();
      encryptCopy(bak, work, key);
      verifyCopy(work, key, expected);
      fs.renameSync(work, bak);
      fsyncDir(dataDir);
    } catch (e) {
      removeWithSidecars(work);
      console.warn(
        `[database] The backup ${name} could not be encrypted (${(e as Error).message}); it is left as it was.`,
      );
    }
  }
}
