// Runs in: tests (Node). An insider with a SQLite shell on a closed data folder: the audit log's
// protective triggers out of the way for an edit, then put back as they were so nothing shows;
// and the rows such an insider forges.
import { AUDIT_TRIGGERS, type entryHash } from '../../main/audit/audit-log';
import { openDatabaseFile, type Db } from '../../main/db/database';

/** An audit entry as stored, without its chain columns: what the chain hashes. */
export type AuditRow = Parameters<typeof entryHash>[1];

/** Runs the edit (SQL, or code on the open file) with the triggers dropped, then restores them. */
export function tamperAudit(dir: string, edit: string | ((db: Db) => void)): void {
  const db = openDatabaseFile(dir);
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    if (typeof edit === 'string') db.exec(edit);
    else edit(db);
    for (const sql of Object.values(AUDIT_TRIGGERS)) db.exec(sql);
  } finally {
    db.close();
  }
}

/** A row an insider writes in someone's name, stamped now. */
export function forgedEntry(seq: number, who: Pick<AuditRow, 'actor' | 'action' | 'subject'>): AuditRow {
  return { seq, at: new Date().toISOString(), ...who, details: '{}' };
}

/** Writes an entry with the chain columns given (the forger's, or a migration-era chain's). */
export function insertEntry(db: Db, e: AuditRow, prevHash: string, hash: string): void {
  db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(e.seq, e.at, e.actor, e.action, e.subject, e.details, prevHash, hash);
}
