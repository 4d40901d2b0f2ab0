// Runs in: main (validation), preload (channel names), renderer (types only).
// Site settings admins change: idle lock and retention.
import { z } from 'zod';
import { channel, Empty } from '../channel';

export const SettingsView = z.object({ idleLockMinutes: z.number(), retentionDays: z.number() });
export type SettingsView = z.infer<typeof SettingsView>;

export const settingsChannels = {
  'settings.get': channel({
    access: ['admin'],
    summary: 'Site settings',
    request: Empty,
    response: SettingsView,
  }),
  'settings.update': channel({
    access: ['admin'],
    summary: 'Change site settings',
    request: z
      .object({
        idleLockMinutes: z.number().int().min(1).max(240).optional(),
        retentionDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict(),
    response: SettingsView,
  }),
} as const;
