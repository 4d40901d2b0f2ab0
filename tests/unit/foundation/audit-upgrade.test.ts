// Runs in: tests (Node). Migration 0012 and the one-time re-keying of an audit chain written
// before it: an intact unkeyed chain becomes a keyed one in place (entries unchanged), a broken
// one is left as it is and keeps being reported.
import { describe, expect, it } from 'vitest';
import { AuditLog, auditKey, entryHash, entryMac, GENESIS_HASH } from '../../../main/audit/audit-log';
import { openDatabase } from '../../../main/db/database';
import { loadDataKey } from '../../../main/platform/data-key';
import { insertEntry, type AuditRow as Row } from '../../helpers/audit-tamper';
import { folderBefore } from '../../helpers/migrations';

/** A data folder at schema 0011 holding three entries chained as the app wrote them then. */
function unkeyedChain(edit?: string): string {
  const { dir, index } = folderBefore('0012_audit_keyed_chain.sql', (db) => {
    let prev = GENESIS_HASH;
    for (const seq of [1, 2, 3]) {
      const e = {
        seq,
        at: `2026-01-0${seq}T00:00:00.000Z`,
        actor: 'a.admin',
        action: 'user.create',
        subject: `u${seq}`,
        details: '{}',
      };
      const hash = entryHash(prev, e);
      insertEntry(db, e, prev, hash);
      prev = hash;
    }
    db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, 3, ?)').run(prev);
    if (edit) db.exec(`DROP TRIGGER audit_log_no_update; ${edit}`);
  });
  expect(index).toBe(11);
  return dir;
}

describe('audit chain upgrade (migration 0012)', () => {
  it('re-keys an intact unkeyed chain once, in place, and records it', () => {
    const dir = unkeyedChain();
    const db = openDatabase(dir);
    try {
      expect(db.prepare('SELECT chain FROM audit_head').get()).toEqual({ chain: 'sha256' });
      const before = db.prepare('SELECT seq, at, actor, action, subject, details FROM audit_log').all();
      expect(new AuditLog(db).verify()).toEqual({
        ok: true,
        entries: 4,
        firstBrokenSeq: null,
        problem: null,
      });
      expect(db.prepare('SELECT chain, seq FROM audit_head').get()).toEqual({ chain: 'hmac-sha256', seq: 4 });
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Row & { hash: string }>;
      expect(
        db.prepare('SELECT seq, at, actor, action, subject, details FROM audit_log WHERE seq <= 3').all(),
      ).toEqual(before);
      expect(rows[3]).toMatchObject({
        actor: 'system',
        action: 'audit.chain.keyed',
        details: '{"entries":3}',
      });
      // Every MAC is the keyed one now: the unkeyed hashes are gone.
      const key = auditKey(loadDataKey(dir));
      let prev = GENESIS_HASH;
      for (const r of rows) {
        expect(r.hash).toBe(entryMac(key, prev, r));
        prev = r.hash;
      }
      // The triggers are back: in-app edits are refused as before.
      expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('leaves a broken unkeyed chain unkeyed and reports it (the break is not laundered)', () => {
    const dir = unkeyedChain("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2;");
    const db = openDatabase(dir);
    try {
      const log = new AuditLog(db);
      log.append({ actor: 'a.admin', action: 'case.view', subject: 'A1' });
      expect(log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 2 });
      expect(db.prepare('SELECT chain, seq FROM audit_head').get()).toEqual({ chain: 'sha256', seq: 4 });
      expect(() => db.prepare("UPDATE audit_head SET chain = 'md5'").run()).toThrow(/CHECK constraint/);
    } finally {
      db.close();
    }
  });
});
