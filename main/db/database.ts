// Runs in: main process and CLI.
// Opens the SQLite database safely: refuses a read-only data dir, a corrupt file or a file
// from a newer app version BEFORE writing anything; encrypts a plain database left by an older
// version (once, crash-safely, with a backup: encryption.ts); backs up (a byte-for-byte copy)
// before migrating and at the first start of a new app version; then applies numbered
// forward-only migrations, one transaction each, and restores the backup if any of them fails.
// The data folder is made private (0700, files 0600) on every open.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../platform/app-error';
import { migrationsDir } from '../platform/paths';
import { fileKeyProtector, loadDataKey, readDataKey, type KeyProtector } from '../platform/data-key';
import {
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  restrictDataFolder,
  touchPrivateFile,
  writePrivateFileDurably,
} from '../platform/private-files';
import {
  connect,
  connectPlain,
  databaseKey,
  encryptDatabaseInPlace,
  encryptPlainBackups,
  isPlainDatabase,
  removeUnfinishedEncryption,
  type Db,
  type EncryptionStep,
} from './encryption';
import { walPolicy } from './wal';

export type { Db };

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
  const migrations = files
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f,
      sql: fs.readFileSync(path.join(dir, f), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.name}`);
  });
  return migrations;
}

export function dbPath(dataDir: string): string {
  return path.join(dataDir, 'arrivals.db');
}

function assertWritableDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    fs.accessSync(dataDir, fs.constants.W_OK);
    // access() trusts mode bits; root ignores them, a read-only mount does not. Probe for real.
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (e) {
    throw new AppError(
      'DATA_DIR_READ_ONLY',
      `Cannot write to the data folder ${dataDir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). ` +
        'Check its permissions or choose another folder with --data-dir or ARRIVALS_DATA_DIR. Nothing was changed.',
    );
  }
}

/**
 * Reads the schema version without writing a byte; throws a clear error on a non-database. A
 * plain file is read as it is; an encrypted one needs this folder's key, and without it (or with
 * another folder's) it cannot be told from a damaged file.
 */
function inspectExisting(file: string, key: Buffer | 'plain' | null): number {
  let probe: Db | undefined;
  try {
    if (!key) throw new Error('it is encrypted or damaged, and this data folder has no data key');
    const readOnly = { readonly: true, fileMustExist: true };
    probe = key === 'plain' ? connectPlain(file, readOnly) : connect(file, key, readOnly);
    const version = probe.pragma('user_version', { simple: true }) as number;
    const check = probe.pragma('quick_check(1)', { simple: true }) as string;
    if (check !== 'ok') throw new Error(check);
    return version;
  } catch (e) {
    throw new AppError(
      'DB_CORRUPT',
      `The database ${file} is damaged or is not an Arrivals Console database, or this data folder's key does not open it (${(e as Error).message}). ` +
        'It was left untouched. Restore it from a backup (*.bak files beside it) or move it aside to start fresh.',
    );
  } finally {
    probe?.close();
  }
}

export interface OpenOptions {
  migrations?: Migration[];
  /** Skip migrations (tests of the guard itself). */
  migrate?: boolean;
  /** The app version opening it: the first start of a new version backs the database up first. */
  appVersion?: string;
  /** How the data key is kept (the Electron shell passes the OS keychain); by default a key file. */
  keyProtector?: KeyProtector;
  /** Tests: called after each step of encrypting a plain database (a crash test stops there). */
  onEncryptionStep?: (step: EncryptionStep) => void;
}

/** Beside the database while its schema is being updated: names the backup to restore if the update stops half way. */
const markerPath = (file: string) => `${file}.migrating`;
/** The app version that last opened the database (a new one makes a backup first). */
const versionPath = (dataDir: string) => path.join(dataDir, 'app-version');

