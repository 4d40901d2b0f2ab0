// Runs in: main (validation), preload (channel names), renderer (types only).
// Software updates as admins see them: the release this console is offered (its rollout, this
// booth's place in it, the download), "install now", and the fleet of booths at the port.
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { UpdateChannel } from './settings';

export const UPDATE_PHASES = [
  'unconfigured',
  'idle',
  'checking',
  'up-to-date',
  'not-in-stage',
  'downloading',
  'downloaded',
  'installing',
  'error',
] as const;
export const UpdatePhase = z.enum(UPDATE_PHASES);

export const UpdateStatusView = z.object({
  currentVersion: z.string(),
  channel: UpdateChannel,
  feedUrl: z.string().nullable(),
  quietHour: z.number().int().nullable(),
  /** This booth's fixed place in every rollout, 0–100: a stage of P % reaches it when P is above. */
  stagePosition: z.number(),
  phase: UpdatePhase,
  /** The newest release on the channel, when newer than this console. */
  available: z
    .object({
      version: z.string(),
      releaseDate: z.string().nullable(),
      /** 100 when the release names no stage. */
      stagingPercentage: z.number(),
      inStage: z.boolean(),
      size: z.number().int().nullable(),
    })
    .nullable(),
  progress: z.object({ transferred: z.number(), total: z.number(), percent: z.number() }).nullable(),
  /** The verified download waiting for a moment with nobody mid-case. */
  downloadedVersion: z.string().nullable(),
  error: z.string().nullable(),
  lastCheckAt: z.string().nullable(),
  /** What holds an install back right now. */
  busy: z.object({ openCases: z.number().int(), verifications: z.number().int() }),
});
export type UpdateStatusView = z.infer<typeof UpdateStatusView>;

export const FleetBoothView = z.object({
  boothId: z.string(),
  booth: z.string(),
  appVersion: z.string(),
  modelVersion: z.string().nullable(),
  channel: UpdateChannel,
  lastSyncAt: z.string().nullable(),
  pendingUploads: z.number().int(),
  lastSeenAt: z.string(),
  updatePhase: z.string(),
  /** On an older version than its channel's newest. */
  behind: z.boolean(),
  /** Not heard from for a while (no heartbeat). */
  silent: z.boolean(),
  /** This console. */
  self: z.boolean(),
});
export type FleetBoothView = z.infer<typeof FleetBoothView>;

export const FleetView = z.object({
  port: z.string().nullable(),
  /** null when the feed answered; else why the fleet could not be read. */
  error: z.string().nullable(),
  /** How far the release this console is offered has reached its channel's booths. */
  rollout: z
    .object({
      version: z.string(),
      channel: UpdateChannel,
      /** null: this console is on it already, so its stage is not known here. */
      stagingPercentage: z.number().nullable(),
      onVersion: z.number().int(),
      booths: z.number().int(),
    })
    .nullable(),
  booths: z.array(FleetBoothView),
});
export type FleetView = z.infer<typeof FleetView>;

export const updateChannels = {
  'update.status': channel(
    ['admin'],
    'The software update this console is offered, its rollout and download',
    Empty,
    UpdateStatusView,
  ),
  'update.check': channel(['admin'], 'Check the update server now', Empty, UpdateStatusView),
  'update.installNow': channel(
    ['admin'],
    'Install the downloaded update now (refused while anyone is mid-case)',
    Empty,
    UpdateStatusView,
  ),
  'update.fleet': channel(
    ['admin'],
    'Every booth of the port: version, model, last sync, pending uploads',
    Empty,
    FleetView,
  ),
} as const;
