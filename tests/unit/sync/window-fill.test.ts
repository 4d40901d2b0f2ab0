// Runs in: tests (Node, real SQLite file, real HTTP on 127.0.0.1). While the vetting window fills:
// the own port's today comes first and never waits behind it (today's SYS queue is complete,
// its photos stored and enrolled, and a "sync now" is answered, with every window request held
// back at the feed); a link that dies mid-fill keeps everything synced so far, and the fill
// resumes without fetching a completed port-day's batches again. With cross-port face checks on,
// other ports' photos are enrolled and only their templates kept, so one face under two
// identities at two ports is found. Waits are on observed state.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { startBackground, type Background } from '../../../main/background';
import { demoSigningKey } from '../../../main/feed/demo-key';
import { dayKey } from '../../../main/feed/publish';
import type { Batch, ManifestHeader } from '../../../main/feed/schema';
import { openEnvelope, signEnvelope } from '../../../main/feed/signing';
import { createRouter } from '../../../main/ipc/router';
import { generateFeed } from '../../../main/feed/generator/index';
import { publishFeed } from '../../../main/feed/publish';
import { startFeedServer } from '../../../main/feed/server';
import { OnlineFeedSource } from '../../../main/sync/online-source';
import { SyncController } from '../../../main/sync/sync-controller';
import { shiftDate } from '../../../main/sync/vetting-window';
import { WindowSync } from '../../../main/sync/window-sync';
import type { QueueView } from '../../../ipc/channels/queue';
import { KEYS } from '../../helpers/feed';
import { signInUsers } from '../../helpers/sessions';
import {
  OWN,
  TODAY,
  applicantsOf,
  configuredConsole,
  windowFeed,
  windowServer,
} from '../../helpers/window-feed';

/** Caps against a hang, not speed targets. */
const STEP_MS = 120_000;
const today = TODAY;

let ws: Awaited<ReturnType<typeof windowServer>> | undefined;
let app: AppContext | undefined;
let bg: Background | undefined;
afterEach(async () => {
  ws?.release();
  await bg?.stop();
  await ws?.server.close();
  await app?.close();
  ws = app = bg = undefined;
});

const count = (sql: string, ...params: unknown[]) => (app!.db.prepare(sql).get(...params) as { n: number }).n;

