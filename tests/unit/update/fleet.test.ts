// Runs in: vitest (Node, real SQLite file, real HTTP on 127.0.0.1). The fleet: each console's
// heartbeat to the reference feed server (app version, model version, last sync, pending
// uploads), kept there per booth, and the admin's view of every booth of the port: which lag
// behind their channel's newest version, which have gone silent, how far the rollout has come.
import { describe, expect, it } from 'vitest';
import type { FleetView } from '../../../ipc/channels/update';
import { portByCode, serviceDateAt } from '../../../main/domain/ports';
import { postHeartbeat } from '../../../main/feed/client';
import { FeedError } from '../../../main/feed/feed-error';
import type { Heartbeat } from '../../../main/feed/heartbeat';
import { loadManifest } from '../../../main/face/model-manifest';
import { createRouter } from '../../../main/ipc/router';
import { sendHeartbeat } from '../../../main/update/fleet';
import { createUpdateService } from '../../../main/update/updates';
import { testApp } from '../../helpers/app';
import { serve } from '../../helpers/feed';
import { boothId, releaseFolder } from '../../helpers/releases';
import { signInUsers } from '../../helpers/sessions';
import { closeAfterEach } from '../../helpers/teardown';

const closing = closeAfterEach();

const TODAY = serviceDateAt(portByCode('SYS')!);

function beat(n: number, over: Partial<Heartbeat> = {}): Heartbeat {
  return {
    port: 'SYS',
    boothId: boothId(n),
    booth: `Booth ${n}`,
    appVersion: '0.2.0',
    modelVersion: 'm1',
    channel: 'stable',
    lastSyncAt: new Date().toISOString(),
    pendingUploads: 0,
    update: { phase: 'up-to-date', version: null, percent: null },
    sentAt: new Date().toISOString(),
    ...over,
  };
}

describe('fleet view', () => {
  it("the feed keeps each booth's heartbeat; the admin sees the port's booths, who lags, and the rollout", async () => {
    const feed = closing((await serve({ ports: ['SYS'], dates: [TODAY], perPortPerDay: 5, seed: 3 })).server);
    const releases = await releaseFolder();
    closing(releases.server);
    await releases.publish('0.2.0', { staging: 40 });
    const app = closing(testApp());
    app.demo = { port: 'SYS', feedUrl: feed.url, publisherKeys: {} };
    app.settings.update({ updateFeedUrl: releases.server.url, boothName: 'Booth 1' });
    app.updates = createUpdateService(app, { currentVersion: '0.1.0' });
    await app.updates.check();
    await app.updates.settled();

    expect(await sendHeartbeat(app)).toBe(true);
    const mine = feed.heartbeats.get(app.updates.boothId)!;
    expect(mine).toMatchObject({
      port: 'SYS',
      booth: 'Booth 1',
      appVersion: '0.1.0',
      modelVersion: loadManifest().modelVersion,
      channel: 'stable',
      lastSyncAt: null,
      pendingUploads: 0,
      update: { version: '0.2.0' },
    });

    await postHeartbeat(feed.url, beat(2));
    await postHeartbeat(feed.url, beat(3, { appVersion: '0.1.0', pendingUploads: 7 }));
    await postHeartbeat(feed.url, beat(4, { channel: 'beta', appVersion: '0.3.0-beta.1' }));
    await postHeartbeat(feed.url, beat(5, { port: 'ELP' }));
    // Booth 3 last reported an hour ago.
    const old = feed.heartbeats.get(boothId(3))!;
    feed.heartbeats.set(boothId(3), { ...old, receivedAt: new Date(Date.now() - 60 * 60_000).toISOString() });
    // A heartbeat that is not one is refused by the feed, and nothing is kept.
    await expect(postHeartbeat(feed.url, { ...beat(6), boothId: 'not-a-uuid' })).rejects.toBeInstanceOf(
      FeedError,
    );
    expect(feed.heartbeats.has(boothId(6))).toBe(false);

    const route = createRouter(app);
    await signInUsers(route, []);
    const r = await route('update.fleet', {}, 'a');
    if (!r.ok) throw new Error(r.error.message);
    const fleet = r.value as FleetView;
    expect(fleet.port).toBe('SYS');
    expect(fleet.error).toBeNull();
    expect(
      fleet.booths.map((b) => [b.booth, b.appVersion, b.behind, b.silent, b.self, b.pendingUploads]),
    ).toEqual([
      ['Booth 1', '0.1.0', true, false, true, 0],
      ['Booth 2', '0.2.0', false, false, false, 0],
      ['Booth 3', '0.1.0', true, true, false, 7],
      ['Booth 4', '0.3.0-beta.1', false, false, false, 0],
    ]);
    expect(fleet.rollout).toEqual({
      version: '0.2.0',
      channel: 'stable',
      stagingPercentage: 40,
      onVersion: 1,
      booths: 3,
    });
  });

  it('without a reachable feed the fleet says why, in words', async () => {
    const app = closing(testApp());
    app.demo = { port: 'SYS', feedUrl: 'http://127.0.0.1:9/', publisherKeys: {} };
    const route = createRouter(app);
    await signInUsers(route, []);
    const r = await route('update.fleet', {}, 'a');
    expect(r).toMatchObject({
      ok: true,
      value: { port: 'SYS', booths: [], error: expect.stringMatching(/could not be reached/) },
    });
  });
});
