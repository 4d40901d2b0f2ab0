// Runs in: main (validation), preload (channel names), renderer (types only).
// Manifest sync state, sync on demand, and offline bundle import.
import { z } from 'zod';
import { channel, Empty, ROLES } from '../channel';
import { PortDayView, PortInfoView, SiteMode } from './common';

/** One port-day of the vetting window that is not current, for the admin (why, and when it is tried again). */
export const WindowDayView = PortDayView.extend({
  state: z.enum(['pending', 'failing', 'stale']),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type WindowDayView = z.infer<typeof WindowDayView>;

/** The vetting window (main/sync/window-sync.ts): how much of it the console holds, and how fresh. */
export const WindowStatusView = z.object({
  ports: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  /** Port-days in the window, the console's own today included. */
  portDays: z.number().int(),
  /** Complete and confirmed by the feed within the last two hours. */
  current: z.number().int(),
  /** Not complete yet (being filled, waiting for a retry after an error). */
  behind: z.number().int(),
  /** Complete, but not confirmed by the feed for more than two hours (offline). */
  stale: z.number().int(),
  /** The feed has no manifest for them (yet). */
  notPublished: z.number().int(),
  /** Of the behind: waiting out their own back-off after errors. */
  failing: z.number().int(),
  /** The oldest confirmation among the complete port-days: how old what vetting reads may be. */
  asOf: z.string().nullable(),
  /** A cycle is running; the port-day being filled, if any. */
  filling: PortDayView.nullable(),
  offline: z.boolean(),
  /** When a cycle last brought or purged anything (flags on today's queue may have changed). */
  changedAt: z.string().nullable(),
  faceTemplates: z.boolean(),
  lastCycle: z
    .object({
      finishedAt: z.string(),
      ms: z.number(),
      requests: z.number().int(),
      checked: z.number().int(),
      updated: z.number().int(),
      complete: z.boolean(),
    })
    .nullable(),
  /** Per port: current of total port-days. */
  perPort: z.array(z.object({ port: z.string(), current: z.number().int(), total: z.number().int() })),
  /** Up to 20 port-days behind or stale, oldest trouble first. */
  lagging: z.array(WindowDayView),
});
export type WindowStatusView = z.infer<typeof WindowStatusView>;

export const SyncStatusView = z.object({
  port: PortInfoView.nullable(),
  mode: z.enum([...SiteMode.options, 'unconfigured']),
  feedUrl: z.string().nullable(),
  state: z.enum(['idle', 'syncing', 'offline', 'error', 'never']),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pendingUploads: z.number().int(),
  todaysManifest: z.enum(['current', 'stale', 'missing']),
  serviceDate: z.string().nullable(),
  applicants: z.number().int(),
  /** While a sync runs: where it is. */
  progress: z
    .object({
      phase: z.string(),
      appliedSeq: z.number().int(),
      lastSeq: z.number().int(),
      photosDone: z.number().int(),
      photosTotal: z.number().int(),
    })
    .nullable(),
  /** The vetting window's state; null when this console has no feed to fill it from. */
  window: WindowStatusView.nullable(),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const BundleImportView = PortDayView.extend({
  batchesApplied: z.number().int(),
  recordsApplied: z.number().int(),
  photosStored: z.number().int(),
  lookoutVersion: z.number().int().nullable(),
});

export const syncChannels = {
  // Every signed-in role sees the status area.
  'sync.status': channel(ROLES, 'Sync state for the status area', Empty, SyncStatusView),
  'sync.now': channel(
    ROLES,
    'Sync now instead of waiting for the next scheduled attempt',
    Empty,
    SyncStatusView,
  ),
  // A bundle file arrives as bytes, never as a path: announced here (size checked at once), sent
  // by the shell (the HTTP bridge's /upload/<id>, or the preload's chunks), then imported by id.
  'bundle.upload': channel(
    ['admin'],
    'Announce a bundle file the admin picked or dropped, to send its bytes',
    z.object({ name: z.string().min(1).max(255), size: z.number().int().min(1) }).strict(),
    z.object({ uploadId: z.string(), maxBytes: z.number().int() }),
  ),
  'bundle.import': channel(
    ['admin'],
    'Verify and import a signed offline bundle the admin sent',
    z.object({ uploadId: z.uuid() }).strict(),
    BundleImportView,
  ),
} as const;
