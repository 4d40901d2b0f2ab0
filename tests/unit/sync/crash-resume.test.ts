// SIGKILLs a real syncing CLI process 24 times during a 10k-applicant sync; after each kill the
// database must open cleanly and the sync resume; the end state must equal an uninterrupted
// sync's, with no batch applied twice.
// Kills are placed on observed progress, not on the clock: the CLI's `--progress` lines say when a
// step has been committed, the test picks a step (the header, the k-th batch of the run, the
// photos, the lookout list, the end) and kills after a random fraction of the time the last step
// took, so a kill usually lands inside the next step, the same on a fast or a slow machine.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openDatabaseFile } from '../../../main/db/database';
import { contentSummary } from '../../../main/sync/content-hash';
import { Rng } from '../../../main/feed/generator/random';
import { openEnvelope } from '../../../main/feed/signing';
import { dayKey } from '../../../main/feed/publish';
import type { FeedServer } from '../../../main/feed/server';
import type { Batch } from '../../../main/feed/schema';
import type { SyncProgress } from '../../../main/sync/sync-engine';
import { serve } from '../../helpers/feed';
import { arrivalsAsync, REPO } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';
import { watchProgress } from '../../helpers/progress-lines';

const PORT = 'LRD';
const DATE = '2026-11-22';
/** A child that neither reaches its kill point nor exits by then has hung: a failure, not a kill. */
const CHILD_SAFETY_MS = 180_000;
let server: FeedServer;
/** applicantsThrough[s]: applicant rows the database must hold once batches 1..s are applied. */
let applicantsThrough: number[];

beforeAll(async () => {
  const s = await serve(
    { ports: [PORT], dates: [DATE], perPortPerDay: 10_000, seed: 11 },
    { latencyMs: 5 },
    500,
  );
  server = s.server;
  const batches = s.published.days.get(dayKey(PORT, DATE))!.batches.map((e) => openEnvelope<Batch>(e));
  applicantsThrough = [0];
  for (const b of batches)
    applicantsThrough.push(
      applicantsThrough.at(-1)! + b.records.filter((r) => r.type === 'applicant').length,
    );
}, 300_000);
afterAll(() => server.close());

const syncArgs = () => ['sync', '--feed', server.url, '--port', PORT, '--date', DATE, '--trust-demo-key'];
/**
 * A sync that stopped on a lost connection (it says so, exits 2, and resumes when run again). On
 * a loaded machine the loopback feed can drop an idle keep-alive connection just as the CLI
 * reuses it: that is an interruption like a kill, not a crash-safety failure.
 */
const lostConnection = (code: number | null, out: string) =>
  code === 2 && /Sync failed: The feed could not be reached/.test(out);

/** Where to kill: after the given progress step, plus `fraction` of the time that step took. */
type KillPlan =
  | { after: 'header' | 'photos' | 'lookout' | 'done'; fraction: number }
  | { after: 'batch'; batches: number; fraction: number };
interface RunResult {
  outcome: 'killed' | 'finished' | 'lost-connection';
  /** appliedSeq of the last batch line the CLI printed (null: none). */
  seenSeq: number | null;
  /** appliedSeq of the last batch line seen when the kill was sent (null: none, or no kill). */
  seqAtKill: number | null;
  out: string;
}

function runAndKill(dataDir: string, plan: KillPlan): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO, 'bin/arrivals.js'), '--data-dir', dataDir, ...syncArgs(), '--progress'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let killSent = false;
    let hung = false;
    let seenSeq: number | null = null;
    let seqAtKill: number | null = null;
    let batchLines = 0;
    let prevAt = performance.now();
    let delay: NodeJS.Timeout | undefined;
    const kill = () => {
      killSent = true;
      seqAtKill = seenSeq;
      child.kill('SIGKILL');
    };
    const safety = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, CHILD_SAFETY_MS);
    const onStep = (p: SyncProgress) => {
      const now = performance.now();
      const took = now - prevAt;
      prevAt = now;
      if (p.phase === 'batches') {
        // The first batches line of a run says where it starts; each later one, a batch committed.
        if (seenSeq !== null) batchLines++;
        seenSeq = p.appliedSeq;
      }
      if (killSent || delay) return;
      const hit =
        plan.after === 'batch'
          ? p.phase === 'batches' && batchLines === plan.batches
          : p.phase === plan.after;
      if (!hit) return;
      const ms = Math.round(plan.fraction * took);
      if (ms === 0) kill();
      else delay = setTimeout(kill, ms);
    };
    const output = watchProgress<SyncProgress>(child, 'progress', onStep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(safety);
      clearTimeout(delay);
      if (hung)
        return reject(
          new Error(
            `the sync neither reached its kill point (${JSON.stringify(plan)}) nor exited within ${CHILD_SAFETY_MS} ms:\n${output()}`,
          ),
        );
      if (signal === 'SIGKILL' && killSent)
        return resolve({ outcome: 'killed', seenSeq, seqAtKill, out: output() });
      if (lostConnection(code, output()))
        return resolve({ outcome: 'lost-connection', seenSeq, seqAtKill: null, out: output() });
      if (code !== 0)
        return reject(
          new Error(
            `the sync exited with ${code ?? signal} before its kill point (${JSON.stringify(plan)}):\n${output()}`,
          ),
        );
      resolve({ outcome: 'finished', seenSeq, seqAtKill: null, out: output() });
    });
  });
}

