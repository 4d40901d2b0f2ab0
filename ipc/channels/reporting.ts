// Runs in: main (validation), preload (channel names), renderer (types only).
// The supervisor's day at one port: the figures (aggregates, no one's personal data), the
// referrals to sign off (personal data: every read is audited), and CSV exports (audited).
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { PortCode, PortDayView, ServiceDate } from './common';
import { EnrolmentView } from './engine';
import { BandCounts, FaceBand, Judgement, OverrideCounts } from './face';
import { ReviewFlagView, RuleSummaryView, TrendView } from './flags';

/** Which port-day; either left out means this console's port, today there. */
export const PortDayRequest = z.object({ port: PortCode.optional(), date: ServiceDate.optional() }).strict();
export type PortDayRequest = z.infer<typeof PortDayRequest>;

/** Each case (a non-cancelled appointment) once, by its latest decision: a correction replaces. */
export const DayFigures = z.object({
  scheduled: z.number().int(),
  /** Came to a booth: decided other than no-show, or marked arrived and not decided yet. */
  arrived: z.number().int(),
  /** Decided as processed, referred or identity not confirmed. */
  completed: z.number().int(),
  processed: z.number().int(),
  referred: z.number().int(),
  identityNotConfirmed: z.number().int(),
  noShow: z.number().int(),
  /** Scheduled, not arrived, not a no-show. */
  stillToCome: z.number().int(),
});
export type DayFigures = z.infer<typeof DayFigures>;

/** One local hour ("08:00") of the port-day: appointments slotted in it, cases completed in it. */
export const HourRow = z.object({
  hour: z.string(),
  scheduled: z.number().int(),
  completed: z.number().int(),
});
export type HourRow = z.infer<typeof HourRow>;

/** A booth's or an officer's completed cases; minutes from arrival to decision (nearest rank). */
export const WorkRow = z.object({
  key: z.string(),
  cases: z.number().int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  referrals: z.number().int(),
});
export type WorkRow = z.infer<typeof WorkRow>;

/** What the day's face comparisons and manual identity checks came to, over a set of applicants. */
export const VerificationCounts = z.object({
  /** Applicants with a face comparison or a manual identity check. */
  applicants: z.number().int(),
  ...BandCounts.shape,
  /** Attempts after each applicant's first, and applicants compared more than once. */
  retries: z.number().int(),
  retried: z.number().int(),
  manualChecks: z.number().int(),
  /** Latest decisions (completed cases) that rest on a manual identity check. */
  decidedOnManualCheck: z.number().int(),
  /** Comparisons whose liveness score was under the model's advisory threshold. */
  livenessAdvisories: z.number().int(),
  /** Blind-first comparisons, and those where the officer's own judgement agreed / disagreed with the band. */
  blind: z.number().int(),
  blindAgreed: z.number().int(),
  blindDisagreed: z.number().int(),
  ...OverrideCounts.shape,
});
export type VerificationCounts = z.infer<typeof VerificationCounts>;

export const GROUP_DIMENSIONS = ['sex', 'age', 'nationality', 'language'] as const;
export const GroupDimension = z.enum(GROUP_DIMENSIONS);
export type GroupDimension = z.infer<typeof GroupDimension>;

/** One group of applicants (a sex, an age band on the service date, ...): its counts, or none when suppressed. */
export const VerificationGroup = z.object({
  dimension: GroupDimension,
  /** As stored (F, M, X; VEN; es), or an age band: under18, 18-29, 30-44, 45-59, 60plus, unknown. */
  group: z.string(),
  /** Too few applicants to show (or hidden so a suppressed group cannot be worked out from the total). */
  suppressed: z.boolean(),
  counts: VerificationCounts.nullable(),
});
export type VerificationGroup = z.infer<typeof VerificationGroup>;

export const VerificationView = z.object({
  overall: VerificationCounts,
  groups: z.array(VerificationGroup),
  /** Groups with fewer applicants than this are not shown. */
  minGroup: z.number().int(),
});
export type VerificationView = z.infer<typeof VerificationView>;

/** A rule's flags on the day's applicants: awaiting the officer, acknowledged, reviewed by a supervisor. */
export const RuleDayRow = RuleSummaryView.extend({
  reviewed: z.number().int(),
  /** Confirmed among the day's reviewed flags; null before any review. */
  precision: z.number().nullable(),
  /** The same over every review of the rule, all days. */
  precisionAllDays: z.number().nullable(),
});
export type RuleDayRow = z.infer<typeof RuleDayRow>;

/** A flag on the review queue: the flag, whom it is about, the supervisor's verdict, the case's decision. */
export const ReviewItemView = ReviewFlagView.extend({
  feedbackAt: z.string().nullable(),
  feedbackNote: z.string().nullable(),
  /** The case's latest decision on that day, if decided. */
  decision: z.string().nullable(),
});
export type ReviewItemView = z.infer<typeof ReviewItemView>;

export const FlagReviewView = z.object({
  /** The day's flags, most severe first, then newest (reviewed ones stay in place). */
  queue: z.array(ReviewItemView),
  /** How many there are in all (the queue shows the first ones). */
  total: z.number().int(),
  /** Values shared by the most applicants across every port and day held (the vetting window). */
  trends: z.array(TrendView),
});
export type FlagReviewView = z.infer<typeof FlagReviewView>;

