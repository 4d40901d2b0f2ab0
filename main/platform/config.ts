// Runs in: main process and CLI.
// Site configuration lives in <dataDir>/config.json. No file means demo mode: the app starts
// its built-in reference feed for a demo port (see main/demo/).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './app-error';

export const SiteConfig = z
  .object({
    port: z.string().regex(/^[A-Z]{3}$/, 'a three-letter port code such as SYS'),
    feedUrl: z.string().url(),
    /** Publisher public keys (PEM) pinned by key id; a feed signed by any other key is refused. */
    publisherKeys: z.record(z.string(), z.string()),
    booth: z.string().default('Booth 1'),
  })
  .strict();
export type SiteConfig = z.infer<typeof SiteConfig>;

export function configPath(dataDir: string): string {
  return path.join(dataDir, 'config.json');
}

/**
 * Writes config.json whole (an admin's change from the app): to a temporary file first, then
 * renamed over the old one, so a crash leaves the old file or the new one, never half of either.
 */
export function saveSiteConfig(dataDir: string, config: SiteConfig): void {
  const file = configPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(SiteConfig.parse(config), null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** null = no configuration: run the demo. */
export function loadSiteConfig(dataDir: string): SiteConfig | null {
  const file = configPath(dataDir);
  if (!fs.existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError(
      'CONFIG_INVALID',
      `The configuration file ${file} is not valid JSON (${(e as Error).message}).`,
    );
  }
  const parsed = SiteConfig.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError(
      'CONFIG_INVALID',
      `The configuration file ${file} is invalid: ${first?.path.join('.') || '(root)'}: ${first?.message}.`,
    );
  }
  return parsed.data;
}
