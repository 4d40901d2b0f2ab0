// Runs in: vitest (Node, real HTTP on 127.0.0.1). Staged rollout against the reference update
// server: a 10 % stage reaches 10 % ± 3 of 1,000 booths, the same booths on every check, and a
// stage that grows keeps every booth it had reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inStage, stagePosition } from '../../../main/update/rollout';
import { boothId, releaseFolder, testBooth, type ReleaseFolder } from '../../helpers/releases';

const BOOTHS = 1000;
let releases: ReleaseFolder;

beforeAll(async () => {
  releases = await releaseFolder();
});
afterAll(() => releases.server.close());

/** Every booth checks the server over HTTP (50 at a time); the ids of those offered the release. */
async function offered(): Promise<Set<string>> {
  const reached = new Set<string>();
  for (let start = 0; start < BOOTHS; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, BOOTHS - start) }, async (_, k) => {
        const id = boothId(start + k);
        const booth = testBooth(releases.server.url, { id });
        const status = await booth.service.check();
        expect(status.available?.version).toBe('0.2.0');
        if (status.available?.inStage) reached.add(id);
        await booth.service.settled();
      }),
    );
  }
  return reached;
}

describe('staged rollout', () => {
  it('a 10 % stage reaches 10 % ± 3 of 1,000 booths, the same ones on every check', async () => {
    await releases.publish('0.2.0', { staging: 10 });
    const first = await offered();
    expect(first.size).toBeGreaterThanOrEqual(70);
    expect(first.size).toBeLessThanOrEqual(130);
    const second = await offered();
    expect([...second].sort()).toEqual([...first].sort());
    // The policy's decision is the booth's fixed place, nothing else.
    for (let n = 0; n < BOOTHS; n++) expect(first.has(boothId(n))).toBe(stagePosition(boothId(n)) < 10);
    // Every check read the stable channel's Linux feed.
    expect(releases.server.requested.filter((p) => p.endsWith('.yml'))).toEqual(
      Array.from({ length: 2 * BOOTHS }, () => '/latest-linux.yml'),
    );
  });

  it('a stage grown to 50 % keeps every booth of the 10 % stage and reaches about half', async () => {
    await releases.publish('0.2.0', { staging: 10 });
    const ten = await offered();
    await releases.publish('0.2.0', { staging: 50 });
    const fifty = await offered();
    for (const id of ten) expect(fifty.has(id)).toBe(true);
    expect(fifty.size).toBeGreaterThanOrEqual(450);
    expect(fifty.size).toBeLessThanOrEqual(550);
  });

  it('a booth in the stage downloads the release; one outside is told so and downloads nothing', async () => {
    await releases.publish('0.2.0', { staging: 10 });
    const ids = Array.from({ length: 200 }, (_, n) => boothId(n));
    const inside = ids.find((id) => inStage(id, 10))!;
    const outside = ids.find((id) => !inStage(id, 10))!;
    const a = testBooth(releases.server.url, { id: inside });
    await a.service.check();
    await a.service.settled();
    expect(a.service.status()).toMatchObject({
      phase: 'downloaded',
      downloadedVersion: '0.2.0',
      available: { version: '0.2.0', stagingPercentage: 10, inStage: true },
      progress: { percent: 100 },
    });
    const b = testBooth(releases.server.url, { id: outside });
    await b.service.check();
    await b.service.settled();
    expect(b.service.status()).toMatchObject({
      phase: 'not-in-stage',
      downloadedVersion: null,
      available: { inStage: false },
    });
    expect(() => b.service.installNow('admin')).toThrow(/not offered to this booth yet/);
  });
});
