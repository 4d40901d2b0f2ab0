// Runs in: main (validation), preload (channel names), renderer (types only).
// Manifest sync state, sync on demand, and offline bundle import.
import { z } from 'zod';
import { channel, Empty } from '../channel';

export const SyncStatusView = z.object({
  port: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  mode: z.enum(['demo', 'configured', 'unconfigured']),
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
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const BundleImportView = z.object({
  port: z.string(),
  serviceDate: z.string(),
  batchesApplied: z.number().int(),
  recordsApplied: z.number().int(),
  photosStored: z.number().int(),
  lookoutVersion: z.number().int().nullable(),
});
export type BundleImportView = z.infer<typeof BundleImportView>;

export const syncChannels = {
  'sync.status': channel({
    access: ['officer', 'supervisor', 'admin'],
    summary: 'Sync state for the status area',
    request: Empty,
    response: SyncStatusView,
  }),
  'sync.now': channel({
    access: ['officer', 'supervisor', 'admin'],
    summary: 'Sync now instead of waiting for the next scheduled attempt',
    request: Empty,
    response: SyncStatusView,
  }),
  'bundle.import': channel({
    access: ['admin'],
    summary: 'Import a signed offline bundle file (path on this machine)',
    request: z.object({ path: z.string().min(1).max(1024) }).strict(),
    response: BundleImportView,
  }),
} as const;
