// Runs in: main (validation), preload (channel names), renderer (types only).
// The supervisor's day at one port: the figures (aggregates, no one's personal data), the
// referrals to sign off (personal data: every read is audited), and CSV exports (audited).
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { EnrolmentView } from './engine';

const PortCode = z.string().regex(/^[A-Z]{3}$/, 'A port is three capital letters, e.g. SYS.');
const ServiceDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD.');

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

export const PortDayView = z.object({ port: z.string(), serviceDate: z.string() });
export type PortDayView = z.infer<typeof PortDayView>;

export const DashboardView = z.object({
  port: z.string().nullable(),
  serviceDate: z.string().nullable(),
  timeZone: z.string().nullable(),
  figures: DayFigures,
  perHour: z.array(HourRow),
  booths: z.array(WorkRow),
  officers: z.array(WorkRow),
  appointments: z.record(z.string(), z.number()),
  verificationBands: z.record(z.string(), z.number()),
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
export type SignOffView = z.infer<typeof SignOffView>;

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

export const CSV_TABLES = ['figures', 'perHour', 'booths', 'officers', 'referrals'] as const;
export const CsvTable = z.enum(CSV_TABLES);
export type CsvTable = z.infer<typeof CsvTable>;

export const reportingChannels = {
  'arrivals.dashboard': channel({
    access: ['supervisor'],
    summary:
      "A port-day's figures (default: today here): cases by latest decision, per hour, per booth and officer",
    request: PortDayRequest,
    response: DashboardView,
  }),
  'reporting.portDays': channel({
    access: ['supervisor'],
    summary: 'The port-days this console holds (synced manifests), newest first',
    request: Empty,
    response: z.array(PortDayView),
  }),
  'reporting.referrals': channel({
    access: ['supervisor'],
    summary: "A port-day's referrals to secondary with the officer's note and any sign-off (audited view)",
    request: PortDayRequest,
    response: z.array(ReferralView),
  }),
  'reporting.signOff': channel({
    access: ['supervisor'],
    summary: 'Sign off a referral to secondary: the outcome and a note, once per referral (audited)',
    request: z
      .object({
        encounterId: z.string().min(1).max(64),
        outcome: SignOffOutcome,
        note: z.string().trim().min(3).max(1000),
      })
      .strict(),
    response: ReferralView,
  }),
  'reporting.exportCsv': channel({
    access: ['supervisor'],
    summary: "One of a port-day's tables as CSV (UTF-8 with BOM) for a spreadsheet (audited)",
    request: PortDayRequest.extend({ table: CsvTable }).strict(),
    response: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  }),
} as const;
