// Runs in: main (validation), preload (channel names), renderer (types only).
// The one IPC contract: every domain's channels (ipc/channels/*.ts) merged; a duplicate name
// fails at load. main/ipc/router.ts validates both directions against it.
import type { z } from 'zod';
import { mergeChannels, type Result } from './channel';
import { appChannels } from './channels/app';
import { applicantChannels } from './channels/applicant';
import { auditChannels } from './channels/audit';
import { authChannels } from './channels/auth';
import { counterChannels } from './channels/counter';
import { encounterChannels } from './channels/encounter';
import { engineChannels } from './channels/engine';
import { faceChannels } from './channels/face';
import { flagsChannels } from './channels/flags';
import { lookoutChannels } from './channels/lookout';
import { queueChannels } from './channels/queue';
import { reportingChannels } from './channels/reporting';
import { settingsChannels } from './channels/settings';
import { syncChannels } from './channels/sync';
import { updateChannels } from './channels/update';
import { usersChannels } from './channels/users';

export const contract = mergeChannels(
  appChannels,
  authChannels,
  usersChannels,
  auditChannels,
  settingsChannels,
  queueChannels,
  applicantChannels,
  faceChannels,
  flagsChannels,
  lookoutChannels,
  encounterChannels,
  counterChannels,
  syncChannels,
  engineChannels,
  reportingChannels,
  updateChannels,
);

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNELS = Object.keys(contract) as ChannelName[];
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

/** What the preload (Electron) or the HTTP shim (browser shell) gives the renderer. */
export type ArrivalsApi = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};
