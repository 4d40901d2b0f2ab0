// Runs in: main (validation), preload (channel names), renderer (types only).
// Today's appointments at this port, for the booth's queue.
import { z } from 'zod';
import { channel } from '../channel';
import { PersonView } from './common';
import { Severity } from './flags';

/** How a searched row matched, best first: the order is the ranking (main/applicant/search.ts). */
export const SearchMatch = z.enum([
  'id',
  'document',
  'exact',
  'name',
  'variant',
  'partial',
  'similar',
  'number',
]);
export type SearchMatch = z.infer<typeof SearchMatch>;

export const QueueItemView = PersonView.extend({
  appointmentId: z.string(),
  groupSize: z.number().int(),
  slot: z.string(),
  status: z.string(),
  hasPhoto: z.boolean(),
  openFlags: z.number().int(),
  topSeverity: Severity.nullable(),
  /** Searched only: how this row matched, best first (an exact id or document opens at once). */
  match: SearchMatch.optional(),
  /** Searched only, for a row of another port (asked for with otherPorts): where and when it is booked. */
  port: z.string().optional(),
  serviceDate: z.string().optional(),
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
  'queue.today': channel(
    ['officer', 'supervisor'],
    "Today's appointments at this port, or searched by name, id or document number (ranked, exact first)",
    z
      .object({
        search: z.string().max(100).optional(),
        /** Also find an exact id booked at another port of the vetting window (only when the officer asks). */
        otherPorts: z.boolean().optional(),
      })
      .strict(),
    QueueView,
  ),
} as const;
