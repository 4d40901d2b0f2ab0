import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { AuditLog } from '../../../main/audit/audit-log';
import { PhotoStore } from '../../../main/sync/photo-store';
import { SyncEngine } from '../../../main/sync/sync-engine';
import { contentSummary } from '../../../main/sync/content-hash';
import { loadDataKey } from '../../../main/platform/data-key';
import { MemoryFeed, simpleDay, jpegLike, sha } from '../../helpers/memory-feed';
import { tempDir } from '../../helpers/temp-dir';

function engine(dir = tempDir()) {
  const db = openDatabase(dir);
  const photos = new PhotoStore(db, dir, loadDataKey(dir));
  return { db, photos, dir, engine: new SyncEngine(db, photos, new AuditLog(db)) };
}

describe('sync engine', () => {
  it('applies batches, amendments, photos and the lookout list', async () => {
    const { db, photos, engine: e } = engine();
    const feed = new MemoryFeed(simpleDay('SYS', '2026-11-22'));
    const r = await e.syncDay(feed, 'SYS', '2026-11-22');
    expect(r).toMatchObject({
      batchesApplied: 4,
      appliedSeq: 4,
      lastSeq: 4,
      photosStored: 6,
      lookoutVersion: 1,
    });
    const ap = (id: string) =>
      db.prepare('SELECT status, slot FROM appointments WHERE appointment_id = ?').get(id);
    expect(ap('AP1')).toMatchObject({ status: 'cancelled' });
    expect(ap('AP2')).toMatchObject({ status: 'rescheduled', slot: '2026-11-22T18:30:00Z' });
    expect(
      db
        .prepare("SELECT family_names, addr_city, addr_line2 FROM applicants WHERE applicant_id = 'A3'")
        .get(),
    ).toEqual({ family_names: 'Corrected', addr_city: 'Yuma', addr_line2: 'Apt 2' });
    expect(photos.get(sha(jpegLike(4)))).toEqual(jpegLike(4));
    expect(e.state.get('SYS')).toMatchObject({ state: 'idle', last_error: null });
  });

  it('stores photos encrypted: the file on disk is not the JPEG', async () => {
    const { dir, engine: e } = engine();
    await e.syncDay(new MemoryFeed(simpleDay('SYS', '2026-11-22')), 'SYS', '2026-11-22');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const s = sha(jpegLike(0));
    const onDisk = fs.readFileSync(path.join(dir, 'photos', s.slice(0, 2), s));
    expect(onDisk.includes(jpegLike(0))).toBe(false);
  });

  it('resumes after a dead link from the last applied batch and ends identical', async () => {
    const day = simpleDay('SYS', '2026-11-22', 10, 2);
    const ref = engine();
    await ref.engine.syncDay(new MemoryFeed(day), 'SYS', '2026-11-22');
    const { db, engine: e } = engine();
    const flaky = new MemoryFeed(day);
    flaky.failAfterBatches = 2;
    await expect(e.syncDay(flaky, 'SYS', '2026-11-22')).rejects.toMatchObject({ code: 'NETWORK' });
    expect(e.state.get('SYS')).toMatchObject({ state: 'offline', last_error: 'The feed is not reachable.' });
    expect(e.manifests.appliedSeq('SYS', '2026-11-22')).toBe(2);
    flaky.failAfterBatches = Infinity;
    const r = await e.syncDay(flaky, 'SYS', '2026-11-22');
    expect(r.batchesApplied).toBe(day.batches.length - 2);
    expect(contentSummary(db)).toEqual(contentSummary(ref.db));
  });

  it('never applies a batch twice', async () => {
    const day = simpleDay('SYS', '2026-11-22');
    const { engine: e } = engine();
    await e.syncDay(new MemoryFeed(day), 'SYS', '2026-11-22');
    expect(() => e.manifests.applyBatch(day.batches[1]!, 'feed')).toThrow(/already applied/);
    const again = await e.syncDay(new MemoryFeed(day), 'SYS', '2026-11-22');
    expect(again.batchesApplied).toBe(0);
  });

  it('rejects a batch for another port and leaves the previous data', async () => {
    const { db, engine: e } = engine();
    await e.syncDay(new MemoryFeed(simpleDay('SYS', '2026-11-22')), 'SYS', '2026-11-22');
    const before = contentSummary(db);
    const other = simpleDay('ELP', '2026-11-22');
    const day = simpleDay('SYS', '2026-11-23');
    day.batches[0] = { ...other.batches[0]!, seq: 1 };
    await expect(e.syncDay(new MemoryFeed(day), 'SYS', '2026-11-23')).rejects.toThrow(/belongs to ELP/);
    const after = contentSummary(db);
    expect(after.counts.applicants).toBe(before.counts.applicants);
    expect(e.state.get('SYS')).toMatchObject({ state: 'error' });
  });
});
