// Runs in: tests (Node, real SQLite files, real child processes). Encryption at rest (#14 item 3):
// the database file is unreadable without the folder's key (plain SQLite fails on it, the bytes
// hold none of the names written into it); a plain database left by an older version is
// encrypted in place with every row kept, an encrypted 0600 backup and its older plain backups
// encrypted too; a SIGKILL at each step of that leaves a database that opens (the old plain one or
// the new encrypted one) and the next start finishes the job; the folder is 0700 and its files
// 0600, made so and fixed on open; a missing or wrong key is refused without a byte changed; the
// file is SQLCipher 4's format (any SQLCipher 4 tool opens it given the raw key).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createDecipheriv, createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dbPath, loadMigrations, openDatabase, openDatabaseFile } from '../../../main/db/database';
import { connectPlain, databaseKey, ENCRYPTION_STEPS, isPlainDatabase } from '../../../main/db/encryption';
import { contentSummary } from '../../../main/sync/content-hash';
import { refusal } from '../../helpers/refusal';
import { testApp } from '../../helpers/app';
import { fileHash, tempDir } from '../../helpers/temp-dir';
import { REPO } from '../../helpers/cli';
import { filesUnder, PLANTED, plainFolderAsBefore, usersOf } from '../../helpers/plain-folder';

const latest = loadMigrations().length;
const mode = (p: string) => fs.statSync(p).mode & 0o777;
const backupsOf = (dir: string, kind: RegExp) => fs.readdirSync(dir).filter((f) => kind.test(f));

/** Plain SQLite (the same build, given no key) reading the file: it must fail. */
function plainRead(file: string): Error | null {
  const db = connectPlain(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return null;
  } catch (e) {
    return e as Error;
  } finally {
    db.close();
  }
}

/** Every byte the folder holds outside its (separately encrypted) photos. */
const folderBytes = (dir: string) =>
  Buffer.concat(
    filesUnder(dir)
      .filter((f) => !f.includes(`${path.sep}photos${path.sep}`))
      .map((f) => fs.readFileSync(f)),
  );

