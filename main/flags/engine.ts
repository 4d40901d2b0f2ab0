// Runs in: main process and CLI.
// Runs the rules: incrementally for what a synced batch (or a new face template) touched, or
// everything at once (`arrivals flags recompute`). Flags carry their rule's version.
import type { Db } from '../db/database';
import { computeKeys, KEYS_VERSION, type ApplicantKeys, type KeySource } from './keys';
import { RULES } from './rules/index';
import { DEFAULT_FLAG_CONFIG, type FlagConfig, type Rule, type RuleContext } from './rules/rule';
import { FlagRepository } from './flag-repository';
import { KEY_INDEXES, mergeFresh } from './key-tiers';
import { touchedOnce } from './rules/people';

/** An applicant whose keys are missing or stale, with what they are made from. */
type StaleRow = KeySource & { row_id: number; applicant_id: string };

export interface RunReport {
  rules: Array<{ ruleId: string; version: number; upserted: number; cleared: number; ms: number }>;
  keysUpdated: number;
  keysMs: number;
  totalMs: number;
}

export class FlagEngine {
  readonly repo: FlagRepository;
  private readonly ctx: RuleContext;

  constructor(
    private readonly db: Db,
    config: Partial<FlagConfig> = {},
    private readonly rules: readonly Rule[] = RULES,
  ) {
    this.repo = new FlagRepository(db);
    this.ctx = { db, config: { ...DEFAULT_FLAG_CONFIG, ...config } };
  }

  /**
   * Computes matching keys for the given applicants (or everyone) whose keys are missing or
   * stale. Idempotent. New keys go to the fresh tier, except in a bulk rebuild (see key-tiers).
   */
  refreshKeys(applicantIds?: string[], made?: ReadonlyMap<string, ApplicantKeys>): number {
    // By rowid: written back within the same transaction, without a second look-up by id.
    const columns =
      'rowid AS row_id, applicant_id, given_names, family_names, addr_line1, addr_line2, addr_zip, phone, email, device_id, doc_number, doc_issuer';
    const stale = applicantIds
      ? 0
      : (
          this.db
            .prepare('SELECT COUNT(*) AS n FROM applicants WHERE keys_version != ?')
            .get(KEYS_VERSION) as { n: number }
        ).n;
    // Rebuilding most keys (a normaliser changed, or a big import): updating the key indexes row
    // by row is far slower than dropping them and building them again once, straight into the
    // main tier.
    const rebuild = stale > 50_000;
    const write = this.db.prepare(
      `UPDATE applicants SET addr_key = ?, phone_key = ?, email_key = ?, device_key = ?, doc_key = ?, name_tokens = ?, surname_tokens = ?, keys_version = ${KEYS_VERSION}, keys_fresh = ${rebuild ? 0 : 1} WHERE rowid = ?`,
    );
    const writeAll = this.db.transaction((rows: Array<StaleRow>) => {
      for (const r of rows) {
        const k = made?.get(r.applicant_id) ?? computeKeys(r);
        write.run(
          k.addr_key,
          k.phone_key,
          k.email_key,
          k.device_key,
          k.doc_key,
          k.name_tokens,
          k.surname_tokens,
          r.row_id,
        );
      }
      return rows.length;
    });
    if (applicantIds) {
      // Only rows whose keys are missing or stale (new rows, corrections, re-sent records).
      return writeAll(
        this.db
          .prepare<[string, number], StaleRow>(
            `SELECT ${columns} FROM applicants WHERE applicant_id IN (SELECT value FROM json_each(?)) AND keys_version != ?`,
          )
          .all(JSON.stringify(applicantIds), KEYS_VERSION),
      );
    }
    if (rebuild) for (const [name] of KEY_INDEXES) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
    const page = this.db.prepare<[number], StaleRow>(
      `SELECT ${columns} FROM applicants WHERE keys_version != ? LIMIT 20000`,
    );
    let n = 0;
    try {
      for (let rows = page.all(KEYS_VERSION); rows.length; rows = page.all(KEYS_VERSION)) n += writeAll(rows);
    } finally {
      if (rebuild)
        for (const [name, cols] of KEY_INDEXES)
          this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON applicants ${cols}`);
    }
    return n;
  }

  /**
   * After a batch: keys for the touched applicants, then each rule over what they affect. One
   * transaction for all of it: the pages it changes are written to the log once, not once per
   * rule, and a crash half way leaves the keys stale for the start-up catch-up to redo. `made`:
   * keys already worked out from the rows as they stand (the verify worker's, batch-keys.ts).
   */
  updateFor(applicantIds: string[], only?: string[], made?: ReadonlyMap<string, ApplicantKeys>): RunReport {
    const t0 = performance.now();
    const report = this.db.transaction(() => {
      const keysUpdated = this.refreshKeys(applicantIds, made);
      // What the rules read of the touched applicants (keys, name blocks): read once, on first use.
      const ctx: RuleContext = { ...this.ctx, touched: touchedOnce(this.db, applicantIds) };
      const keysMs = performance.now() - t0;
      const rules: RunReport['rules'] = [];
      for (const rule of this.rules) {
        if (only && !only.includes(rule.id)) continue;
        const t = performance.now();
        const { scope, candidates } = rule.affected(ctx, applicantIds);
        const r = this.repo.apply(rule.id, scope, candidates);
        rules.push({ ruleId: rule.id, version: rule.version, ...r, ms: performance.now() - t });
      }
      return { rules, keysUpdated, keysMs };
    })();
    // The commit included.
    return { ...report, totalMs: performance.now() - t0 };
  }

  /**
   * Everything, from scratch: keys first where missing or made by an older normaliser, then all
   * keys merged into the main tier, which is what the rules' whole-table scans read.
   */
  recomputeAll(only?: string[]): RunReport {
    const t0 = performance.now();
    const keysUpdated = this.refreshKeys();
    mergeFresh(this.db);
    const keysMs = performance.now() - t0;
    const rules: RunReport['rules'] = [];
    for (const rule of this.rules) {
      if (only && !only.includes(rule.id)) continue;
      const t = performance.now();
      const candidates = rule.all(this.ctx);
      const r = this.repo.apply(rule.id, null, candidates);
      rules.push({ ruleId: rule.id, version: rule.version, ...r, ms: performance.now() - t });
    }
    return { rules, keysUpdated, keysMs, totalMs: performance.now() - t0 };
  }
}
