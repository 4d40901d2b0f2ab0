// Runs in: main (validation), preload (channel names), renderer (types only).
// What the console is: version, shell, mode, port, whether first-run setup is needed.
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { PortInfoView, SiteMode } from './common';

export const AppInfoView = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'browser']),
  mode: SiteMode,
  needsSetup: z.boolean(),
  /** Where the data key that encrypts the database is kept: 'file' (no OS keychain) is shown as a warning. */
  keyStorage: z.enum(['os-keychain', 'file']),
  port: PortInfoView.nullable(),
});
export type AppInfoView = z.infer<typeof AppInfoView>;

export const appChannels = {
  'app.info': channel(
    'public',
    'App version, shell, mode and whether first-run setup is needed',
    Empty,
    AppInfoView,
  ),
} as const;
