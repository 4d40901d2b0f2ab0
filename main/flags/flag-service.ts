// Runs in: main process. Flags as the app uses them: computed after each synced batch and each
// enrolment, acknowledged by officers, reviewed by supervisors; every step audited.
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { FlagEngine } from './engine';
import { KEYS_VERSION } from './keys';
import type { FlagRow } from './flag-repository';
import { RULES } from './rules/index';
import { DEFAULT_FLAG_CONFIG, type FlagConfig } from './rules/rule';

export interface FlagView {
  id: number;
  ruleId: string;
  ruleVersion: number;
  ruleDescription: string;
  severity: 'low' | 'medium' | 'high';
  explanation: string;
  evidence: unknown;
  status: 'open' | 'cleared';
  computedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  ackNote: string | null;
  feedback: 'false_positive' | 'confirmed' | null;
  feedbackBy: string | null;
}

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

export class FlagService {
  engine: FlagEngine;

  constructor(private readonly app: AppContext) {
    this.engine = new FlagEngine(app.db, this.config());
  }

  /** Thresholds in force: the defaults, overridden by what an admin set. */
  config(): FlagConfig {
    return { ...DEFAULT_FLAG_CONFIG, ...(this.app.settings.getJson<Partial<FlagConfig>>('flags.config') ?? {}) };
  }

  /** An admin changes thresholds: stored, audited, and every flag recomputed under them. */
  updateConfig(actor: string, patch: Partial<FlagConfig>): FlagConfig {
    const before = this.config();
    const after = { ...before, ...patch };
    this.app.db.transaction(() => {
      this.app.settings.setJson('flags.config', after);
      this.app.audit.append({ actor, action: 'flags.config', subject: 'flags', details: { before: { ...before }, after: { ...after } } });
    })();
    this.engine = new FlagEngine(this.app.db, after);
    this.engine.recomputeAll();
    return after;
  }

  afterBatch(applicantIds: string[]): void {
    this.engine.updateFor(applicantIds);
  }

  /** After a crash between a batch and its flags: keys and flags for anyone left behind. */
  catchUp(): number {
    const stale = this.app.db.prepare<[number], { a: string }>('SELECT applicant_id AS a FROM applicants WHERE keys_version != ? LIMIT 50000').all(KEYS_VERSION).map((r) => r.a);
    if (stale.length) this.engine.updateFor(stale);
    return stale.length;
  }

  forApplicant(applicantId: string): FlagView[] {
    return this.engine.repo.forApplicant(applicantId).map(toFlagView);
  }

  acknowledge(flagId: number, officer: string, note: string | null): FlagView {
    const f = this.engine.repo.get(flagId);
    if (!f) throw new AppError('NOT_FOUND', 'No such flag.');
    this.app.db.transaction(() => {
      this.engine.repo.acknowledge(flagId, officer, note);
      this.app.audit.append({ actor: officer, action: 'flag.acknowledge', subject: `applicant:${f.applicant_id}`, details: { flagId, ruleId: f.rule_id, note: note ?? '' } });
    })();
    return toFlagView(this.engine.repo.get(flagId)!);
  }

  feedback(flagId: number, supervisor: string, verdict: 'false_positive' | 'confirmed', note: string | null): FlagView {
    const f = this.engine.repo.get(flagId);
    if (!f) throw new AppError('NOT_FOUND', 'No such flag.');
    this.app.db.transaction(() => {
      this.engine.repo.feedback(flagId, supervisor, verdict, note);
      this.app.audit.append({ actor: supervisor, action: 'flag.feedback', subject: `applicant:${f.applicant_id}`, details: { flagId, ruleId: f.rule_id, verdict, note: note ?? '' } });
    })();
    return toFlagView(this.engine.repo.get(flagId)!);
  }
}
