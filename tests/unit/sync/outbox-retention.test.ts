import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../main/sync/outbox';
import { purgeExpired } from '../../../main/sync/retention';
import { postEncounters } from '../../../main/feed/client';
import { OnlineFeedSource } from '../../../main/sync/online-source';
import type { FeedServer } from '../../../main/feed/server';
import { SyncEngine } from '../../../main/sync/sync-engine';
import { KEYS, localConsole, queuedEncounter, serve } from '../../helpers/feed';
import { testApp } from '../../helpers/app';

let server: FeedServer | undefined;
afterEach(async () => server?.close());

const encounter = (applicantId: string) => queuedEncounter(applicantId, { band: 'MATCH', score: 0.71 });

describe('outbox', () => {
  it('keeps every encounter until the server acknowledges it; retries are idempotent', async () => {
    ({ server } = await serve({ ports: ['HID'], dates: ['2026-11-22'], perPortPerDay: 50, seed: 3 }));
    const { db } = localConsole();
    const outbox = new Outbox(db);
    const ids = ['A1', 'A2', 'A3'].map((a) => outbox.enqueue('encounter', a, encounter(a)));
    const post = (p: unknown[]) => postEncounters(server!.url, p);

    server.faults.offline = true;
    await expect(outbox.flush(post)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(outbox.status()).toMatchObject({ pending: 3, failing: 3, acknowledged: 0 });
    expect(outbox.status().lastError).toMatch(/could not be reached/);

    server.faults.offline = false;
    // The server got the first upload, but the answer was lost: a truncated reply.
    server.faults.truncateRate = 1;
    await expect(outbox.flush(post)).rejects.toMatchObject({ code: 'TRUNCATED' });
    expect(server.encounters.size).toBe(3);
    expect(outbox.status().pending).toBe(3);

    server.faults.truncateRate = 0;
    expect(await outbox.flush(post)).toEqual({ sent: 3, acked: 3 });
    expect(outbox.status()).toMatchObject({ pending: 0, acknowledged: 3 });
    // Nothing was recorded twice on the server.
    expect([...server.encounters.keys()].sort()).toEqual([...ids].sort());
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 3 });
  });
});

describe('retention', () => {
  it('purges personal data and photos of old days once their encounters are acknowledged, audited', async () => {
    ({ server } = await serve({
      ports: ['BRO'],
      dates: ['2026-10-01', '2026-11-20'],
      perPortPerDay: 120,
      seed: 5,
    }));
    const app = testApp();
    const { db, photos, audit, dataDir: dir } = app;
    const engine = new SyncEngine(db, photos, audit);
    const src = new OnlineFeedSource(server.url, KEYS);
    await engine.syncDay(src, 'BRO', '2026-10-01');
    await engine.syncDay(src, 'BRO', '2026-11-20');
    const old = db
      .prepare(
        "SELECT applicant_id, photo_sha256 FROM applicants WHERE service_date = '2026-10-01' ORDER BY applicant_id",
      )
      .all() as { applicant_id: string; photo_sha256: string | null }[];
    const oldPhotos = old.filter((a) => a.photo_sha256).map((a) => a.photo_sha256!);
    expect(oldPhotos.length).toBeGreaterThan(0);
    const outbox = new Outbox(db);
    const held = old[3]!.applicant_id;
    outbox.enqueue('encounter', held, encounter(held));
    const r = purgeExpired(app, 30, 'test', new Date('2026-11-22T12:00:00Z'));
    expect(r.applicants).toBe(old.length - 1);
    expect(r.heldBack).toBe(1);
    expect(r.photos).toBe(oldPhotos.length - (old[3]!.photo_sha256 ? 1 : 0));
    const left = db.prepare("SELECT applicant_id FROM applicants WHERE service_date = '2026-10-01'").all();
    expect(left).toEqual([{ applicant_id: held }]);
    for (const sha of oldPhotos.filter((s) => s !== old[3]!.photo_sha256)) {
      expect(photos.get(sha)).toBeNull();
      expect(fs.existsSync(path.join(dir, 'photos', sha.slice(0, 2), sha))).toBe(false);
    }
    // Newer days untouched; appointments kept for statistics; the purge is audited and the
    // audit log is intact.
    expect(
      (
        db.prepare("SELECT COUNT(*) AS n FROM applicants WHERE service_date = '2026-11-20'").get() as {
          n: number;
        }
      ).n,
    ).toBeGreaterThan(100);
    expect(
      (
        db.prepare("SELECT COUNT(*) AS n FROM appointments WHERE service_date = '2026-10-01'").get() as {
          n: number;
        }
      ).n,
    ).toBe(old.length);
    expect(audit.recent(1)[0]).toMatchObject({
      action: 'retention.purge',
      details: { retentionDays: 30, cutoffDate: '2026-10-23' },
    });
    expect(audit.verify().ok).toBe(true);
  });
});
