// Runs in: main process, CLI and the reference feed server. A console's heartbeat to the feed
// (docs/feed-protocol.md, POST /v1/heartbeats): what admins need to see the fleet of booths at
// a port (GET /v1/ports/{port}/fleet). No personal data: versions, sync state, counts.
import { z } from 'zod';
import { UpdateChannel } from '../../ipc/channels/settings';

const IsoDateTime = z.string().datetime({ offset: true });

export const Heartbeat = z
  .object({
    port: z.string().regex(/^[A-Z]{3}$/),
    boothId: z.string().uuid(),
    booth: z.string().min(1).max(64),
    appVersion: z.string().min(1).max(64),
    modelVersion: z.string().max(128).nullable(),
    channel: UpdateChannel,
    lastSyncAt: IsoDateTime.nullable(),
    pendingUploads: z.number().int().min(0),
    /** Where this console's own update stands (its phase, the version offered, the download). */
    update: z
      .object({
        phase: z.string().max(32),
        version: z.string().max(64).nullable(),
        percent: z.number().min(0).max(100).nullable(),
      })
      .strict(),
    sentAt: IsoDateTime,
  })
  .strict();
export type Heartbeat = z.infer<typeof Heartbeat>;

/** A heartbeat as the feed keeps it: the last one per booth, with when it arrived. */
export const FleetEntry = Heartbeat.extend({ receivedAt: IsoDateTime });
export type FleetEntry = z.infer<typeof FleetEntry>;