interface Marker {
  backup: string | null;
  from: number;
  to: number;
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? loadMigrations();
  const latest = migrations.length;
  assertWritableDir(dataDir);
  restrictDataFolder(dataDir);
  const file = dbPath(dataDir);
  const protector = options.keyProtector ?? fileKeyProtector;
  recoverInterruptedUpdate(file);
  removeUnfinishedEncryption(dataDir);
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  let current = 0;
  let backupFile: string | null = null;
  let key: Buffer | null = null;
  if (exists) {
    const plain = isPlainDatabase(file);
    // An encrypted database never gets a new key: without its own, it is refused untouched.
    if (!plain) key = folderKey(dataDir, protector, false);
    current = inspectExisting(file, plain ? 'plain' : key);
    if (current > latest) {
      throw new AppError(
        'DB_TOO_NEW',
        `This database was written by a newer version of Arrivals Console (schema ${current}; this version knows up to ${latest}). ` +
          'Install the newer version. The database was not changed.',
      );
    }
    if (plain) {
      key = folderKey(dataDir, protector, true);
      // Its backup is also the one a failed migration below would go back to.
      backupFile = backupName(file, current, 'encryption');
      encryptDatabaseInPlace(file, key!, backupFile, options.onEncryptionStep);
    }
    const newVersion = options.appVersion !== undefined && lastAppVersion(dataDir) !== options.appVersion;
    if (options.migrate !== false && backupFile === null && (current < latest || newVersion))
      backupFile = backup(file, key!, current, options.appVersion);
  } else {
    key = folderKey(dataDir, protector, true);
    // 0600 from the first byte; SQLite gives the -wal and -shm files the database file's mode.
    touchPrivateFile(file);
  }
  // Copies made by older versions are plain: encrypted too, so no copy of the data stays in clear.
  encryptPlainBackups(dataDir, key!);
  const db = tune(connect(file, key!));
  if (options.migrate !== false && current < latest)
    migrateOrRestore(db, file, migrations, current, backupFile);
  if (options.appVersion !== undefined)
    writePrivateFileDurably(versionPath(dataDir), `${options.appVersion}\n`);
  return db;
}

/** The settings every connection of the app runs with. */
function tune(db: Db): Db {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // A port's history runs to a million applicants: keep the hot indexes in memory (256 MiB cache, pages allocated only as used).
  db.pragma('cache_size = -262144');
  db.pragma('mmap_size = 1073741824');
  // Temporary tables, indexes and sorts (the dashboard's working state, large GROUP BYs, VACUUM's
  // copy) stay in memory: SQLite3 Multiple Ciphers does not encrypt temporary files, and this
  // build would otherwise write them to disk in clear (compiled with TEMP_STORE=1).
  db.pragma('temp_store = MEMORY');
  // Checkpoints at idle, SQLite's own only past a cap (wal.ts).
  walPolicy(db);
  return db;
}

/**
 * A new unencrypted database, made as the versions before encryption at rest made theirs (same
 * settings, same migrations, one transaction each). Never for the app: for the benchmark's
 * encryption-off rows and for tests of the upgrade from such a database.
 */
export function createUnencryptedDatabase(dataDir: string, migrations = loadMigrations()): Db {
  const file = dbPath(dataDir);
  if (fs.existsSync(file)) throw new Error(`${file} exists already.`);
  const db = tune(connectPlain(file));
  for (const m of migrations)
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  return db;
}

/**
 * A database file of this data folder (the database or one of its backups) opened with the
 * folder's key and nothing else: no checks, no migrations, no pragmas. For tools and tests that
 * read or change the file directly; the app opens it with openDatabase.
 */
export function openDatabaseFile(
  dataDir: string,
  options: Database.Options & { file?: string; keyProtector?: KeyProtector } = {},
): Db {
  const { file = dbPath(dataDir), keyProtector = fileKeyProtector, ...sqlite } = options;
  const key = folderKey(dataDir, keyProtector, false);
  if (!key) throw new AppError('DATA_KEY_UNAVAILABLE', `The data folder ${dataDir} has no data key.`);
  return connect(file, key, sqlite);
}

