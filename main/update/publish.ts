// Runs in: CLI, tests. `arrivals release publish`: puts an artifact in a release folder and
// writes the channel's yml for it, with the sha512 (base64) and size electron-builder would
// write. A stable release also becomes the beta channel's when beta has nothing newer (as
// electron-builder's generateUpdatesFilesForAllChannels does), so beta booths are never left
// behind stable ones.
import fs from 'node:fs';
import path from 'node:path';
import {
  channelFile,
  formatUpdateInfo,
  parseUpdateInfo,
  sha512File,
  type UpdateChannel,
  type UpdateInfo,
  type UpdatePlatform,
} from './update-feed';
import { AppError } from '../platform/app-error';
import { compareVersions, isVersion } from './version';

export interface PublishOptions {
  /** The release folder the update server serves. */
  dir: string;
  artifact: string;
  version: string;
  channel: UpdateChannel;
  /** Share of booths offered it, 0–100; absent: all. */
  staging?: number;
  /** Default: from the artifact's extension (.exe win; .AppImage/.deb linux; .dmg/.zip mac). */
  platform?: UpdatePlatform;
  /** Linux only: arm64 etc. get their own yml (latest-linux-arm64.yml). */
  arch?: string;
  releaseDate?: string;
}

export interface PublishResult {
  files: string[];
  info: UpdateInfo;
}

export function platformOfArtifact(file: string): UpdatePlatform | null {
  const f = file.toLowerCase();
  if (f.endsWith('.exe')) return 'win';
  if (f.endsWith('.appimage') || f.endsWith('.deb') || f.endsWith('.rpm')) return 'linux';
  if (f.endsWith('.dmg') || f.endsWith('.zip')) return 'mac';
  return null;
}

function readInfo(file: string): UpdateInfo | null {
  if (!fs.existsSync(file)) return null;
  return parseUpdateInfo(fs.readFileSync(file, 'utf8'), path.basename(file));
}

/** Writes via a temp file and a rename, so the server never serves half a yml. */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export async function publishRelease(o: PublishOptions): Promise<PublishResult> {
  if (!isVersion(o.version))
    throw new AppError('INVALID_REQUEST', `"${o.version}" is not a version such as 1.4.0 or 1.5.0-beta.1.`);
  if (o.staging !== undefined && !(Number.isInteger(o.staging) && o.staging >= 0 && o.staging <= 100))
    throw new AppError(
      'INVALID_REQUEST',
      `--staging must be a whole percentage from 0 to 100, not ${o.staging}.`,
    );
  if (!fs.existsSync(o.artifact) || !fs.statSync(o.artifact).isFile())
    throw new AppError('NOT_FOUND', `There is no file ${o.artifact} to publish.`);
  const platform = o.platform ?? platformOfArtifact(o.artifact);
  if (!platform)
    throw new AppError(
      'INVALID_REQUEST',
      `Cannot tell the platform of ${path.basename(o.artifact)} from its name: add --platform win, linux or mac.`,
    );
  fs.mkdirSync(o.dir, { recursive: true });
  const name = path.basename(o.artifact);
  const target = path.join(o.dir, name);
  if (path.resolve(target) !== path.resolve(o.artifact)) fs.copyFileSync(o.artifact, target);
  const sha512 = await sha512File(target);
  const info: UpdateInfo = {
    version: o.version,
    files: [{ url: name, sha512, size: fs.statSync(target).size }],
    path: name,
    sha512,
    releaseDate: o.releaseDate ?? new Date().toISOString(),
    ...(o.staging !== undefined ? { stagingPercentage: o.staging } : {}),
  };
  const arch = o.arch ?? 'x64';
  const primary = path.join(o.dir, channelFile(o.channel, platform, arch));
  writeAtomic(primary, formatUpdateInfo(info));
  const files = [primary];
  if (o.channel === 'stable') {
    const beta = path.join(o.dir, channelFile('beta', platform, arch));
    const current = readInfo(beta);
    if (!current || compareVersions(current.version, o.version) < 0) {
      writeAtomic(beta, formatUpdateInfo(info));
      files.push(beta);
    }
  }
  return { files, info };
}
