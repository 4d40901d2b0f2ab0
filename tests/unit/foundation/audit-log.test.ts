import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, auditKey, entryMac } from '../../../main/audit/audit-log';
import { openDatabase, type Db } from '../../../main/db/database';
import { loadDataKey } from '../../../main/platform/data-key';
import { forgedEntry, insertEntry, tamperAudit as tamper } from '../../helpers/audit-tamper';
import { tempDir } from '../../helpers/temp-dir';

describe('audit log', () => {
  let dir: string;
  let db: Db;
  let log: AuditLog;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(dir);
    log = new AuditLog(db);
    for (let i = 1; i <= 6; i++)
      log.append({
        actor: 'alice',
        action: 'test.event',
        subject: `case:${i}`,
        details: { i, note: 'résumé 名前' },
      });
  });

  const reopen = () => {
    db.close();
    db = openDatabase(dir);
    return new AuditLog(db).verify();
  };

  it('verifies an intact chain', () => {
    expect(log.verify()).toEqual({ ok: true, entries: 6, firstBrokenSeq: null, problem: null });
  });

  it('refuses in-app updates and deletes', () => {
    expect(() => db.prepare('UPDATE audit_log SET actor = ? WHERE seq = 2').run('mallory')).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
  });

  // Each tampering breaks the chain at the row named: the changed one, or the first after a gap.
  it.each([
    [
      'names the row that was changed',
      'UPDATE audit_log SET details = \'{"i":3,"note":"edited"}\' WHERE seq = 3',
      3,
    ],
    [
      'detects a changed actor even if the attacker recomputes nothing',
      "UPDATE audit_log SET actor = 'bob' WHERE seq = 5",
      5,
    ],
    ['detects a deleted row in the middle', 'DELETE FROM audit_log WHERE seq = 4', 5],
    [
      'detects reordered rows',
      `UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3;
       UPDATE audit_log SET seq = 3 WHERE seq = -2;`,
      2,
    ],
  ])('%s', (_name, sql, seq) => {
    db.close();
    tamper(dir, sql);
    const r = reopen();
    expect(r.ok).toBe(false);
    expect(r.firstBrokenSeq).toBe(seq);
  });

  it('detects rows cut from the end', () => {
    db.close();
    tamper(dir, 'DELETE FROM audit_log WHERE seq >= 5');
    const r = reopen();
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/removed from the end/);
  });

  // The attacker even holds the data key (the browser shell's key file): the chain still breaks
  // at the next real row, which does not link to the forged one.
  it('detects a forged row inserted in the middle, even with a correctly computed hash', () => {
    const row3 = db.prepare('SELECT hash FROM audit_log WHERE seq = 3').get() as { hash: string };
    db.close();
    const forged = forgedEntry(4, { actor: 'mallory', action: 'test.event', subject: 'case:x' });
    const hash = entryMac(auditKey(loadDataKey(dir)), row3.hash, forged);
    tamper(dir, (raw) => {
      raw.exec(
        'UPDATE audit_log SET seq = -(seq + 1) WHERE seq >= 4; UPDATE audit_log SET seq = -seq WHERE seq < 0;',
      );
      insertEntry(raw, forged, row3.hash, hash);
    });
    const r = reopen();
    expect(r.ok).toBe(false);
    expect(r.firstBrokenSeq).toBe(5);
  });
});
