import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dbPath, loadMigrations, openDatabase, openDatabaseFile } from '../../../main/db/database';
import { AppError } from '../../../main/platform/app-error';
import { fileHash, tempDir } from '../../helpers/temp-dir';

const migrations = loadMigrations();

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return e as AppError;
  }
  throw new Error(`expected ${code}`);
}

describe('database', () => {
  it('creates a fresh database at the latest schema with WAL and foreign keys', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    // Re-opening is a no-op and makes no backup.
    openDatabase(dir).close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('refuses a database from a newer version and leaves it byte-identical', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const raw = openDatabaseFile(dir);
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fileHash(dbPath(dir));
    const err = expectAppError(() => openDatabase(dir), 'DB_TOO_NEW');
    expect(err.message).toMatch(/newer version/);
    expect(fileHash(dbPath(dir))).toBe(before);
    expect(fs.readdirSync(dir).some((f) => f.endsWith('.bak'))).toBe(false);
  });

  it('refuses a corrupt database file and leaves it byte-identical', () => {
    const dir = tempDir();
    fs.writeFileSync(
      dbPath(dir),
      Buffer.concat([Buffer.from('garbage that is not sqlite '), Buffer.alloc(8192, 7)]),
    );
    const before = fileHash(dbPath(dir));
    const err = expectAppError(() => openDatabase(dir), 'DB_CORRUPT');
    expect(err.message).toMatch(/damaged|not an Arrivals Console database/);
    expect(fileHash(dbPath(dir))).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['arrivals.db']);
  });

  it('refuses a read-only data folder with a clear message', () => {
    const dir = tempDir();
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(ro);
    let undo: () => void;
    if (process.getuid?.() === 0) {
      // root ignores mode bits; the immutable attribute stops even root.
      execFileSync('chattr', ['+i', ro]);
      undo = () => execFileSync('chattr', ['-i', ro]);
    } else {
      fs.chmodSync(ro, 0o555);
      undo = () => fs.chmodSync(ro, 0o755);
    }
    try {
      const err = expectAppError(() => openDatabase(ro), 'DATA_DIR_READ_ONLY');
      expect(err.message).toContain(ro);
      expect(fs.readdirSync(ro)).toEqual([]);
    } finally {
      undo();
    }
  });

  it('backs up an existing database before migrating it', () => {
    const dir = tempDir();
    openDatabase(dir, { migrations: migrations.slice(0, 1) }).close();
    const extra = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: '9999_extra.sql',
        sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY);',
      },
    ];
    const db = openDatabase(dir, { migrations: extra });
    expect(db.pragma('user_version', { simple: true })).toBe(extra.length);
    db.close();
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const bak = openDatabaseFile(dir, { file: path.join(dir, backups[0]!), readonly: true });
    expect(bak.pragma('user_version', { simple: true })).toBe(1);
    bak.close();
  });

  it('rolls back a failing migration and keeps the previous schema', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const bad = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: '9999_bad.sql',
        sql: 'CREATE TABLE ok_part (id INTEGER); INSERT INTO nope VALUES (1);',
      },
    ];
    expectAppError(() => openDatabase(dir, { migrations: bad }), 'DB_MIGRATION_FAILED');
    const raw = openDatabaseFile(dir, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'ok_part'").get()).toBeUndefined();
    raw.close();
  });
});
