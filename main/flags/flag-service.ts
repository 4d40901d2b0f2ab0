// Runs in: main process. Flags as the app uses them: computed after each synced batch and each
// enrolment, acknowledged by officers, reviewed by supervisors; every step audited.
import type { EngineStatusView } from '../../ipc/channels/engine';
import type {
  EvidenceEntryView,
  FlagOverviewView,
  FlagVerdict,
  FlagView,
  ReviewFlagView,
} from '../../ipc/channels/flags';
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { FlagEngine } from './engine';
import { KEYS_VERSION, type ApplicantKeys } from './keys';
import { freshCount, mergeFresh, WARM_KEY_INDEXES } from './key-tiers';
import { checkpointIdle } from '../db/wal';
import type { FlagRow, ReviewFlagRow } from './flag-repository';
import { RULES } from './rules/index';
import { DEFAULT_FLAG_CONFIG, type FlagConfig } from './rules/rule';
import { trends } from './trends';

export function toFlagView(f: FlagRow): FlagView {
  return {
    id: f.id,
    ruleId: f.rule_id,
    ruleVersion: f.rule_version,
    ruleDescription: RULES.find((r) => r.id === f.rule_id)?.description ?? '',
    severity: f.severity,
    explanation: f.explanation,
    evidence: JSON.parse(f.evidence) as unknown,
    status: f.status,
    computedAt: f.computed_at,
    acknowledgedBy: f.acknowledged_by,
    acknowledgedAt: f.acknowledged_at,
    ackNote: f.ack_note,
    feedback: f.feedback,
    feedbackBy: f.feedback_by,
  };
}

export function toReviewFlagView(f: ReviewFlagRow): ReviewFlagView {
  return {
    ...toFlagView(f),
    applicantId: f.applicant_id,
    applicantName: `${f.given_names} ${f.family_names}`,
    port: f.port,
    serviceDate: f.service_date,
  };
}

/** Fresh keys (see key-tiers.ts) merged into the main tier once this many have built up. */
export const MERGE_FRESH_AT = 10_000;
/** Rows per merge slice: ~150 ms at a million applicants (less at realistic sizes), so the UI never waits long. */
export const MERGE_SLICE = 1000;

export class FlagService {
  engine: FlagEngine;
  private merging: Promise<number> | null = null;
  private warming: Promise<number> | null = null;
  /** Keys being merged now (the upkeep's checkpoint alone does not count as merging). */
  private mergingKeys = false;

  constructor(private readonly app: AppContext) {
    this.engine = new FlagEngine(app.db, this.config());
  }

  /** Thresholds in force: the defaults, overridden by what an admin set. */
  config(): FlagConfig {
    return {
      ...DEFAULT_FLAG_CONFIG,
      ...(this.app.settings.getJson<Partial<FlagConfig>>('flags.config') ?? {}),
    };
  }

  /** An admin changes thresholds: stored, audited, and every flag recomputed under them. */
  updateConfig(actor: string, patch: Partial<FlagConfig>): FlagConfig {
    const before = this.config();
    const after = { ...before, ...patch };
    this.app.db.transaction(() => {
      this.app.settings.setJson('flags.config', after);
      this.app.audit.append({
        actor,
        action: 'flags.config',
        subject: 'flags',
        details: { before: { ...before }, after: { ...after } },
      });
    })();
    this.engine = new FlagEngine(this.app.db, after);
    this.engine.recomputeAll();
    return after;
  }

  /** The flags step for a batch; `keys`: those its verify worker already made (batch-keys.ts). */
  afterBatch(applicantIds: string[], keys?: ReadonlyMap<string, ApplicantKeys>): void {
    this.engine.updateFor(applicantIds, undefined, keys);
  }

  /** After a crash between a batch and its flags: keys and flags for anyone left behind. */
  catchUp(): number {
    const stale = this.app.db
      .prepare<[number], { a: string }>(
        'SELECT applicant_id AS a FROM applicants WHERE keys_version != ? LIMIT 50000',
      )
      .all(KEYS_VERSION)
      .map((r) => r.a);
    if (stale.length) this.engine.updateFor(stale);
    return stale.length;
  }

  /**
   * Reads the main tier's key indexes into the page cache, one index per step with `pace()`
   * between (each a fraction of a second), so that the first batches after a start or a fill run
   * as fast as later ones. One run at a time (a second call joins it). Resolves to the number of
   * indexes read; stops early if the console shuts down.
   */
  warmKeyIndexes(pace: () => Promise<void> = () => Promise.resolve()): Promise<number> {
    this.warming ??= (async () => {
      let n = 0;
      for (const sql of WARM_KEY_INDEXES) {
        await pace();
        if (!this.app.db.open) break;
        this.app.db.prepare(sql).get();
        n++;
      }
      return n;
    })().finally(() => (this.warming = null));
    return this.warming;
  }

