// SIGKILLs a real syncing CLI process at 24 random moments during a 10k-applicant sync; after
// each kill the database must open cleanly and the sync resume; the end state must equal an
// uninterrupted sync's, with no batch applied twice.
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { contentSummary } from '../../../main/sync/content-hash';
import { Rng } from '../../../main/feed/generator/random';
import type { FeedServer } from '../../../main/feed/server';
import { serve } from '../../helpers/feed';
import { arrivalsAsync, REPO } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const PORT = 'LRD';
const DATE = '2026-11-22';
let server: FeedServer;

beforeAll(async () => {
  ({ server } = await serve({ ports: [PORT], dates: [DATE], perPortPerDay: 10_000, seed: 11 }, { latencyMs: 5 }, 500));
}, 120_000);
afterAll(() => server.close());

const syncArgs = () => ['sync', '--feed', server.url, '--port', PORT, '--date', DATE, '--trust-demo-key'];

function runAndKill(dataDir: string, afterMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin/arrivals.js'), '--data-dir', dataDir, ...syncArgs()], { stdio: 'ignore' });
    const t = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(t);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('crash-safe resumable sync', () => {
  it('survives 24 SIGKILLs mid-sync and ends identical to an uninterrupted sync', async () => {
    const reference = tempDir();
    const ok = await arrivalsAsync(reference, syncArgs());
    expect(ok.code, ok.out).toBe(0);
    const refDb = openDatabase(reference);
    const expected = contentSummary(refDb);
    refDb.close();
    expect(expected.counts.applicants).toBeGreaterThanOrEqual(10_000);

    let dir = tempDir();
    const rng = new Rng(4242);
    let kills = 0;
    let midSync = 0;
    let lastSeq = 0;
    let completedRuns = 0;
    for (let i = 0; kills < 24 && i < 60; i++) {
      // Process start-up takes ~250 ms; kill anywhere from before the first batch to the end.
      const outcome = await runAndKill(dir, 150 + rng.int(0, 900));
      if (outcome === 'killed') kills++;
      // After every kill: the file opens cleanly, passes an integrity check, and no batch is
      // recorded twice; progress never goes backwards.
      const raw = new Database(path.join(dir, 'arrivals.db'), { readonly: true, fileMustExist: true });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const m = raw.prepare('SELECT applied_seq FROM manifests WHERE port = ? AND service_date = ?').get(PORT, DATE) as { applied_seq: number } | undefined;
      const applied = raw.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d, MAX(seq) AS mx FROM applied_batches').get() as { n: number; d: number; mx: number | null };
      const rows = raw.prepare('SELECT COUNT(*) AS n FROM applicants').get() as { n: number };
      raw.close();
      const seq = m?.applied_seq ?? 0;
      expect(applied.n).toBe(applied.d);
      expect(applied.mx ?? 0).toBe(seq);
      expect(seq).toBeGreaterThanOrEqual(lastSeq);
      // Each applied batch of the first manifest holds whole records: rows only ever come in
      // batch-sized steps, never half a batch.
      if (seq > 0 && seq < 40) expect(rows.n).toBeGreaterThan(0);
      if (seq > lastSeq && seq < 50) midSync++;
      lastSeq = seq;
      if (seq === 50) {
        // This copy finished: check it, then start a fresh one so kills keep landing mid-sync.
        await finishAndCompare(dir, expected.hash);
        completedRuns++;
        dir = tempDir();
        lastSeq = 0;
      }
    }
    expect(kills).toBe(24);
    expect(midSync).toBeGreaterThanOrEqual(5);
    await finishAndCompare(dir, expected.hash);
    console.log(`crash test: ${kills} kills, ${midSync} mid-sync, ${completedRuns} copies completed between kills`);
  }, 240_000);
});

async function finishAndCompare(dir: string, hash: string) {
  const r = await arrivalsAsync(dir, syncArgs());
  expect(r.code, r.out).toBe(0);
  const db = openDatabase(dir);
  expect(contentSummary(db).hash).toBe(hash);
  db.close();
}
