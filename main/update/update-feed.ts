// Runs in: main process, CLI, tests. The generic update feed as electron-builder writes it and
// electron-updater reads it: one `<channel><platform>.yml` per channel and platform (latest.yml
// for Windows, latest-linux.yml, latest-mac.yml; beta… likewise) naming the version, each
// artifact with its sha512 (base64) and size, and the rollout's stagingPercentage.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { dump, load } from 'js-yaml';
import { z } from 'zod';
import type { UpdateChannel } from '../../ipc/channels/settings';

export type { UpdateChannel };

export type UpdatePlatform = 'win' | 'linux' | 'mac';

export const UpdateFile = z.object({
  url: z.string().min(1),
  sha512: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
});
export type UpdateFile = z.infer<typeof UpdateFile>;

export const UpdateInfo = z.object({
  version: z.string().min(1),
  files: z.array(UpdateFile).min(1),
  path: z.string().optional(),
  sha512: z.string().optional(),
  // js-yaml reads an unquoted timestamp as a Date; electron-builder quotes it.
  releaseDate: z
    .union([z.string(), z.date()])
    .transform((d) => (typeof d === 'string' ? d : d.toISOString()))
    .optional(),
  stagingPercentage: z.number().min(0).max(100).optional(),
  releaseName: z.string().nullish(),
});
export type UpdateInfo = z.infer<typeof UpdateInfo>;

/** electron-updater's channel names: the stable channel is "latest". */
export function channelName(channel: UpdateChannel): 'latest' | 'beta' {
  return channel === 'stable' ? 'latest' : 'beta';
}

export function platformOf(nodePlatform: NodeJS.Platform = process.platform): UpdatePlatform {
  return nodePlatform === 'win32' ? 'win' : nodePlatform === 'darwin' ? 'mac' : 'linux';
}

/** The yml a booth of this platform reads, as electron-updater names it (Provider.getChannelFilePrefix). */
export function channelFile(channel: UpdateChannel, platform: UpdatePlatform, arch: string = 'x64'): string {
  const suffix =
    platform === 'win' ? '' : platform === 'mac' ? '-mac' : arch === 'x64' ? '-linux' : `-linux-${arch}`;
  return `${channelName(channel)}${suffix}.yml`;
}

export function parseUpdateInfo(text: string, what: string): UpdateInfo {
  let raw: unknown;
  try {
    raw = load(text);
  } catch (e) {
    throw new Error(`The update feed's ${what} is not valid YAML (${(e as Error).message.split('\n')[0]}).`);
  }
  const parsed = UpdateInfo.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(
      `The update feed's ${what} is not an update description (${i?.path.join('.') || 'root'}: ${i?.message}).`,
    );
  }
  return parsed.data;
}

/** As electron-builder's serializeToYaml. */
export function formatUpdateInfo(info: UpdateInfo): string {
  return dump(info, { lineWidth: 8000, noRefs: true });
}

/** sha512 of a file, base64, as electron-builder's hashFile and electron-updater's check. */
export async function sha512File(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest('base64');
}