export const DashboardView = z.object({
  port: z.string().nullable(),
  serviceDate: z.string().nullable(),
  timeZone: z.string().nullable(),
  figures: DayFigures,
  perHour: z.array(HourRow),
  booths: z.array(WorkRow),
  officers: z.array(WorkRow),
  appointments: z.record(z.string(), z.number()),
  /** Face comparisons and manual checks, overall and by group (small groups suppressed). */
  verification: VerificationView,
  /** The day's flags by rule (aggregates: the queue itself is reporting.flagReview). */
  flagRules: z.array(RuleDayRow),
  /** Referrals of the port-day (latest decisions) without a supervisor's sign-off. */
  openReferrals: z.number().int(),
  pendingUploads: z.number().int(),
  enrolment: EnrolmentView,
});
export type DashboardView = z.infer<typeof DashboardView>;

export const SIGN_OFF_OUTCOMES = ['admitted', 'not_admitted', 'further_action'] as const;
export const SignOffOutcome = z.enum(SIGN_OFF_OUTCOMES);
export type SignOffOutcome = z.infer<typeof SignOffOutcome>;

export const SignOffView = z.object({
  outcome: SignOffOutcome,
  note: z.string(),
  supervisor: z.string(),
  at: z.string(),
});

/** A case whose latest decision is a referral to secondary inspection. */
export const ReferralView = z.object({
  encounterId: z.string(),
  applicantId: z.string(),
  name: z.string(),
  slot: z.string(),
  officer: z.string(),
  booth: z.string(),
  referredAt: z.string(),
  /** The officer's reason and note, as written with the decision. */
  note: z.string(),
  /** The flags the officer acknowledged before deciding (rule ids). */
  flags: z.array(z.string()),
  signOff: SignOffView.nullable(),
});
export type ReferralView = z.infer<typeof ReferralView>;

export const CSV_TABLES = [
  'figures',
  'perHour',
  'booths',
  'officers',
  'referrals',
  'verification',
  'flagRules',
  'trends',
] as const;
export const CsvTable = z.enum(CSV_TABLES);
export type CsvTable = z.infer<typeof CsvTable>;

/**
 * Blind-first mode, for the supervisor: each judgement an officer recorded before the score was
 * shown, beside the band the withheld score then gave. "Agreed": same person and MATCH, or
 * different and NO_MATCH; "disagreed": the opposite pairs (unsure and INCONCLUSIVE are neither).
 */
export const BlindFirstView = z.object({
  port: z.string().nullable(),
  serviceDate: z.string().nullable(),
  /** Judged comparisons by the officer's judgement and the band (null: no result, e.g. no face found). */
  cells: z.array(z.object({ judgement: Judgement, band: FaceBand.nullable(), count: z.number().int() })),
  officers: z.array(
    z.object({
      officer: z.string(),
      judged: z.number().int(),
      agreed: z.number().int(),
      disagreed: z.number().int(),
      unsure: z.number().int(),
    }),
  ),
  /** Blind comparisons whose judgement has not been recorded (yet). */
  pending: z.number().int(),
  /** The disagreements, newest first, with whom each was about (personal data: the read is audited). */
  disagreements: z.array(
    z.object({
      verificationId: z.number().int(),
      applicantId: z.string(),
      name: z.string(),
      officer: z.string(),
      at: z.string(),
      judgement: Judgement,
      band: FaceBand,
      score: z.number().nullable(),
    }),
  ),
});
export type BlindFirstView = z.infer<typeof BlindFirstView>;

const SignOffRequest = z
  .object({
    encounterId: z.string().min(1).max(64),
    outcome: SignOffOutcome,
    note: z.string().trim().min(3).max(1000),
  })
  .strict();

export const reportingChannels = {
  'arrivals.dashboard': channel(
    ['supervisor'],
    "A port-day's figures (default: today here): cases by latest decision, per hour, per booth and officer",
    PortDayRequest,
    DashboardView,
  ),
  'reporting.portDays': channel(
    ['supervisor'],
    'The port-days this console holds (synced manifests), newest first',
    Empty,
    z.array(PortDayView),
  ),
  'reporting.referrals': channel(
    ['supervisor'],
    "A port-day's referrals to secondary with the officer's note and any sign-off (audited view)",
    PortDayRequest,
    z.array(ReferralView),
  ),
  'reporting.signOff': channel(
    ['supervisor'],
    'Sign off a referral to secondary: the outcome and a note, once per referral (audited)',
    SignOffRequest,
    ReferralView,
  ),
  'reporting.flagReview': channel(
    ['supervisor'],
    "A port-day's flags to review with whom each is about, and cross-port trends (audited view)",
    PortDayRequest,
    FlagReviewView,
  ),
  'reporting.dailyReport': channel(
    ['supervisor'],
    "A port-day's daily report as PDF: figures, charts, referral list (audited export)",
    PortDayRequest,
    z.object({ filename: z.string(), pdfBase64: z.string(), pages: z.number().int() }),
  ),
  'reporting.blindFirst': channel(
    ['supervisor'],
    "A port-day's blind-first comparisons: officers' judgements beside the withheld scores (audited view)",
    PortDayRequest,
    BlindFirstView,
  ),
  'reporting.exportCsv': channel(
    ['supervisor'],
    "One of a port-day's tables as CSV (UTF-8 with BOM) for a spreadsheet (audited)",
    PortDayRequest.extend({ table: CsvTable }).strict(),
    z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  ),
} as const;
