import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arrivals } from '../../helpers/cli';
import { dbPath, openDatabaseFile } from '../../../main/db/database';
import { fileHash, tempDir } from '../../helpers/temp-dir';

function seeded(): string {
  const dir = tempDir();
  expect(arrivals(dir, ['migrate']).code).toBe(0);
  for (const [name, role] of [
    ['a.admin', 'admin'],
    ['o.one', 'officer'],
    ['s.one', 'supervisor'],
  ]) {
    const r = arrivals(dir, ['user', 'add', name!, '--role', role!], { input: 'long-enough-password\n' });
    expect(r.code, r.out).toBe(0);
  }
  expect(arrivals(dir, ['user', 'disable', 'o.one']).code).toBe(0);
  return dir;
}

function tamper(dir: string, sql: string) {
  const db = openDatabaseFile(dir);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

// Each test starts the CLI up to eight times: a generous cap (not the suite's 60 s default), so
// that a slow or loaded machine passes as a fast one does.
describe('arrivals CLI', { timeout: 300_000 }, () => {
  it('manages users and verifies an intact audit log with exit 0', () => {
    const dir = seeded();
    const list = arrivals(dir, ['user', 'list']);
    expect(list.stdout).toMatch(/o\.one\s+officer\s+disabled/);
    const v = arrivals(dir, ['audit', 'verify']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/intact: 4 entries/);
  });

  it.each([
    ['a changed row', "UPDATE audit_log SET actor = 'x' WHERE seq = 2", 2],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 2', 3],
    [
      'reordered rows',
      'UPDATE audit_log SET seq = -1 WHERE seq = 1; UPDATE audit_log SET seq = 1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -1;',
      1,
    ],
  ])('exits non-zero and names the row after %s', (_name, sql, seq) => {
    const dir = seeded();
    tamper(dir, sql);
    const v = arrivals(dir, ['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`BROKEN at entry ${seq}`);
    const j = arrivals(dir, ['audit', 'verify', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, firstBrokenSeq: seq });
  });

  it('refuses a database from a newer version without touching it', () => {
    const dir = seeded();
    const db = openDatabaseFile(dir);
    db.pragma('user_version = 99');
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fileHash(dbPath(dir));
    const r = arrivals(dir, ['user', 'list']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/newer version of Arrivals Console \(schema 99/);
    expect(fileHash(dbPath(dir))).toBe(before);
  });

  it('refuses a corrupt database without touching it', () => {
    const dir = tempDir();
    fs.writeFileSync(dbPath(dir), 'this is not a database at all, just some text'.repeat(200));
    const before = fileHash(dbPath(dir));
    const r = arrivals(dir, ['migrate']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/damaged or is not an Arrivals Console database/);
    expect(fileHash(dbPath(dir))).toBe(before);
  });
});
