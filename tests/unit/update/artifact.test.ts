// Runs in: vitest (Node, real HTTP on 127.0.0.1). Every artifact is checked against the sha512
// (and size) its release published before anything can install it: a corrupted one is refused,
// deleted, audited, and never installed. In Electron electron-updater makes the same check; its
// refusal reaches the policy the same way (the adapter, with a stand-in for electron-updater).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactRefused } from '../../../main/update/backend';
import { electronUpdateBackend, type ElectronUpdater } from '../../../main/update/electron-backend';
import { inStage } from '../../../main/update/rollout';
import { sha512File } from '../../../main/update/update-feed';
import { boothId, releaseFolder, testBooth, type ReleaseFolder } from '../../helpers/releases';

let releases: ReleaseFolder;
beforeAll(async () => {
  releases = await releaseFolder();
});
afterAll(() => releases.server.close());

function downloads(booth: ReturnType<typeof testBooth>): string[] {
  return fs.existsSync(booth.downloads) ? fs.readdirSync(booth.downloads) : [];
}

describe('artifact checks', () => {
  it('a verified download matches the published sha512 and can be installed', async () => {
    const info = await releases.publish('0.2.0');
    const artifact = path.join(releases.dir, info.files[0]!.url);
    expect(info.files[0]!.sha512).toBe(await sha512File(artifact));
    const booth = testBooth(releases.server.url);
    await booth.service.check();
    await booth.service.settled();
    expect(booth.service.status().phase).toBe('downloaded');
    expect(downloads(booth)).toEqual([info.files[0]!.url]);
    booth.service.installNow('site.admin');
    expect(booth.installs).toHaveLength(1);
    expect(fs.readFileSync(booth.installs[0]!)).toEqual(fs.readFileSync(artifact));
  });

  it('a corrupted artifact (same size, other bytes: sha512 mismatch) is refused, deleted and never installed', async () => {
    const info = await releases.publish('0.2.0');
    const artifact = path.join(releases.dir, info.files[0]!.url);
    const bytes = fs.readFileSync(artifact);
    const middle = bytes.length >> 1;
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
    fs.writeFileSync(artifact, bytes);
    const booth = testBooth(releases.server.url);
    await booth.service.check();
    await booth.service.settled();
    const status = booth.service.status();
    expect(status.phase).toBe('error');
    expect(status.error).toMatch(/does not match the checksum its release published \(sha512\)/);
    expect(status.error).toMatch(/deleted and will not be installed/);
    expect(status.downloadedVersion).toBeNull();
    expect(downloads(booth)).toEqual([]);
    expect(booth.audit).toEqual([
      {
        actor: 'system',
        action: 'update.refused',
        subject: 'version:0.2.0',
        details: { reason: status.error },
      },
    ]);
    expect(() => booth.service.installNow('site.admin')).toThrow(/No update has been downloaded/);
    expect(booth.service.signedOut()).toBe(false);
    expect(booth.installs).toEqual([]);
  });

  it('an artifact longer than published is refused without reading past its size', async () => {
    const info = await releases.publish('0.2.0');
    fs.appendFileSync(path.join(releases.dir, info.files[0]!.url), Buffer.alloc(4096, 1));
    const booth = testBooth(releases.server.url);
    await booth.service.check();
    await booth.service.settled();
    expect(booth.service.status()).toMatchObject({ phase: 'error', downloadedVersion: null });
    expect(downloads(booth)).toEqual([]);
  });

  it('over electron-updater: no automatic download or install, no downgrade, the same stage, refusals as refusals', async () => {
    const calls: string[] = [];
    let progress: ((p: { transferred: number; total: number; percent: number }) => void) | undefined;
    let channel: string | null = null;
    const updater: ElectronUpdater & { rollout?: (info: { stagingPercentage?: number }) => boolean } = {
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      // As electron-updater's: setting a channel allows downgrades.
      get channel() {
        return channel;
      },
      set channel(c: string | null) {
        channel = c;
        this.allowDowngrade = true;
      },
      set isUserWithinRollout(f: (info: never) => boolean | Promise<boolean>) {
        this.rollout = f as unknown as (info: { stagingPercentage?: number }) => boolean;
      },
      get isUserWithinRollout() {
        return this.rollout as unknown as (info: never) => boolean;
      },
      setFeedURL: (o) => calls.push(`feed ${o.provider} ${o.url} ${o.channel}`),
      checkForUpdates: async () => {
        calls.push(`check (downgrade ${updater.allowDowngrade})`);
        return {
          updateInfo: {
            version: '0.2.0',
            files: [{ url: 'a.exe', sha512: 'x', size: 1 }],
            stagingPercentage: 10,
          },
        };
      },
      downloadUpdate: async () => {
        progress?.({ transferred: 1, total: 1, percent: 100 });
        throw Object.assign(new Error('sha512 checksum mismatch, expected x, got y'), {
          code: 'ERR_CHECKSUM_MISMATCH',
        });
      },
      quitAndInstall: (silent, runAfter) => calls.push(`install ${silent} ${runAfter}`),
      on: (_event, listener) => (progress = listener),
    };
    const id = boothId(7);
    const backend = electronUpdateBackend(updater, () => id);
    expect([updater.autoDownload, updater.autoInstallOnAppQuit]).toEqual([false, false]);
    for (const pct of [0, 10, 50, 100])
      expect(updater.rollout!({ stagingPercentage: pct })).toBe(inStage(id, pct));
    const info = await backend.latest({ url: 'http://127.0.0.1:1/', channel: 'beta' });
    expect(info?.version).toBe('0.2.0');
    expect(calls).toEqual(['feed generic http://127.0.0.1:1/ beta', 'check (downgrade false)']);
    expect(updater.channel).toBe('beta');
    const seen: number[] = [];
    await expect(backend.download(info!, (p) => seen.push(p.percent))).rejects.toBeInstanceOf(
      ArtifactRefused,
    );
    expect(seen).toEqual([100]);
    backend.install(info!);
    expect(calls).toContain('install true true');
  });
});
