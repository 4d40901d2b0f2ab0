// Runs in: main (validation), preload (channel names), renderer (types only).
// Site settings admins change: those kept in the database (in force at once: idle lock,
// retention, booth name, face bands, updates) and the site's connection in config.json (port,
// feed URL, pinned publisher keys; in force from the next start).
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { PortCode, SiteMode } from './common';
import { BandThresholds } from './face';

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export const UpdateChannel = z.enum(UPDATE_CHANNELS);
export type UpdateChannel = z.infer<typeof UpdateChannel>;

/** An admin's MATCH / INCONCLUSIVE thresholds, for the one model version they were set for. */
export const FaceBandsView = BandThresholds.extend({ modelVersion: z.string() });

/**
 * The vetting window (main/sync/vetting-window.ts): which ports' manifests the console keeps
 * beside its own port's today, how many service days back (today included) and ahead, and
 * whether other ports' photos are fetched for their face templates (the photo is deleted at once).
 */
export const VettingWindowView = z.object({
  ports: z.array(z.string()),
  daysBack: z.number().int(),
  daysAhead: z.number().int(),
  faceTemplates: z.boolean(),
});
export type VettingWindowView = z.infer<typeof VettingWindowView>;

/** What is stored; read leniently (main re-checks a change, not what an older version wrote). */
export const SettingsView = z.object({
  idleLockMinutes: z.number(),
  retentionDays: z.number(),
  /** null: the booth name of config.json, else "Booth 1". */
  boothName: z.string().nullable(),
  /** null: the calibration's thresholds for the model in use. */
  faceBands: FaceBandsView.nullable(),
  updateChannel: UpdateChannel,
  /** The hour (0–23, port time) when a downloaded update may install; null: only on sign-out or by hand. */
  updateQuietHour: z.number().int().nullable(),
  /** The update server; null: none configured. */
  updateFeedUrl: z.string().nullable(),
  /** Blind-first (against automation bias): the officer records their own judgement before the score shows. */
  blindFirst: z.boolean(),
  vettingWindow: VettingWindowView,
});
export type SettingsView = z.infer<typeof SettingsView>;

const WebUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');

/** Cosine similarity thresholds: the face model's scores of real pairs lie well inside (0, 1). */
const Similarity = z.number().min(0.05).max(0.95);

export const SettingsPatch = z
  .object({
    idleLockMinutes: z.number().int().min(1).max(240),
    retentionDays: z.number().int().min(1).max(3650),
    boothName: z.string().trim().min(1).max(64).nullable(),
    faceBands: z
      .object({ modelVersion: z.string().min(1).max(100), match: Similarity, inconclusive: Similarity })
      .strict()
      .nullable(),
    updateChannel: UpdateChannel,
    updateQuietHour: z.number().int().min(0).max(23).nullable(),
    updateFeedUrl: WebUrl.nullable(),
    blindFirst: z.boolean(),
    vettingWindow: z
      .object({
        // Known port codes are checked in main (main/sync/vetting-window.ts).
        ports: z
          .array(PortCode)
          .max(8)
          .refine((p) => new Set(p).size === p.length, 'each port once'),
        daysBack: z.number().int().min(1).max(90),
        daysAhead: z.number().int().min(0).max(14),
        faceTemplates: z.boolean(),
      })
      .strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const PublisherKeyView = z.object({
  keyId: z.string(),
  pem: z.string(),
  /** SHA-256 of the key (SubjectPublicKeyInfo), in groups of four hex digits. */
  fingerprint: z.string(),
});
export type PublisherKeyView = z.infer<typeof PublisherKeyView>;

export const SiteConnectionView = z.object({
  port: z.string(),
  feedUrl: z.string(),
  publisherKeys: z.array(PublisherKeyView),
});
export type SiteConnectionView = z.infer<typeof SiteConnectionView>;

export const SiteView = z.object({
  mode: SiteMode,
  /** What this running console uses; null in demo mode. */
  inForce: SiteConnectionView.nullable(),
  /** What config.json holds now; differs from inForce after a change, until the next start. */
  saved: SiteConnectionView.nullable(),
  restartRequired: z.boolean(),
  /** The booth name in use (the setting, config.json's, or the default). */
  boothName: z.string(),
  /** The known ports, for the picker. */
  ports: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type SiteView = z.infer<typeof SiteView>;

export const KeyId = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore, e.g. publisher-2027');
const Pem = z.string().trim().min(1).max(4000);

export const settingsChannels = {
  'settings.get': channel(['admin'], 'Site settings', Empty, SettingsView),
  'settings.update': channel(['admin'], 'Change site settings', SettingsPatch, SettingsView),
  'settings.site': channel(['admin'], "The site's port, feed and pinned publisher keys", Empty, SiteView),
  'settings.updateSite': channel(
    ['admin'],
    "Change the site's port, feed or pinned publisher keys (from the next start)",
    z
      .object({
        port: PortCode,
        feedUrl: WebUrl,
        publisherKeys: z
          .array(z.object({ keyId: KeyId, pem: Pem }).strict())
          .min(1)
          .max(10),
      })
      .strict(),
    SiteView,
  ),
  'settings.inspectKey': channel(
    ['admin'],
    'Check a pasted publisher key and show its fingerprint',
    z.object({ pem: Pem }).strict(),
    z.object({ fingerprint: z.string() }),
  ),
} as const;
