// Runs in: vitest (Node, real HTTP on 127.0.0.1, the built CLI). Channels: beta booths see the
// beta release, stable booths do not; the ymls are what electron-builder writes (sha512 in
// base64 and size, read back by js-yaml as electron-updater reads them); never a downgrade.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { channelFile } from '../../../main/update/update-feed';
import { startUpdateServer } from '../../../main/update/server';
import { arrivals } from '../../helpers/cli';
import { fakeInstaller, releaseFolder, testBooth, type ReleaseFolder } from '../../helpers/releases';
import { tempDir } from '../../helpers/temp-dir';

let releases: ReleaseFolder | undefined;
afterEach(() => releases?.server.close());

describe('update channels', () => {
  it('beta booths see the beta release; stable booths do not', async () => {
    releases = await releaseFolder();
    await releases.publish('0.2.0', { channel: 'stable' });
    await releases.publish('0.3.0-beta.1', { channel: 'beta' });
    const stable = testBooth(releases.server.url, { channel: 'stable' });
    const beta = testBooth(releases.server.url, { channel: 'beta' });
    expect((await stable.service.check()).available?.version).toBe('0.2.0');
    expect((await beta.service.check()).available?.version).toBe('0.3.0-beta.1');
    await Promise.all([stable.service.settled(), beta.service.settled()]);
    expect(stable.service.status().downloadedVersion).toBe('0.2.0');
    expect(beta.service.status().downloadedVersion).toBe('0.3.0-beta.1');
    expect(releases.server.requested.filter((p) => p.endsWith('.yml')).sort()).toEqual([
      '/beta-linux.yml',
      '/latest-linux.yml',
    ]);
  });

  it('a stable release newer than the beta reaches beta booths too; an older one is never a downgrade', async () => {
    releases = await releaseFolder();
    await releases.publish('0.3.0-beta.1', { channel: 'beta' });
    await releases.publish('0.3.0', { channel: 'stable' });
    const beta = testBooth(releases.server.url, { channel: 'beta' });
    expect((await beta.service.check()).available?.version).toBe('0.3.0');
    await beta.service.settled();
    // A booth already on 0.3.0-beta.1 switched to stable while stable is 0.2.0: nothing to do.
    const r2 = await releaseFolder();
    await r2.publish('0.2.0', { channel: 'stable' });
    const back = testBooth(r2.server.url, { channel: 'stable', version: '0.3.0-beta.1' });
    expect(await back.service.check()).toMatchObject({ phase: 'up-to-date', available: null });
    await r2.server.close();
  });

  it('the yml carries the artifact sha512 (base64) and size, and serve refuses paths outside its folder', async () => {
    releases = await releaseFolder();
    const info = await releases.publish('0.2.0', { staging: 25, releaseDate: '2026-11-22T08:00:00.000Z' });
    const artifact = path.join(releases.dir, 'Arrivals-Console-0.2.0.AppImage');
    const sha512 = createHash('sha512').update(fs.readFileSync(artifact)).digest('base64');
    const text = await (await fetch(new URL('latest-linux.yml', releases.server.url))).text();
    expect(load(text)).toEqual({
      version: '0.2.0',
      files: [{ url: 'Arrivals-Console-0.2.0.AppImage', sha512, size: fs.statSync(artifact).size }],
      path: 'Arrivals-Console-0.2.0.AppImage',
      sha512,
      releaseDate: '2026-11-22T08:00:00.000Z',
      stagingPercentage: 25,
    });
    expect(info.files[0]!.sha512).toBe(sha512);
    const res = await fetch(new URL('Arrivals-Console-0.2.0.AppImage', releases.server.url));
    expect(Buffer.from(await res.arrayBuffer())).toEqual(fs.readFileSync(artifact));
    for (const bad of ['..%2Fetc%2Fpasswd', '%2E%2E/x', '.hidden', 'nope.yml']) {
      const r = await fetch(`${releases.server.url}${bad}`);
      expect(r.status).toBe(404);
    }
    await expect(startUpdateServer({ dir: releases.dir, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('`arrivals release publish` writes the yml of each platform and channel', () => {
    const dir = tempDir('arrivals-cli-releases-');
    const build = tempDir('arrivals-cli-build-');
    const exe = path.join(build, 'Arrivals-Console-Setup-0.2.0.exe');
    fs.renameSync(fakeInstaller(build, '0.2.0'), exe);
    const win = arrivals(tempDir(), [
      'release',
      'publish',
      exe,
      '--version',
      '0.2.0',
      '--dir',
      dir,
      '--staging',
      '10',
    ]);
    expect(win.out).toMatch(/Published 0\.2\.0 .* to 10 % of booths/);
    expect(win.code).toBe(0);
    const mac = path.join(build, 'Arrivals-Console-0.3.0-beta.1.dmg');
    fs.copyFileSync(exe, mac);
    const beta = arrivals(tempDir(), [
      'release',
      'publish',
      mac,
      '--version',
      '0.3.0-beta.1',
      '--channel',
      'beta',
      '--dir',
      dir,
    ]);
    expect(beta.code).toBe(0);
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yml'))
        .sort(),
    ).toEqual([channelFile('beta', 'mac'), channelFile('stable', 'win'), channelFile('beta', 'win')].sort());
    expect(channelFile('stable', 'win')).toBe('latest.yml');
    const bad = arrivals(tempDir(), ['release', 'publish', exe, '--version', 'two', '--dir', dir]);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/"two" is not a version/);
    const unknown = arrivals(tempDir(), [
      'release',
      'publish',
      path.join(build, 'x.bin'),
      '--version',
      '1.0.0',
      '--dir',
      dir,
    ]);
    expect(unknown.out).toMatch(/There is no file/);
  });
});