  /**
   * Idle-time upkeep after a sync: once enough fresh keys have built up, move them into the main
   * tier in slices, yielding between slices so IPC and the UI stay responsive; then fold the log
   * into the database file (wal.ts), so the next batch's commit does not. Resolves to the number
   * of rows merged; one run at a time.
   */
  maintain(opts: { force?: boolean; pauseMs?: number } = {}): Promise<number> {
    if (this.merging) return this.merging;
    const merge = opts.force || freshCount(this.app.db) >= MERGE_FRESH_AT;
    const pause = opts.pauseMs ?? 50;
    this.merging = (async () => {
      let total = 0;
      this.mergingKeys = merge;
      for (let n = MERGE_SLICE; merge && n === MERGE_SLICE;) {
        // The console may have shut down between two slices.
        if (!this.app.db.open) return total;
        n = mergeFresh(this.app.db, MERGE_SLICE);
        total += n;
        if (n === MERGE_SLICE) await new Promise((r) => setTimeout(r, pause));
      }
      this.mergingKeys = false;
      // After what is in progress now (this is called right after a sync or a day of the window).
      await new Promise((r) => setImmediate(r));
      checkpointIdle(this.app.db);
      return total;
    })().finally(() => {
      this.merging = null;
      this.mergingKeys = false;
    });
    return this.merging;
  }

  /** Fresh keys waiting for the idle-time merge, and whether one is running. */
  tierStatus(): Omit<EngineStatusView['flags'], 'keysVersion'> {
    return { freshKeys: freshCount(this.app.db), mergeAt: MERGE_FRESH_AT, merging: this.mergingKeys };
  }

  /**
   * An applicant's open flags. Each other applicant their evidence names is marked with the
   * lookout entry it matches, if any, as it stands now: a passport also given at another port
   * by someone on the lookout list says so on this applicant's flag.
   */
  forApplicant(applicantId: string): FlagView[] {
    const flags = this.engine.repo.forApplicant(applicantId).map(toFlagView);
    type Evidence = { others?: EvidenceEntryView[] };
    const named = flags.flatMap((f) => (f.evidence as Evidence).others ?? []);
    const listed = named.length
      ? this.engine.repo.lookoutEntries(named.map((o) => o.applicantId))
      : new Map<string, string>();
    for (const o of named) {
      const entry = listed.get(o.applicantId);
      if (entry) o.lookout = entry;
    }
    return flags;
  }

  acknowledge(flagId: number, officer: string, note: string | null): FlagView {
    const f = this.engine.repo.get(flagId);
    if (!f) throw new AppError('NOT_FOUND', 'No such flag.');
    this.app.db.transaction(() => {
      this.engine.repo.acknowledge(flagId, officer, note);
      this.app.audit.append({
        actor: officer,
        action: 'flag.acknowledge',
        subject: `applicant:${f.applicant_id}`,
        details: { flagId, ruleId: f.rule_id, note: note ?? '' },
      });
    })();
    return toFlagView(this.engine.repo.get(flagId)!);
  }

  feedback(flagId: number, supervisor: string, verdict: FlagVerdict, note: string | null): FlagView {
    const f = this.engine.repo.get(flagId);
    if (!f) throw new AppError('NOT_FOUND', 'No such flag.');
    this.app.db.transaction(() => {
      this.engine.repo.feedback(flagId, supervisor, verdict, note);
      this.app.audit.append({
        actor: supervisor,
        action: 'flag.feedback',
        subject: `applicant:${f.applicant_id}`,
        details: { flagId, ruleId: f.rule_id, verdict, note: note ?? '' },
      });
    })();
    return toFlagView(this.engine.repo.get(flagId)!);
  }

  /**
   * The supervisor's review: every rule with its precision from feedback, cross-port trends, and
   * open flags to look at (names included, so the view is audited).
   */
  overview(supervisor: string, rule?: string): FlagOverviewView {
    const precision = new Map(this.engine.repo.precision().map((p) => [p.ruleId, p]));
    const recent = this.engine.repo.openForReview(rule ?? null);
    const details = { rule: rule ?? 'all', rows: recent.length };
    this.app.audit.append({ actor: supervisor, action: 'flags.view', subject: 'flags', details });
    return {
      rules: RULES.map((r) => {
        const p = precision.get(r.id);
        return {
          ruleId: r.id,
          description: r.description,
          version: r.version,
          open: p?.open ?? 0,
          acknowledged: p?.acknowledged ?? 0,
          confirmed: p?.confirmed ?? 0,
          falsePositive: p?.falsePositive ?? 0,
          precision: p?.precision ?? null,
        };
      }),
      trends: trends(this.app.db, 5).map(({ key: _k, ...t }) => t),
      recent: recent.map(toReviewFlagView),
    };
  }
}