describe('own port first', () => {
  it("today's SYS queue is complete and verifiable, and 'sync now' answered, while the window is still filling", async () => {
    const feed = await windowFeed();
    ws = await windowServer(feed);
    // Every request of the window is held at the feed: it cannot get past its first port-day.
    const ownDay = `/v1/ports/${OWN}/manifests/${today}`;
    ws.hold((p) => p.startsWith('/v1/ports/') && !p.startsWith(ownDay));
    app = configuredConsole(ws.server.url);
    const route = createRouter(app);
    await signInUsers(route, [{ username: 'ofc', displayName: 'Officer', role: 'officer', connection: 'o' }]);
    bg = startBackground(app);
    const people = applicantsOf(feed, OWN, today);
    const photos = new Set(people.flatMap((a) => (a.photo ? [a.photo.sha256] : [])));
    expect(photos.size).toBeGreaterThan(0);
    const w = () => app!.sync!.window!;
    // Today's manifest in, its photos stored and enrolled (face verification is possible).
    await vi.waitFor(
      () => {
        expect(
          app!.db
            .prepare('SELECT completed_at FROM manifests WHERE port = ? AND service_date = ?')
            .get(OWN, today),
        ).toMatchObject({ completed_at: expect.any(String) });
        expect(count('SELECT COUNT(DISTINCT photo_sha256) AS n FROM face_templates')).toBe(photos.size);
        expect(w().filling).not.toBeNull();
      },
      { timeout: STEP_MS, interval: 100 },
    );
    const st = w().status();
    expect(st).toMatchObject({
      portDays: 296,
      current: 1,
      behind: 295,
      filling: { port: 'CXL', serviceDate: today },
    });
    expect(count('SELECT COUNT(*) AS n FROM photo_blobs')).toBe(photos.size);
    const q = (await route('queue.today', {}, 'o')) as { ok: true; value: QueueView };
    expect(q.value.items).toHaveLength(people.length);
    expect(q.value.items.filter((i) => i.hasPhoto)).toHaveLength(people.filter((a) => a.photo).length);
    // Without the window, no cross-port pattern is visible on today's SYS applicants yet.
    const planted = feed.groundTruth.patterns
      .filter((p) => p.id.startsWith('xport-'))
      .flatMap((p) => p.applicantIds);
    const here = planted.filter((id) => id.startsWith(`${OWN}-`));
    expect(here.length).toBeGreaterThan(0);
    const crossPort = ['SHARED_ADDRESS', 'SHARED_PHONE', 'DOCUMENT_DUPLICATE'];
    for (const id of here)
      expect(app.flags.forApplicant(id).filter((f) => crossPort.includes(f.ruleId))).toEqual([]);

    // An amendment to today's SYS manifest, and the officer's "sync now": answered while the
    // window still waits at its first port-day.
    const day = ws.published.days.get(dayKey(OWN, today))!;
    const header = openEnvelope<ManifestHeader>(day.header);
    const seq = header.lastSeq + 1;
    const cancel = {
      type: 'cancel' as const,
      appointmentId: `AP-${people[0]!.applicantId}`,
      reason: 'applicant cancelled',
    };
    day.batches.push(
      signEnvelope<Batch>(
        { port: OWN, serviceDate: today, seq, prevSeq: seq - 1, records: [cancel] },
        demoSigningKey(),
      ),
    );
    day.header = signEnvelope(
      { ...header, version: header.version + 1, lastSeq: seq, recordCount: header.recordCount + 1 },
      demoSigningKey(),
    );
    expect((await route('sync.now', {}, 'o')).ok).toBe(true);
    expect(
      app.db.prepare('SELECT status FROM appointments WHERE appointment_id = ?').get(cancel.appointmentId),
    ).toEqual({ status: 'cancelled' });
    expect(w().status()).toMatchObject({ current: 1, filling: { port: 'CXL', serviceDate: today } });
  });
});

describe('offline during the fill', () => {
  it('keeps every port-day already synced, and resumes without fetching their batches again', async () => {
    const feed = await windowFeed();
    ws = await windowServer(feed);
    app = configuredConsole(ws.server.url);
    // A smaller window: 3 ports × 7 days.
    app.settings.update({
      vettingWindow: { ports: [OWN, 'ELP', 'NOG'], daysBack: 5, daysAhead: 2, faceTemplates: false },
    });
    const server = ws.server;
    let cut = false;
    const sync = new WindowSync(app, {
      ownPort: OWN,
      source: new OnlineFeedSource(server.url, KEYS, 20, { shareVerifier: true }),
      // The link dies once 8 port-days are in: observed, not timed.
      onProgress: (p) => {
        if (p.phase === 'day' && p.done === 8 && !cut) server.faults.offline = cut = true;
      },
    });
    try {
      const first = await sync.kick();
      expect(first).toMatchObject({ offline: true, complete: false, updated: 8, portDays: 20 });
      const done = app.db
        .prepare("SELECT port, service_date AS serviceDate FROM port_days WHERE state = 'current'")
        .all() as Array<{ port: string; serviceDate: string }>;
      expect(done).toHaveLength(8);
      for (const d of done) {
        expect(
          count(
            'SELECT COUNT(*) AS n FROM applicants WHERE port = ? AND service_date = ?',
            d.port,
            d.serviceDate,
          ),
        ).toBe(applicantsOf(feed, d.port, d.serviceDate).length);
        expect(
          app.db
            .prepare(
              'SELECT applied_seq = last_seq AS full FROM manifests WHERE port = ? AND service_date = ?',
            )
            .get(d.port, d.serviceDate),
        ).toEqual({ full: 1 });
      }
      // The status says it is offline and how old what it holds is.
      const st = sync.status();
      expect(st).toMatchObject({ offline: true, current: 8, portDays: 21, behind: 13 });
      expect(st.asOf).not.toBeNull();
      // Keys and flags of what arrived are there: vetting goes on with it.
      expect(count("SELECT COUNT(*) AS n FROM applicants WHERE keys_version = 0 AND port != 'SYS'")).toBe(0);

      server.faults.offline = false;
      const mark = ws.log.length;
      const second = await sync.kick();
      expect(second).toMatchObject({ offline: false, complete: true, updated: 12, unchanged: 8 });
      const batchesAsked = ws.log.slice(mark).filter((l) => l.includes('/batches'));
      for (const d of done)
        expect(batchesAsked.filter((l) => l.includes(`/${d.port}/manifests/${d.serviceDate}/`))).toEqual([]);
      expect(batchesAsked).toHaveLength(12);
      expect(sync.status()).toMatchObject({
        offline: false,
        current: 20,
        behind: 1,
        from: shiftDate(today, -4),
      });
    } finally {
      await sync.stop();
    }
  });
});

