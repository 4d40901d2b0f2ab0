// Runs in: main process and CLI. The flags table: upserts that keep officers' acknowledgements
// and supervisors' feedback, clearing of flags no longer found, and reports.
import type { FlagVerdict, RuleSummaryView, Severity } from '../../ipc/channels/flags';
import type { Db } from '../db/database';
import type { FlagCandidate, Scope } from './rules/rule';

export interface FlagRow {
  id: number;
  applicant_id: string;
  rule_id: string;
  rule_version: number;
  match_key: string;
  severity: Severity;
  evidence: string;
  explanation: string;
  status: 'open' | 'cleared';
  computed_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  ack_note: string | null;
  feedback: FlagVerdict | null;
  feedback_by: string | null;
  feedback_at: string | null;
  feedback_note: string | null;
}

/** A flag with the applicant it is about, for the supervisor's review list. */
export type ReviewFlagRow = FlagRow & {
  given_names: string;
  family_names: string;
  port: string;
  service_date: string;
};

/** What a rule found again, per apply: flags in its scope not in here are cleared. */
const KEEP_TABLE =
  'CREATE TEMP TABLE IF NOT EXISTS flag_keep (applicant_id TEXT, match_key TEXT, PRIMARY KEY (applicant_id, match_key))';

export class FlagRepository {
  constructor(private readonly db: Db) {}

  /** Writes one rule's result for a scope (or everything when scope is null). Returns counts. */
  apply(
    ruleId: string,
    scope: Scope | null,
    candidates: FlagCandidate[],
  ): { upserted: number; cleared: number } {
    const now = new Date().toISOString();
    const s = this.statements();
    return this.db.transaction(() => {
      for (const c of candidates)
        s.upsert.run(
          c.applicantId,
          c.ruleId,
          c.ruleVersion,
          c.key,
          c.severity,
          JSON.stringify(c.evidence),
          c.explanation,
          now,
        );
      // Flags in scope that were not found again are cleared (kept for the record). What was
      // found goes into a keyed temporary table in one statement; the scope is read straight
      // from its JSON (a batch's scope runs to thousands of keys: one statement, not one each).
      s.keepClear.run();
      if (candidates.length) s.keepFill.run(JSON.stringify(candidates.map((c) => [c.applicantId, c.key])));
      let cleared = 0;
      if (!scope) cleared = s.clearAll.run(now, ruleId).changes;
      else {
        if (scope.keys?.length) cleared += s.clearKeys.run(now, ruleId, JSON.stringify(scope.keys)).changes;
        if (scope.applicantIds?.length)
          cleared += s.clearApplicants.run(now, ruleId, JSON.stringify(scope.applicantIds)).changes;
      }
      return { upserted: candidates.length, cleared };
    })();
  }

  private prepared: ReturnType<FlagRepository['prepare']> | null = null;

  /**
   * Prepared once: a batch's flags step applies every rule, after every batch. The temporary table
   * is made again if missing: made inside whichever transaction first needed it, a rollback of
   * that transaction (a failed flags step) takes it away, and the statements are then prepared anew
   * by SQLite against the new one.
   */
  private statements() {
    if (this.prepared) this.db.exec(KEEP_TABLE);
    return (this.prepared ??= this.prepare());
  }

  private prepare() {
    this.db.exec(KEEP_TABLE);
    const clear = `UPDATE flags SET status = 'cleared', computed_at = ? WHERE rule_id = ? AND status = 'open'
                   AND NOT EXISTS (SELECT 1 FROM flag_keep k WHERE k.applicant_id = flags.applicant_id AND k.match_key = flags.match_key)`;
    return {
      upsert: this.db.prepare(
        `INSERT INTO flags (applicant_id, rule_id, rule_version, match_key, severity, evidence, explanation, status, computed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)
         ON CONFLICT(applicant_id, rule_id, match_key) DO UPDATE SET rule_version = excluded.rule_version, severity = excluded.severity,
           evidence = excluded.evidence, explanation = excluded.explanation, status = 'open', computed_at = excluded.computed_at`,
      ),
      keepClear: this.db.prepare('DELETE FROM flag_keep'),
      keepFill: this.db.prepare(
        'INSERT OR IGNORE INTO flag_keep SELECT value ->> 0, value ->> 1 FROM json_each(?)',
      ),
      clearAll: this.db.prepare(clear),
      clearKeys: this.db.prepare(`${clear} AND match_key IN (SELECT value FROM json_each(?))`),
      clearApplicants: this.db.prepare(`${clear} AND applicant_id IN (SELECT value FROM json_each(?))`),
    };
  }

