// Runs in: main (validation), preload (channel names), renderer (types only).
// Today's appointments at this port, for the booth's queue.
import { z } from 'zod';
import { channel } from '../channel';
import { Severity } from './flags';

export const QueueItemView = z.object({
  appointmentId: z.string(),
  applicantId: z.string(),
  groupId: z.string(),
  groupSize: z.number().int(),
  slot: z.string(),
  status: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  nameAsWritten: z.string(),
  dob: z.string(),
  hasPhoto: z.boolean(),
  openFlags: z.number().int(),
  topSeverity: Severity.nullable(),
});
export type QueueItemView = z.infer<typeof QueueItemView>;

export const QueueView = z.object({
  port: z.string().nullable(),
  timeZone: z.string().nullable(),
  serviceDate: z.string().nullable(),
  items: z.array(QueueItemView),
  counts: z.record(z.string(), z.number()),
});
export type QueueView = z.infer<typeof QueueView>;

export const queueChannels = {
  'queue.today': channel({
    access: ['officer', 'supervisor'],
    summary: "Today's appointments at this port, optionally searched by name, id or document number",
    request: z.object({ search: z.string().max(100).optional() }).strict(),
    response: QueueView,
  }),
} as const;
