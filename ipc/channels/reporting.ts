// Runs in: main (validation), preload (channel names), renderer (types only).
// The supervisor's figures for the day (aggregates only, no one's personal data).
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { EnrolmentView } from './engine';

export const DashboardView = z.object({
  port: z.string().nullable(),
  serviceDate: z.string().nullable(),
  appointments: z.record(z.string(), z.number()),
  dispositions: z.record(z.string(), z.number()),
  verificationBands: z.record(z.string(), z.number()),
  perHour: z.array(z.object({ hour: z.string(), completed: z.number().int() })),
  pendingUploads: z.number().int(),
  enrolment: EnrolmentView,
});
export type DashboardView = z.infer<typeof DashboardView>;

export const reportingChannels = {
  'arrivals.dashboard': channel({
    access: ['supervisor'],
    summary:
      "Today's arrivals at this port: appointments by status, throughput per hour, outcomes, verification bands",
    request: Empty,
    response: DashboardView,
  }),
} as const;
