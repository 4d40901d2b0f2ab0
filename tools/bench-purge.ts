// Runs in: benchmark (plain Node via tsx). The retention purge of a port's old service days: the
// applicants and everything derived from them deleted under secure_delete, the flags of the
// kept recomputed, then the file rebuilt (VACUUM, WAL truncated) so nothing of the purged lingers
// (main/sync/purge.ts). Two copies of one loaded database, in the same run: one purged with the
// rebuild, one without it (as when an officer is mid-case and it waits), the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppContext, type AppContext } from '../main/app-context';
import { dbPath } from '../main/db/database';
import { generateFeed } from '../main/feed/generator/index';
import { batchesOf } from '../main/feed/publish';
import { ManifestRepository } from '../main/sync/manifest-repository';
import { purgeExpired } from '../main/sync/retention';
import type { BenchRow } from './bench-types';

const DATES = ['2026-09-01', '2026-09-02', '2026-11-20', '2026-11-21'];
const NOW = new Date('2026-11-22T12:00:00Z');

async function load(dir: string, perDay: number): Promise<void> {
  const app = createAppContext({ dataDir: dir, shell: 'cli' });
  try {
    const feed = await generateFeed({
      ports: ['SYS'],
      dates: DATES,
      perPortPerDay: perDay,
      photos: false,
      seed: 41,
    });
    const repo = new ManifestRepository(app.db);
    for (const day of feed.days) {
      const header = {
        port: day.port,
        serviceDate: day.serviceDate,
        version: 1,
        generatedAt: `${day.serviceDate}T05:00:00Z`,
      };
      repo.recordHeader(
        { ...header, lastSeq: Math.ceil(day.records.length / 2000), recordCount: day.records.length },
        'bench',
      );
      for (const b of batchesOf(day, 2000)) repo.applyBatch(b, 'feed');
    }
    app.flags.engine.recomputeAll();
  } finally {
    await app.close();
  }
}

async function purge(dir: string, rebuild: boolean) {
  const app: AppContext = createAppContext({ dataDir: dir, shell: 'cli' });
  try {
    // Without the rebuild: as if an officer were mid-case (it is then left pending).
    const target = rebuild ? app : { ...app, cases: { ...app.cases, idle: false } as AppContext['cases'] };
    const t0 = performance.now();
    const r = purgeExpired(target, 30, 'bench', NOW);
    const ms = performance.now() - t0;
    const mib = fs.statSync(dbPath(dir)).size / 2 ** 20;
    return { ms, r, mib };
  } finally {
    await app.close();
  }
}

export async function benchPurge(perDay = 20_000): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-bench-purge-'));
  try {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    const warm = path.join(root, 'warm');
    await load(a, perDay);
    for (const copy of [b, warm]) fs.cpSync(a, copy, { recursive: true });
    // A first purge warms the code paths and statement caches for both measured ones.
    await purge(warm, true);
    const without = await purge(b, false);
    const withRebuild = await purge(a, true);
    const n = withRebuild.r.applicants;
    return [
      {
        group: 'purge',
        name: `retention purge of ${n.toLocaleString('en')} applicants of ${(perDay * DATES.length).toLocaleString('en')} (flags of the kept recomputed, ${withRebuild.r.rewritten} rewritten), file rebuilt`,
        value: withRebuild.ms,
        unit: 'ms',
        baseline: without.ms,
        baselineName: 'the same purge without the rebuild',
      },
      {
        group: 'purge',
        name: '  of which rebuilding the file (VACUUM; waits until no case is open)',
        value: withRebuild.r.rebuildMs ?? NaN,
        unit: 'ms',
      },
      {
        group: 'purge',
        name: '  database file after the purge',
        value: withRebuild.mib,
        unit: 'MiB',
        baseline: without.mib,
        baselineName: 'not rebuilt',
      },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
