// Runs in: main process and CLI.
// Tamper-evident audit log: each entry's MAC covers the previous entry's MAC and the canonical
// JSON of the entry itself, so any edit, deletion, insertion or reordering breaks the chain at a
// row the verifier can name. The MAC is keyed (HMAC-SHA-256 under a key derived from the data
// key), so someone with the file but not the key cannot recompute a chain that verifies; someone
// with the key too is caught by the witness (the feed keeps the chain heads this console sent
// with its uploads: main/audit/witness.ts).
//
// Chains written before the key (migration 0012 marks them 'sha256') are verified with the old
// unkeyed hash and re-keyed once, in one transaction. Downgrade risk: the marker is in the same
// file, so someone who can write the file can rewrite it as a consistent unkeyed chain marked
// 'sha256', which this code would then verify and re-key as if it were old. The witness is the
// backstop: the heads it recorded are MACs of the real history, and a rewritten one differs. A
// broken unkeyed chain is never re-keyed (that would launder the break): it stays unkeyed and
// verify keeps reporting it.
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import path from 'node:path';
import canonicalize from 'canonicalize';
import type { AuditEntryView, AuditVerifyView } from '../../ipc/channels/audit';
import type { Db } from '../db/database';
import { loadDataKey } from '../platform/data-key';

export const GENESIS_HASH = '0'.repeat(64);

/** The protective triggers (migration 0001), as SQLite keeps their text, whitespace folded. */
export const AUDIT_TRIGGERS: Record<string, string> = {
  audit_log_no_update:
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
  audit_log_no_delete:
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
};

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

type ChainKind = 'sha256' | 'hmac-sha256';
type EntryFields = Pick<AuditRow, 'seq' | 'at' | 'actor' | 'action' | 'subject' | 'details'>;

export type AuditVerification = AuditVerifyView;

/** The chain head: the last entry's number and MAC (what the witness records). */
export interface AuditHead {
  seq: number;
  hash: string;
}

function canonicalEntry(e: EntryFields): string {
  return (
    canonicalize({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      details: JSON.parse(e.details) as unknown,
    }) ?? ''
  );
}

/** The unkeyed hash of chains written before migration 0012: sha256(prev || canonical entry). */
export function entryHash(prevHash: string, e: EntryFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEntry(e)).digest('hex');
}

/** The keyed MAC: HMAC-SHA-256(key, prev || canonical entry). */
export function entryMac(key: Buffer, prevHash: string, e: EntryFields): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalEntry(e)).digest('hex');
}

/** The chain key, derived from the data key (HKDF), so the data key itself never signs. */
export function auditKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'arrivals audit chain v2', 32));
}

export class AuditLog {
  private readonly headStmt;
  private readonly insertStmt;
  private readonly setHeadStmt;
  private key: Buffer | undefined;
  /** An unkeyed chain found broken: it stays unkeyed (no need to walk it again per append). */
  private oldChainBroken = false;