describe('encryption at rest', () => {
  it('a new database cannot be read without its key, and its bytes hold none of the names in it', async () => {
    const dir = tempDir();
    const app = testApp(dir);
    await app.accounts.createUser('test', {
      username: 'quintessa',
      displayName: 'Quintessa Planted-Officer',
      role: 'officer',
      password: 'a-long-enough-password',
    });
    // While the app runs, its WAL holds the change: encrypted too.
    expect(fs.statSync(`${dbPath(dir)}-wal`).size).toBeGreaterThan(0);
    expect(folderBytes(dir).includes('Quintessa Planted-Officer')).toBe(false);
    await app.close();
    const file = dbPath(dir);
    expect(isPlainDatabase(file)).toBe(false);
    expect(plainRead(file)?.message).toMatch(/file is not a database/);
    // Another folder's key does not open it either.
    const other = tempDir();
    openDatabase(other).close();
    expect(() => openDatabaseFile(other, { file, readonly: true })).toThrow(/file is not a database/);
    expect(folderBytes(dir).includes('Quintessa Planted-Officer')).toBe(false);
    expect(folderBytes(dir).includes('quintessa')).toBe(false);
    // With the key, it is all there.
    const db = openDatabaseFile(dir, { readonly: true });
    expect(usersOf(db)).toContainEqual({
      username: 'quintessa',
      display_name: 'Quintessa Planted-Officer',
      role: 'officer',
    });
    db.close();
  });

  it('keeps temporary tables and sorts in memory: this SQLite does not encrypt temporary files', () => {
    // A child with its own temporary directory fills a temporary table far past the cache and
    // sorts it; with temporary storage on disk, SQLite would open (and at once unlink) files there.
    const dir = tempDir();
    const tmp = tempDir();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO, 'tests/helpers/temp-spill.ts'), dir],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, SQLITE_TMPDIR: tmp } },
    );
    expect(child.status, child.stderr).toBe(0);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { open: string[]; tempStore: number };
    expect(r.tempStore).toBe(2); // MEMORY
    expect(r.open).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('encrypts a plain database from an older version in place: every row kept, an encrypted 0600 backup', async () => {
    const before = await plainFolderAsBefore();
    const { dir } = before;
    const file = dbPath(dir);
    expect(isPlainDatabase(file)).toBe(true);
    for (const s of PLANTED) expect(folderBytes(dir).includes(s), s).toBe(true);

    const db = openDatabase(dir, { appVersion: '0.1.0' });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(contentSummary(db)).toEqual(before.summary);
    expect(usersOf(db)).toEqual(before.users);
    db.close();

    expect(isPlainDatabase(file)).toBe(false);
    expect(plainRead(file)?.message).toMatch(/file is not a database/);
    // The backup of the database as it was, encrypted under the same key, 0600; no other backup
    // was needed for this start (it is also the one a failed schema update would go back to).
    const [bak, ...more] = backupsOf(
      dir,
      new RegExp(`^arrivals\\.db\\.v${latest}\\.before-encryption\\..*\\.bak$`),
    );
    expect(more).toEqual([]);
    const bakFile = path.join(dir, bak!);
    expect(mode(bakFile)).toBe(0o600);
    expect(plainRead(bakFile)?.message).toMatch(/file is not a database/);
    const fromBackup = openDatabaseFile(dir, { file: bakFile, readonly: true });
    expect(contentSummary(fromBackup)).toEqual(before.summary);
    fromBackup.close();
    // The older plain backup is encrypted where it lies, and still restores the same rows.
    expect(isPlainDatabase(before.oldBackup)).toBe(false);
    const old = openDatabaseFile(dir, { file: before.oldBackup, readonly: true });
    expect(contentSummary(old)).toEqual(before.summary);
    old.close();
    // No copy of the data is left in clear anywhere in the folder.
    for (const s of PLANTED) expect(folderBytes(dir).includes(s), s).toBe(false);
    expect(backupsOf(dir, /encrypting|\.tmp-/)).toEqual([]);
  });

  it('makes the data folder 0700 and its files 0600, when made and when an older folder is opened', async () => {
    const fresh = path.join(tempDir(), 'new-folder');
    const app = testApp(fresh);
    const photo = Buffer.from('photo bytes');
    app.photos.put(createHash('sha256').update(photo).digest('hex'), photo);
    const check = (dir: string) => {
      expect(mode(dir)).toBe(0o700);
      for (const name of ['arrivals.db', 'arrivals.db-wal', 'arrivals.db-shm', 'data.key'])
        expect(mode(path.join(dir, name)), name).toBe(0o600);
      for (const f of filesUnder(dir)) expect(mode(f), f).toBe(0o600);
      const photos = path.join(dir, 'photos');
      expect(mode(photos)).toBe(0o700);
      for (const d of fs.readdirSync(photos)) expect(mode(path.join(photos, d)), d).toBe(0o700);
    };
    check(fresh);
    await app.close();

    const old = await plainFolderAsBefore();
    expect(mode(old.dir)).toBe(0o755);
    expect(mode(dbPath(old.dir))).toBe(0o644);
    const reopened = testApp(old.dir);
    check(old.dir);
    for (const f of fs.readdirSync(old.dir).filter((n) => n.endsWith('.bak')))
      expect(mode(path.join(old.dir, f)), f).toBe(0o600);
    await reopened.close();
  });

  it.each(ENCRYPTION_STEPS)(
    'a SIGKILL right after the step "%s" leaves a database that opens, and the next start finishes',
    async (step) => {
      const before = await plainFolderAsBefore();
      const { dir } = before;
      const file = dbPath(dir);
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(REPO, 'tests/helpers/encrypt-and-die.ts'), dir, step],
        { cwd: REPO, encoding: 'utf8', timeout: 120_000 },
      );
      expect(child.signal, child.stdout + child.stderr).toBe('SIGKILL');
      // What the kill left: until the rename, the old plain database untouched in content; after
      // it, the new encrypted one. Either opens and holds every row.
      const replaced = step === 'replaced';
      expect(isPlainDatabase(file)).toBe(!replaced);
      const left = replaced
        ? openDatabaseFile(dir, { readonly: true })
        : connectPlain(file, { readonly: true });
      expect(left.pragma('quick_check', { simple: true })).toBe('ok');
      expect(contentSummary(left)).toEqual(before.summary);
      left.close();
      if (step === 'copied') {
        // A kill in the middle of encrypting the copy leaves half a file: it is thrown away.
        const work = `${file}.encrypting`;
        fs.truncateSync(work, Math.floor(fs.statSync(work).size / 2));
      }

      const db = openDatabase(dir);
      expect(contentSummary(db)).toEqual(before.summary);
      expect(usersOf(db)).toEqual(before.users);
      db.close();
      expect(isPlainDatabase(file)).toBe(false);
      expect(backupsOf(dir, /encrypting|\.tmp-/)).toEqual([]);
      for (const s of PLANTED) expect(folderBytes(dir).includes(s), s).toBe(false);
      expect(backupsOf(dir, /\.before-encryption\..*\.bak$/).length).toBeGreaterThanOrEqual(1);
    },
    180_000,
  );

  it('refuses a database whose key is missing or another one, without changing a byte or making a key', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const file = dbPath(dir);
    const hash = fileHash(file);
    const key = fs.readFileSync(path.join(dir, 'data.key'));

    fs.rmSync(path.join(dir, 'data.key'));
    const missing = refusal(() => openDatabase(dir));
    expect(missing.code).toBe('DB_CORRUPT');
    expect(missing.message).toMatch(/this data folder's key does not open it.*left untouched/);
    expect(fs.existsSync(path.join(dir, 'data.key'))).toBe(false);
    expect(fileHash(file)).toBe(hash);

    fs.writeFileSync(path.join(dir, 'data.key'), Buffer.alloc(32, 9), { mode: 0o600 });
    expect(refusal(() => openDatabase(dir)).code).toBe('DB_CORRUPT');
    expect(fileHash(file)).toBe(hash);

    fs.writeFileSync(path.join(dir, 'data.key'), key);
    openDatabase(dir).close();
  });

  it("is SQLCipher 4's format under the derived key: each page's HMAC-SHA512 checks, page 1 decrypts to SQLite's header", () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const key = databaseKey(fs.readFileSync(path.join(dir, 'data.key')));
    const file = fs.readFileSync(dbPath(dir));
    const [PAGE, RESERVE] = [4096, 80]; // 16 bytes of IV, 64 of HMAC at the end of each page
    const salt = file.subarray(0, 16);
    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    expect(file.length % PAGE).toBe(0);
    for (let pgno = 1; pgno <= file.length / PAGE; pgno++) {
      const page = file.subarray((pgno - 1) * PAGE, pgno * PAGE);
      const body = page.subarray(pgno === 1 ? 16 : 0, PAGE - RESERVE);
      const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
      const number = Buffer.alloc(4);
      number.writeUInt32LE(pgno);
      const mac = createHmac('sha512', hmacKey).update(body).update(iv).update(number).digest();
      expect(mac.equals(page.subarray(PAGE - 64)), `page ${pgno}`).toBe(true);
      if (pgno === 1) {
        const d = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
        const plain = Buffer.concat([d.update(body), d.final()]);
        // The header after its 16 magic bytes: page size, then the reserved bytes per page.
        expect(plain.readUInt16BE(0)).toBe(PAGE);
        expect(plain[4]).toBe(RESERVE);
      }
    }
  });
});
