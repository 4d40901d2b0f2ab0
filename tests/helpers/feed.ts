// Runs in: tests (Node). Generated data behind a real reference feed server on 127.0.0.1.
import { generateFeed, type GeneratedFeed, type GeneratorOptions } from '../../main/feed/generator/index';
import { publishFeed, type Published } from '../../main/feed/publish';
import { startFeedServer, type FeedServer, type Faults } from '../../main/feed/server';
import { demoPinnedKeys, demoSigningKey } from '../../main/feed/demo-key';
import { openDatabase, type Db } from '../../main/db/database';
import { PhotoStore } from '../../main/sync/photo-store';
import { SyncEngine } from '../../main/sync/sync-engine';
import { AuditLog } from '../../main/audit/audit-log';
import { loadDataKey } from '../../main/platform/data-key';
import { tempDir } from './temp-dir';
import { expect } from 'vitest';
import { FeedError } from '../../main/feed/feed-error';

export const KEYS = demoPinnedKeys();

const cache = new Map<string, Promise<GeneratedFeed>>();
export function feedData(opts: GeneratorOptions): Promise<GeneratedFeed> {
  const k = JSON.stringify(opts);
  let f = cache.get(k);
  if (!f) {
    f = generateFeed(opts);
    cache.set(k, f);
  }
  return f;
}

export async function serve(
  opts: GeneratorOptions,
  faults: Faults = {},
  batchSize?: number,
): Promise<{ server: FeedServer; published: Published; feed: GeneratedFeed }> {
  const feed = await feedData(opts);
  const published = publishFeed(feed, demoSigningKey(), { batchSize });
  return { server: await startFeedServer(published, { faults }), published, feed };
}

export function localConsole(dir = tempDir()): {
  dir: string;
  db: Db;
  engine: SyncEngine;
  photos: PhotoStore;
} {
  const db = openDatabase(dir);
  const photos = new PhotoStore(db, dir, loadDataKey(dir));
  return { dir, db, photos, engine: new SyncEngine(db, photos, new AuditLog(db)) };
}

/** What `p` rejects with, asserting it is a FeedError (a refusal, never a crash). */
export async function feedFailure(p: Promise<unknown>): Promise<FeedError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('expected a FeedError');
}

/** A decision as the outbox queues it for upload (the outbox adds its client id): a case processed at HID. */
export function queuedEncounter(
  applicantId: string,
  verification: { band: string; score: number } | null = null,
) {
  return {
    applicantId,
    appointmentId: `AP-${applicantId}`,
    port: 'HID',
    officer: 'ofc.lee',
    booth: 'Booth 2',
    arrivedAt: '2026-11-22T15:00:00Z',
    completedAt: '2026-11-22T15:02:00Z',
    disposition: 'processed',
    verification,
    flagsAcknowledged: [],
    note: '',
  };
}