describe('cross-port face checks', () => {
  it("fetch other ports' photos, keep only their templates, and find one face under two identities at two ports", async () => {
    // The generator puts its planted duplicate face at SYS and at ELP today.
    const feed = await generateFeed({ ports: [OWN, 'ELP'], dates: [today], perPortPerDay: 12, seed: 5 });
    const pair = feed.groundTruth.patterns.find((p) => p.id === 'face-dup')!.applicantIds;
    expect(pair.map((id) => id.slice(0, 3)).sort()).toEqual(['ELP', OWN]);
    const server = await startFeedServer(publishFeed(feed, demoSigningKey()));
    app = configuredConsole(server.url);
    app.settings.update({
      vettingWindow: { ports: [OWN, 'ELP'], daysBack: 1, daysAhead: 0, faceTemplates: true },
    });
    const a = app;
    const window = new WindowSync(a, {
      ownPort: OWN,
      source: new OnlineFeedSource(server.url, KEYS),
      enrol: () => a.face.enrolPending(),
    });
    const controller = new SyncController(a, {
      port: OWN,
      source: new OnlineFeedSource(server.url, KEYS),
      postEncounters: null,
      window,
    });
    try {
      await controller.syncNow();
      await window.settled();
      const elpPhotos = applicantsOf(feed, 'ELP', today).flatMap((r) => (r.photo ? [r.photo.sha256] : []));
      expect(elpPhotos.length).toBeGreaterThan(0);
      const ids = JSON.stringify(elpPhotos);
      // Templates kept, photos gone (rows and encrypted files).
      expect(
        count(
          'SELECT COUNT(DISTINCT photo_sha256) AS n FROM face_templates WHERE photo_sha256 IN (SELECT value FROM json_each(?))',
          ids,
        ),
      ).toBe(elpPhotos.length);
      expect(
        count('SELECT COUNT(*) AS n FROM photo_blobs WHERE sha256 IN (SELECT value FROM json_each(?))', ids),
      ).toBe(0);
      for (const sha of elpPhotos)
        expect(fs.existsSync(path.join(a.photos.dir, sha.slice(0, 2), sha))).toBe(false);
      // The own port's photos stay (the booth verifies against them).
      expect(count('SELECT COUNT(*) AS n FROM photo_blobs')).toBe(
        new Set(applicantsOf(feed, OWN, today).flatMap((r) => (r.photo ? [r.photo.sha256] : []))).size,
      );
      const here = pair.find((id) => id.startsWith(OWN))!;
      const face = a.flags.forApplicant(here).find((f) => f.ruleId === 'FACE_DUPLICATE');
      expect(face?.evidence).toMatchObject({
        others: [expect.objectContaining({ port: 'ELP', serviceDate: today })],
      });
    } finally {
      await controller.stop();
      await a.face.close();
      await server.close();
    }
  });
});
