// Runs in: main process and CLI.
// Tamper-evident audit log: each entry's hash covers the previous entry's hash and the
// canonical JSON of the entry itself, so any edit, deletion, insertion or reordering breaks
// the chain at a row the verifier can name.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntryView, AuditVerifyView } from '../../ipc/channels/audit';
import type { Db } from '../db/database';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

export type AuditEntry = AuditEntryView;

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export type AuditVerification = AuditVerifyView;

export function entryHash(
  prevHash: string,
  e: { seq: number; at: string; actor: string; action: string; subject: string; details: string },
): string {
  const canonical = canonicalize({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    details: JSON.parse(e.details) as unknown,
  });
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonical ?? '')
    .digest('hex');
}

export class AuditLog {
  private readonly headStmt;
  private readonly insertStmt;
  private readonly setHeadStmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.headStmt = db.prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.setHeadStmt = db.prepare(
      'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    );
  }

  /**
   * Appends one entry. Call inside the caller's transaction when the audited change is a
   * write, so the change and its record commit (or roll back) together.
   */
  append(input: AuditInput): AuditEntry {
    const write = this.db.transaction((): AuditEntry => {
      const head = this.headStmt.get() ?? { seq: 0, hash: GENESIS_HASH };
      const row = {
        seq: head.seq + 1,
        at: this.now().toISOString(),
        actor: input.actor,
        action: input.action,
        subject: input.subject,
        details: canonicalize(input.details ?? {}) ?? '{}',
      };
      const hash = entryHash(head.hash, row);
      this.insertStmt.run(row.seq, row.at, row.actor, row.action, row.subject, row.details, head.hash, hash);
      this.setHeadStmt.run(row.seq, hash);
      return { ...row, details: input.details ?? {} };
    });
    return write();
  }

  recent(limit: number): AuditEntry[] {
    const rows = this.db
      .prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?')
      .all(limit);
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      details: JSON.parse(r.details) as unknown,
    }));
  }

  /** Walks the whole chain in rowid order (the physical order, which reordering changes). */
  verify(): AuditVerification {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    const broken = (seq: number, problem: string): AuditVerification => ({
      ok: false,
      entries: count,
      firstBrokenSeq: seq,
      problem,
    });
    for (const r of this.db
      .prepare<[], AuditRow & { rid: number }>('SELECT rowid AS rid, * FROM audit_log ORDER BY rowid')
      .iterate()) {
      count++;
      if (r.seq !== expectedSeq) {
        return broken(
          r.seq,
          r.seq > expectedSeq
            ? `entry ${expectedSeq} is missing (found ${r.seq} next)`
            : `entry ${r.seq} is out of order (expected ${expectedSeq})`,
        );
      }
      if (r.prev_hash !== prev) return broken(r.seq, `entry ${r.seq} does not link to the entry before it`);
      let recomputed: string;
      try {
        recomputed = entryHash(prev, r);
      } catch {
        return broken(r.seq, `entry ${r.seq} has unreadable details`);
      }
      if (recomputed !== r.hash) return broken(r.seq, `entry ${r.seq} was altered after it was written`);
      prev = r.hash;
      expectedSeq++;
    }
    const head = this.headStmt.get();
    const headSeq = head?.seq ?? 0;
    if (headSeq !== count || (head && head.hash !== prev)) {
      return broken(
        count + 1,
        `the log ends at entry ${count} but ${headSeq} entries were written: entries were removed from the end`,
      );
    }
    return { ok: true, entries: count, firstBrokenSeq: null, problem: null };
  }
}
