// Runs in: main (validation), preload (channel names), renderer (types only).
// What the console is: version, shell, mode, port, whether first-run setup is needed.
import { z } from 'zod';
import { channel, Empty } from '../channel';

export const AppInfoView = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'browser']),
  mode: z.enum(['demo', 'configured']),
  needsSetup: z.boolean(),
  port: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
});
export type AppInfoView = z.infer<typeof AppInfoView>;

export const appChannels = {
  'app.info': channel({
    access: 'public',
    summary: 'App version, shell, mode and whether first-run setup is needed',
    request: Empty,
    response: AppInfoView,
  }),
} as const;
