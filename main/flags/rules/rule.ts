// Runs in: main process and CLI. What every vetting rule is: an id, a version, a description a
// supervisor can read, thresholds, and two ways to run (everything, or what a batch touched).
import type { EvidenceEntryView, FlagConfigView, Severity } from '../../../ipc/channels/flags';
import type { Db } from '../../db/database';
import type { Touched } from './people';

export type EvidenceEntry = EvidenceEntryView;

export interface FlagCandidate {
  applicantId: string;
  ruleId: string;
  ruleVersion: number;
  /** What the flag is about (a normalised address, a phone, an entry id, …). */
  key: string;
  severity: Severity;
  evidence: { summary: string; others: EvidenceEntry[]; othersTotal: number; [k: string]: unknown };
  explanation: string;
}

/** What a run covers: flags of this rule inside the scope and not re-found are cleared. */
export interface Scope {
  keys?: string[];
  applicantIds?: string[];
}

export interface RuleContext {
  db: Db;
  config: FlagConfig;
  modelVersion?: string | null;
  /** The run's touched applicants, read once for every rule that asks (FlagEngine.updateFor). */
  touched?: Touched;
}

export interface Rule {
  id: string;
  version: number;
  description: string;
  /** Every flag of this rule over all synced ports and days. */
  all(ctx: RuleContext): FlagCandidate[];
  /** The flags that the given applicants' arrival or change could create or clear. */
  affected(ctx: RuleContext, applicantIds: string[]): { scope: Scope; candidates: FlagCandidate[] };
}

/** The thresholds in force: the ones an admin may set (ipc FlagThresholds) and the evidence cap. */
export type FlagConfig = FlagConfigView;

export const DEFAULT_FLAG_CONFIG: FlagConfig = {
  sharedAddressMinHouseholds: 3,
  sharedPhoneMinHouseholds: 3,
  sharedEmailMinHouseholds: 3,
  sharedDeviceMinHouseholds: 3,
  faceDuplicateMinScore: 0.6,
  identityNameMinSimilarity: 0.9,
  lookoutMinSimilarity: 0.9,
  lookoutYearTolerance: 1,
  evidenceLimit: 50,
};