/** The database key of this folder; made (with a new data key) only when `create`. */
function folderKey(dataDir: string, protector: KeyProtector, create: boolean): Buffer | null {
  try {
    const dataKey = create ? loadDataKey(dataDir, protector) : readDataKey(dataDir, protector);
    return dataKey && databaseKey(dataKey);
  } catch (e) {
    throw new AppError(
      'DATA_KEY_UNAVAILABLE',
      `The data key of ${dataDir} cannot be read: ${(e as Error).message} Nothing was changed.`,
    );
  }
}

function lastAppVersion(dataDir: string): string | null {
  try {
    return fs.readFileSync(versionPath(dataDir), 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * A byte-for-byte copy of the whole database, made before anything changes it: what a crash
 * left in the WAL is folded into the file first (nothing else has it open at start-up), then the
 * file is copied, so restoring the copy gives back exactly this database.
 */
function backup(file: string, key: Buffer, schema: number, appVersion?: string): string {
  const target = backupName(file, schema, appVersion);
  const db = connect(file, key);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(target, PRIVATE_FILE_MODE);
  return target;
}

/** `arrivals.db.v<schema>[.before-<what>].<time>.bak`: what it was taken before, and when. */
function backupName(file: string, schema: number, before?: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${file}.v${schema}${before ? `.before-${before}` : ''}.${stamp}.bak`;
}

/** Puts the backup back in place of the database, byte for byte (a rename, so never half a file). */
function restore(file: string, backupFile: string | null): void {
  for (const side of [`${file}-wal`, `${file}-shm`]) fs.rmSync(side, { force: true });
  if (backupFile === null) {
    // There was no database before: there is none again.
    fs.rmSync(file, { force: true });
    return;
  }
  const tmp = `${file}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  fs.renameSync(tmp, file);
}

/**
 * A schema update that stopped half way (the app was killed or the machine lost power between
 * two migrations) left its marker: the database goes back to its backup before anything reads
 * it. Without a backup to go back to, the app refuses to run on a half-updated file.
 */
function recoverInterruptedUpdate(file: string): void {
  const marker = markerPath(file);
  if (!fs.existsSync(marker)) return;
  let m: Marker | null = null;
  try {
    m = JSON.parse(fs.readFileSync(marker, 'utf8')) as Marker;
  } catch {
    m = null;
  }
  if (!m || (m.backup !== null && !fs.existsSync(m.backup))) {
    throw new AppError(
      'DB_HALF_MIGRATED',
      `An update of the database ${file} was interrupted and the backup made before it cannot be found, so the database may be half-updated. ` +
        `The app will not run on it. Put the newest *.bak file beside it in its place, then delete ${marker}.`,
    );
  }
  restore(file, m.backup);
  fs.rmSync(marker);
  console.warn(
    `[database] An interrupted update (schema ${m.from} to ${m.to}) was undone: the database was restored from ${m.backup ?? 'nothing (it was new)'}.`,
  );
}

/**
 * Applies the migrations, one transaction each. If one fails, the database is restored from the
 * backup made just before, byte for byte, and the app refuses to start: it never runs on a
 * database that is half-way between two versions.
 */
function migrateOrRestore(
  db: Db,
  file: string,
  migrations: Migration[],
  from: number,
  backupFile: string | null,
) {
  const marker: Marker = { backup: backupFile, from, to: migrations.length };
  fs.writeFileSync(markerPath(file), JSON.stringify(marker));
  for (const m of migrations.slice(from)) {
    const apply = db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      apply();
    } catch (e) {
      db.close();
      restore(file, backupFile);
      fs.rmSync(markerPath(file));
      throw new AppError(
        'DB_MIGRATION_FAILED',
        `Updating the database to schema ${m.version} (${m.name}) failed: ${(e as Error).message}. ` +
          (backupFile
            ? `The database was put back exactly as it was before the update, from the backup ${path.basename(backupFile)} beside it; nothing was lost. `
            : 'No data had been stored yet; nothing was lost. ') +
          'This version cannot run on it: reinstall the previous version and report the problem.',
      );
    }
  }
  fs.rmSync(markerPath(file));
}