describe('crash-safe resumable sync', () => {
  it('survives 24 SIGKILLs mid-sync and ends identical to an uninterrupted sync', async () => {
    // The reference is one uninterrupted run: a fresh copy again if the connection was lost.
    let reference = tempDir();
    let ok = await arrivalsAsync(reference, syncArgs());
    for (let attempt = 1; attempt < 3 && lostConnection(ok.code, ok.out); attempt++) {
      reference = tempDir();
      ok = await arrivalsAsync(reference, syncArgs());
    }
    expect(ok.code, ok.out).toBe(0);
    const refDb = openDatabase(reference);
    const expected = contentSummary(refDb);
    const total = (
      refDb.prepare('SELECT last_seq FROM manifests WHERE port = ? AND service_date = ?').get(PORT, DATE) as {
        last_seq: number;
      }
    ).last_seq;
    refDb.close();
    expect(expected.counts.applicants).toBeGreaterThanOrEqual(10_000);
    expect(total).toBe(50);
    expect(applicantsThrough).toHaveLength(total + 1);
    expect(applicantsThrough[total]).toBe(expected.counts.applicants);

    let dir = tempDir();
    const rng = new Rng(4242);
    /** What the runs came to, for the summary line and the checks after the loop. */
    const tally = { kills: 0, midSync: 0, midBatch: 0, completedRuns: 0, lostConnections: 0 };
    let lastSeq = 0;
    const plans: Record<string, number> = {};
    for (let i = 0; tally.kills < 24 && i < 60; i++) {
      // Mostly after the k-th batch of this run (k kept below what is left, so the kill lands
      // mid-sync); sometimes before the first batch, or after the batches (photos, lookout list,
      // flag upkeep, report).
      const remaining = total - lastSeq;
      const r = rng.next();
      const fraction = rng.next();
      const plan: KillPlan =
        r >= 0.85 || remaining < 2
          ? { after: rng.pick(['photos', 'lookout', 'done'] as const), fraction }
          : r < 0.15
            ? { after: 'header', fraction }
            : { after: 'batch', batches: rng.int(1, Math.min(remaining - 1, 12)), fraction };
      plans[plan.after] = (plans[plan.after] ?? 0) + 1;
      const run = await runAndKill(dir, plan);
      if (run.outcome === 'killed') tally.kills++;
      if (run.outcome === 'lost-connection') tally.lostConnections++;
      // After every kill: the file opens cleanly, passes an integrity check, and no batch is
      // recorded twice; progress never goes backwards.
      const raw = openDatabaseFile(dir, { readonly: true, fileMustExist: true });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const m = raw
        .prepare('SELECT applied_seq FROM manifests WHERE port = ? AND service_date = ?')
        .get(PORT, DATE) as { applied_seq: number } | undefined;
      const applied = raw
        .prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d, MAX(seq) AS mx FROM applied_batches')
        .get() as { n: number; d: number; mx: number | null };
      const rows = raw.prepare('SELECT COUNT(*) AS n FROM applicants').get() as { n: number };
      raw.close();
      const seq = m?.applied_seq ?? 0;
      expect(applied.n).toBe(applied.d);
      expect(applied.mx ?? 0).toBe(seq);
      expect(seq).toBeGreaterThanOrEqual(lastSeq);
      // The batch lines the CLI printed were committed: nothing it reported is lost.
      expect(seq).toBeGreaterThanOrEqual(run.seenSeq ?? 0);
      // Rows only ever come in whole batches, never half a batch: exactly the applicants of
      // batches 1..seq are there.
      if (seq > 0 && seq < 40) expect(rows.n).toBeGreaterThan(0);
      expect(rows.n, `applicant rows after batch ${seq}`).toBe(applicantsThrough[seq]);
      if (seq > lastSeq && seq < total) tally.midSync++;
      // Killed after a batch line and before the next batch was committed: inside a batch.
      if (run.outcome === 'killed' && plan.after === 'batch' && seq === run.seqAtKill && seq < total)
        tally.midBatch++;
      lastSeq = seq;
      if (seq === total) {
        // This copy finished: check it, then start a fresh one so kills keep landing mid-sync.
        await finishAndCompare(dir, expected.hash);
        tally.completedRuns++;
        fs.rmSync(dir, { recursive: true, force: true });
        dir = tempDir();
        lastSeq = 0;
      }
    }
    console.log(
      `crash test: ${tally.kills} kills (${tally.midSync} mid-sync, ${tally.midBatch} inside a batch), ${tally.completedRuns} copies completed between kills, ${tally.lostConnections} runs stopped by a lost connection; kill points ${JSON.stringify(plans)}`,
    );
    expect(tally.kills).toBe(24);
    expect(tally.midSync).toBeGreaterThanOrEqual(5);
    await finishAndCompare(dir, expected.hash);
    // Checked copies are not kept (about 20 MB each); a failing run leaves its copy to look at.
    for (const d of [dir, reference]) fs.rmSync(d, { recursive: true, force: true });
  }, 1_800_000);
});

async function finishAndCompare(dir: string, hash: string) {
  let r = await arrivalsAsync(dir, syncArgs());
  // A lost connection is resumed by running again, as the app would.
  for (let attempt = 1; attempt < 3 && lostConnection(r.code, r.out); attempt++)
    r = await arrivalsAsync(dir, syncArgs());
  expect(r.code, r.out).toBe(0);
  const db = openDatabase(dir);
  expect(contentSummary(db).hash).toBe(hash);
  db.close();
}
