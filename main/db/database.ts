// Runs in: main process and CLI.
// Opens the SQLite database safely: refuses a read-only data dir, a corrupt file or a file
// from a newer app version BEFORE writing anything; backs up before migrating; then applies
// numbered forward-only migrations, one transaction each.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../platform/app-error';
import { migrationsDir } from '../platform/paths';

export type Db = Database.Database;

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
    fs.mkdirSync(dataDir, { recursive: true });
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

/** Reads the schema version without writing a byte; throws a clear error on a non-database. */
function inspectExisting(file: string): number {
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    const check = probe.pragma('quick_check(1)', { simple: true }) as string;
    if (check !== 'ok') throw new Error(check);
    return version;
  } catch (e) {
    throw new AppError(
      'DB_CORRUPT',
      `The database ${file} is damaged or is not an Arrivals Console database (${(e as Error).message}). ` +
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
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? loadMigrations();
  const latest = migrations.length;
  assertWritableDir(dataDir);
  const file = dbPath(dataDir);
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  let current = 0;
  if (exists) {
    current = inspectExisting(file);
    if (current > latest) {
      throw new AppError(
        'DB_TOO_NEW',
        `This database was written by a newer version of Arrivals Console (schema ${current}; this version knows up to ${latest}). ` +
          'Install the newer version. The database was not changed.',
      );
    }
    if (current < latest && options.migrate !== false) backup(file, current);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // A port's history runs to a million applicants: keep the hot indexes in memory (256 MiB cache, pages allocated only as used).
  db.pragma('cache_size = -262144');
  db.pragma('mmap_size = 1073741824');
  if (options.migrate !== false) migrate(db, migrations, current);
  return db;
}

function backup(file: string, version: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${version}.${stamp}.bak`;
  // Checkpoint-free copy is safe here: nothing else has the file open yet at start-up.
  const src = new Database(file, { readonly: true });
  try {
    src.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
  } finally {
    src.close();
  }
}

function migrate(db: Db, migrations: Migration[], from: number): void {
  for (const m of migrations.slice(from)) {
    const apply = db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      apply();
    } catch (e) {
      throw new AppError(
        'DB_MIGRATION_FAILED',
        `Updating the database to schema ${m.version} (${m.name}) failed: ${(e as Error).message}. ` +
          'The database was left at the previous schema; a backup was made before updating.',
      );
    }
  }
}