  forApplicant(applicantId: string, includeCleared = false): FlagRow[] {
    return this.db
      .prepare<[string], FlagRow>(
        `SELECT * FROM flags WHERE applicant_id = ? ${includeCleared ? '' : "AND status = 'open'"} ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, rule_id`,
      )
      .all(applicantId);
  }

  get(id: number): FlagRow | undefined {
    return this.db.prepare<[number], FlagRow>('SELECT * FROM flags WHERE id = ?').get(id);
  }

  acknowledge(id: number, by: string, note: string | null): void {
    this.db
      .prepare('UPDATE flags SET acknowledged_by = ?, acknowledged_at = ?, ack_note = ? WHERE id = ?')
      .run(by, new Date().toISOString(), note, id);
  }

  feedback(id: number, by: string, kind: FlagVerdict, note: string | null): void {
    this.db
      .prepare(
        'UPDATE flags SET feedback = ?, feedback_by = ?, feedback_at = ?, feedback_note = ? WHERE id = ?',
      )
      .run(kind, by, new Date().toISOString(), note, id);
  }

  /** The lookout entries the given applicants match (open LOOKOUT_MATCH flags): applicant id to entry id. */
  lookoutEntries(applicantIds: string[]): Map<string, string> {
    const rows = this.db
      .prepare<[string], { a: string; k: string }>(
        `SELECT applicant_id AS a, match_key AS k FROM flags WHERE rule_id = 'LOOKOUT_MATCH' AND status = 'open'
         AND applicant_id IN (SELECT value FROM json_each(?)) ORDER BY match_key`,
      )
      .all(JSON.stringify(applicantIds));
    return new Map(rows.map((r) => [r.a, r.k]));
  }

  unacknowledged(applicantId: string): FlagRow[] {
    return this.db
      .prepare<[string], FlagRow>(
        "SELECT * FROM flags WHERE applicant_id = ? AND status = 'open' AND acknowledged_at IS NULL",
      )
      .all(applicantId);
  }

  /** Open flags (of one rule, or all), most severe and newest first, with their applicants. */
  openForReview(ruleId: string | null, limit = 200): ReviewFlagRow[] {
    return this.db
      .prepare<[string | null, string | null, number], ReviewFlagRow>(
        `SELECT f.*, a.given_names, a.family_names, a.port, a.service_date
         FROM flags f JOIN applicants a ON a.applicant_id = f.applicant_id
         WHERE f.status = 'open' AND (? IS NULL OR f.rule_id = ?)
         ORDER BY CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, f.computed_at DESC
         LIMIT ?`,
      )
      .all(ruleId, ruleId, limit);
  }

  /** Per rule: open flags, acknowledged, reviewed by a supervisor, and the precision that yields. */
  precision(): Array<Omit<RuleSummaryView, 'description' | 'version'>> {
    return this.db
      .prepare<[], { rule_id: string; open: number; ack: number; conf: number; fp: number }>(
        `SELECT rule_id, SUM(status = 'open') AS open, SUM(acknowledged_at IS NOT NULL) AS ack,
                SUM(feedback = 'confirmed') AS conf, SUM(feedback = 'false_positive') AS fp
         FROM flags GROUP BY rule_id ORDER BY rule_id`,
      )
      .all()
      .map((r) => ({
        ruleId: r.rule_id,
        open: r.open,
        acknowledged: r.ack,
        confirmed: r.conf,
        falsePositive: r.fp,
        precision: r.conf + r.fp ? r.conf / (r.conf + r.fp) : null,
      }));
  }

  /** Open flags of one rule per match key (for LOOKOUT_MATCH: per lookout entry), most first. */
  openByKey(ruleId: string, limit = 50): Array<{ key: string; applicants: number }> {
    return this.db
      .prepare<[string, number], { key: string; applicants: number }>(
        `SELECT match_key AS key, COUNT(*) AS applicants FROM flags WHERE rule_id = ? AND status = 'open'
         GROUP BY match_key ORDER BY applicants DESC, match_key LIMIT ?`,
      )
      .all(ruleId, limit);
  }

  /** Applicants with at least one open flag of the rule. */
  openApplicants(ruleId: string): number {
    return (
      this.db
        .prepare<[string], { n: number }>(
          "SELECT COUNT(DISTINCT applicant_id) AS n FROM flags WHERE rule_id = ? AND status = 'open'",
        )
        .get(ruleId) ?? { n: 0 }
    ).n;
  }
}
