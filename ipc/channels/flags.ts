// Runs in: main (validation), preload (channel names), renderer (types only).
// Vetting flags: the officer acknowledges, the supervisor reviews, the admin sets thresholds.
import { z } from 'zod';
import { channel } from '../channel';
import { PortDayView } from './common';

export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

export const FlagVerdict = z.enum(['false_positive', 'confirmed']);
export type FlagVerdict = z.infer<typeof FlagVerdict>;

/** One other applicant a flag's evidence names. Main writes it; the renderer reads it out of the
 * flag's `evidence`, which crosses the bridge unvalidated (hence a type, not a schema). */
export interface EvidenceEntryView {
  applicantId: string;
  name: string;
  port: string;
  serviceDate: string;
  groupId: string;
  /** What matched, as the applicant typed it. */
  matched: string;
  /** Added when the flag is shown: the lookout entry this other applicant matches, if any. */
  lookout?: string;
}

export const FlagView = z.object({
  id: z.number().int(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  ruleDescription: z.string(),
  severity: Severity,
  explanation: z.string(),
  evidence: z.unknown(),
  status: z.enum(['open', 'cleared']),
  computedAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  ackNote: z.string().nullable(),
  feedback: FlagVerdict.nullable(),
  feedbackBy: z.string().nullable(),
});
export type FlagView = z.infer<typeof FlagView>;

/** The thresholds an admin may set, with their allowed ranges: the one list of them. */
export const FlagThresholds = z.object({
  sharedAddressMinHouseholds: z.number().int().min(2).max(50),
  sharedPhoneMinHouseholds: z.number().int().min(2).max(50),
  sharedEmailMinHouseholds: z.number().int().min(2).max(50),
  sharedDeviceMinHouseholds: z.number().int().min(2).max(50),
  faceDuplicateMinScore: z.number().min(0.3).max(0.99),
  identityNameMinSimilarity: z.number().min(0.7).max(1),
  lookoutMinSimilarity: z.number().min(0.7).max(1),
  lookoutYearTolerance: z.number().int().min(0).max(5),
});
export type FlagThresholds = z.infer<typeof FlagThresholds>;
export type FlagThresholdKey = keyof FlagThresholds;
export const FLAG_THRESHOLD_KEYS = Object.keys(FlagThresholds.shape) as FlagThresholdKey[];

export const FlagConfigView = FlagThresholds.extend({ evidenceLimit: z.number() });
export type FlagConfigView = z.infer<typeof FlagConfigView>;

export const RuleSummaryView = z.object({
  ruleId: z.string(),
  description: z.string(),
  version: z.number().int(),
  open: z.number().int(),
  acknowledged: z.number().int(),
  confirmed: z.number().int(),
  falsePositive: z.number().int(),
  precision: z.number().nullable(),
});
export type RuleSummaryView = z.infer<typeof RuleSummaryView>;

export const TrendView = z.object({
  kind: z.string(),
  example: z.string(),
  applicants: z.number().int(),
  households: z.number().int(),
  ports: z.array(z.string()),
  /** Applicants per port, most first. */
  perPort: z.array(z.object({ port: z.string(), applicants: z.number().int() })),
  days: z.number().int(),
  firstDate: z.string(),
  lastDate: z.string(),
});
export type TrendView = z.infer<typeof TrendView>;

export const ReviewFlagView = FlagView.extend({
  applicantId: z.string(),
  applicantName: z.string(),
  ...PortDayView.shape,
});
export type ReviewFlagView = z.infer<typeof ReviewFlagView>;

export const FlagOverviewView = z.object({
  rules: z.array(RuleSummaryView),
  trends: z.array(TrendView),
  recent: z.array(ReviewFlagView),
});
export type FlagOverviewView = z.infer<typeof FlagOverviewView>;

/** The officer's or supervisor's note on a flag. */
const AckNote = z.string().max(1000).optional();

export const flagsChannels = {
  'flags.acknowledge': channel(
    ['officer'],
    'Acknowledge a flag (with an optional note) before completing the case',
    z.object({ flagId: z.number().int(), note: AckNote }).strict(),
    FlagView,
  ),
  'flags.feedback': channel(
    ['supervisor'],
    'Mark a flag as a false positive, or confirm it',
    z.object({ flagId: z.number().int(), verdict: FlagVerdict, note: AckNote }).strict(),
    FlagView,
  ),
  'flags.config': channel(
    ['admin'],
    'Flag thresholds in force; a change is audited and recomputes every flag',
    FlagThresholds.partial().strict(),
    FlagConfigView,
  ),
  'flags.overview': channel(
    ['supervisor'],
    'Flags by rule with precision from feedback, cross-port trends, and flags to review',
    z.object({ rule: z.string().max(40).optional() }).strict(),
    FlagOverviewView,
  ),
} as const;