  /**
   * `dataKey` is read on first use (in Electron the OS keychain answers only once the app is
   * ready); by default it is the key file beside the database (tests and tools).
   */
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly dataKey: () => Buffer = () => loadDataKey(path.dirname(db.name)),
  ) {
    this.headStmt = db.prepare<[], AuditHead & { chain: ChainKind }>(
      'SELECT seq, hash, chain FROM audit_head WHERE id = 1',
    );
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.setHeadStmt = db.prepare(
      'INSERT INTO audit_head (id, seq, hash, chain) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, chain = excluded.chain',
    );
  }

  private chainKey(): Buffer {
    return (this.key ??= auditKey(this.dataKey()));
  }

  private mac(kind: ChainKind, prev: string, e: EntryFields): string {
    return kind === 'sha256' ? entryHash(prev, e) : entryMac(this.chainKey(), prev, e);
  }

  /** Which hash the chain uses, re-keying an intact unkeyed chain first (once). */
  private chainKind(): ChainKind {
    const head = this.headStmt.get();
    if (!head || head.chain === 'hmac-sha256') return 'hmac-sha256';
    if (this.oldChainBroken) return 'sha256';
    // IMMEDIATE: two processes opening an old file re-key it once, not twice.
    return this.db
      .transaction((): ChainKind => {
        const again = this.headStmt.get();
        if (!again || again.chain === 'hmac-sha256') return 'hmac-sha256';
        if (!this.walk('sha256').ok) {
          this.oldChainBroken = true;
          return 'sha256';
        }
        this.rekey();
        return 'hmac-sha256';
      })
      .immediate();
  }

  private rekey(): void {
    let prev = GENESIS_HASH;
    let seq = 0;
    const set = this.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    // The only rewrite the log ever gets, inside the transaction that verified it.
    this.db.exec('DROP TRIGGER audit_log_no_update');
    for (const r of this.db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').all()) {
      const hash = this.mac('hmac-sha256', prev, r);
      set.run(prev, hash, r.seq);
      prev = hash;
      seq = r.seq;
    }
    this.db.exec(AUDIT_TRIGGERS.audit_log_no_update!);
    this.setHeadStmt.run(seq, prev, 'hmac-sha256');
    this.write('hmac-sha256', {
      actor: 'system',
      action: 'audit.chain.keyed',
      subject: 'audit_log',
      details: { entries: seq },
    });
  }

  private write(kind: ChainKind, input: AuditInput): AuditEntry {
    const head = this.headStmt.get() ?? { seq: 0, hash: GENESIS_HASH };
    const row = {
      seq: head.seq + 1,
      at: this.now().toISOString(),
      actor: input.actor,
      action: input.action,
      subject: input.subject,
      details: canonicalize(input.details ?? {}) ?? '{}',
    };
    const hash = this.mac(kind, head.hash, row);
    this.insertStmt.run(row.seq, row.at, row.actor, row.action, row.subject, row.details, head.hash, hash);
    this.setHeadStmt.run(row.seq, hash, kind);
    return { ...row, details: input.details ?? {} };
  }

  /**
   * Appends one entry. Call inside the caller's transaction when the audited change is a
   * write, so the change and its record commit (or roll back) together.
   */
  append(input: AuditInput): AuditEntry {
    // Outside a caller's transaction, an old chain is re-keyed in an IMMEDIATE one of its own.
    if (!this.db.inTransaction) this.chainKind();
    return this.db.transaction(() => this.write(this.chainKind(), input))();
  }

  /** The current head, re-keying an old chain first: what is sent to the witness. */
  head(): AuditHead {
    this.chainKind();
    const h = this.headStmt.get();
    return { seq: h?.seq ?? 0, hash: h?.hash ?? GENESIS_HASH };
  }

  /** The MAC stored for entry `seq`, or null when there is no such entry. */
  hashAt(seq: number): string | null {
    const r = this.db
      .prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?')
      .get(seq);
    return r?.hash ?? null;
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

  /**
   * Walks the whole chain (re-keying an intact old one first), then checks that the protective
   * triggers are still there: a break in the chain is named first, missing triggers after.
   */
  verify(): AuditVerification {
    const chain = this.walk(this.chainKind());
    if (!chain.ok) return chain;
    const triggers = this.missingTriggers();
    if (triggers.length)
      return {
        ok: false,
        entries: chain.entries,
        firstBrokenSeq: null,
        problem: `the protective trigger${triggers.length > 1 ? 's' : ''} ${triggers.join(', ')} ${triggers.length > 1 ? 'were' : 'was'} removed or changed: the database was edited outside the app`,
      };
    return chain;
  }

  private missingTriggers(): string[] {
    const found = new Map(
      this.db
        .prepare<[], { name: string; sql: string | null }>(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'",
        )
        .all()
        .map((t) => [t.name, (t.sql ?? '').replace(/\s+/g, ' ').trim()]),
    );
    return Object.entries(AUDIT_TRIGGERS)
      .filter(([name, sql]) => found.get(name) !== sql)
      .map(([name]) => name);
  }

  /** Walks the chain in rowid order (the physical order, which reordering changes). */
  private walk(kind: ChainKind): AuditVerification {
    // A key that cannot be read is an error of its own, not an "unreadable entry".
    if (kind === 'hmac-sha256') this.chainKey();
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
        recomputed = this.mac(kind, prev, r);
      } catch {
        return broken(r.seq, `entry ${r.seq} has unreadable details`);
      }
      if (recomputed !== r.hash)
        return broken(
          r.seq,
          `entry ${r.seq} was altered or forged after it was written (its MAC does not match)`,
        );
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
