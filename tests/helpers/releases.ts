// Runs in: tests (Node). Software releases behind the real reference update server on 127.0.0.1:
// fake installers published as `arrivals release publish` does, and booths that check them with
// the plain-Node update backend and the real policy.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CaseActivity } from '../../main/update/case-activity';
import { NodeUpdateBackend } from '../../main/update/node-backend';
import { publishRelease, type PublishOptions } from '../../main/update/publish';
import { startUpdateServer, type UpdateServer } from '../../main/update/server';
import type { UpdateChannel, UpdateInfo } from '../../main/update/update-feed';
import { UpdateService, type UpdateSettings } from '../../main/update/update-service';
import { tempDir } from './temp-dir';

/** A fake installer: `size` bytes that differ per version, so each has its own sha512. */
export function fakeInstaller(dir: string, version: string, size = 64 * 1024): string {
  const file = path.join(dir, `Arrivals-Console-${version}.AppImage`);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 64) createHash('sha512').update(`${version}:${i}`).digest().copy(bytes, i);
  fs.writeFileSync(file, bytes);
  return file;
}

export interface ReleaseFolder {
  dir: string;
  server: UpdateServer;
  publish(version: string, o?: Partial<PublishOptions>): Promise<UpdateInfo>;
}

export async function releaseFolder(): Promise<ReleaseFolder> {
  const dir = tempDir('arrivals-releases-');
  const build = tempDir('arrivals-build-');
  const server = await startUpdateServer({ dir });
  return {
    dir,
    server,
    publish: async (version, o = {}) =>
      (
        await publishRelease({
          dir,
          artifact: fakeInstaller(build, version),
          version,
          channel: 'stable',
          platform: 'linux',
          ...o,
        })
      ).info,
  };
}

/** A booth id as a UUID, the same for the same n on every run. */
export function boothId(n: number): string {
  const h = createHash('sha256').update(`booth-${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** One folder for every test booth's downloads (each in its own subfolder, made only when it downloads). */
let downloadsRoot: string | undefined;
let booths = 0;

export interface TestBooth {
  service: UpdateService;
  cases: CaseActivity;
  installs: string[];
  audit: Array<{ action: string; subject: string; details?: Record<string, unknown> }>;
  settings: UpdateSettings;
  /** Where its backend puts downloads. */
  downloads: string;
}

/** A booth on version 0.1.0 (unless told) reading `feedUrl` over HTTP, downloading into a temp folder. */
export function testBooth(
  feedUrl: string,
  o: {
    id?: string;
    channel?: UpdateChannel;
    version?: string;
    quietHour?: number | null;
    clock?: () => Date;
  } = {},
): TestBooth {
  const cases = new CaseActivity();
  const installs: string[] = [];
  const audit: TestBooth['audit'] = [];
  const settings: UpdateSettings = {
    channel: o.channel ?? 'stable',
    feedUrl,
    quietHour: o.quietHour ?? null,
  };
  const id = o.id ?? boothId(0);
  const downloads = path.join((downloadsRoot ??= tempDir('arrivals-updates-')), `booth-${booths++}`);
  const service = new UpdateService({
    currentVersion: o.version ?? '0.1.0',
    boothId: () => id,
    settings: () => settings,
    timeZone: () => 'UTC',
    cases,
    audit: { append: (e) => audit.push(e) },
    backend: new NodeUpdateBackend({
      cacheDir: downloads,
      platform: 'linux',
      arch: 'x64',
      onInstall: (file) => installs.push(file),
    }),
    clock: o.clock,
  });
  return { service, cases, installs, audit, settings, downloads };
}
