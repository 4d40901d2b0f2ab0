// Runs in: tests (Node; the built browser shell as a child, a real feed on 127.0.0.1). SIGKILLs
// the running console while it fills the vetting window: after each kill the database opens
// cleanly, no batch is applied twice, every port-day holds exactly the records of its whole
// batches, and the next start fetches no batch of a port-day completed before the kill (one
// conditional header each). The end state equals an uninterrupted fill's. Kills are placed on
// the console's own progress lines (ARRIVALS_WINDOW_PROGRESS=1), plus a random fraction of the
// last step's duration, never on the clock alone (as tests/unit/sync/crash-resume.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../../main/app-context';
import { openDatabase, openDatabaseFile } from '../../../main/db/database';
import { demoPinnedKeys } from '../../../main/feed/demo-key';
import { generateFeed } from '../../../main/feed/generator/index';
import { Rng } from '../../../main/feed/generator/random';
import type { Batch } from '../../../main/feed/schema';
import { openEnvelope } from '../../../main/feed/signing';
import { contentSummary } from '../../../main/sync/content-hash';
import { shiftDate } from '../../../main/sync/vetting-window';
import type { WindowProgress } from '../../../main/sync/window-sync';
import { REPO } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';
import { watchProgress } from '../../helpers/progress-lines';
import { OWN, windowDates, windowServer, type WindowServer } from '../../helpers/window-feed';

const PORTS = [OWN, 'ELP', 'NOG'];
const { today } = windowDates();
const DATES = [today, shiftDate(today, 1), shiftDate(today, -1), shiftDate(today, -2), shiftDate(today, -3)];
/** A console that neither reaches its kill point nor finishes by then has hung. */
const CHILD_SAFETY_MS = 240_000;
let ws: WindowServer;
/** applicantsThrough["PORT date"][s]: applicant rows once batches 1..s of that day are applied. */
const applicantsThrough = new Map<string, number[]>();

beforeAll(async () => {
  const feed = await generateFeed({
    ports: PORTS,
    dates: DATES,
    perPortPerDay: 300,
    seed: 21,
    photos: false,
  });
  ws = await windowServer(feed, 50);
  for (const [key, day] of ws.published.days) {
    const seen = new Set<string>();
    const through = [0];
    for (const b of day.batches.map((e) => openEnvelope<Batch>(e))) {
      for (const r of b.records) if (r.type === 'applicant') seen.add(r.applicantId);
      through.push(seen.size);
    }
    applicantsThrough.set(key.replace('/', ' '), through);
  }
}, 120_000);
afterAll(() => ws?.server.close());

/** A data folder configured for the feed, with a window of 3 ports × 5 days (4 back, 1 ahead). */
async function consoleDir(): Promise<string> {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({ port: OWN, feedUrl: ws.server.url, publisherKeys: demoPinnedKeys(), booth: 'Booth 4' }),
  );
  const app = createAppContext({ dataDir: dir, shell: 'browser' });
  app.settings.update({ vettingWindow: { ports: PORTS, daysBack: 4, daysAhead: 1, faceTemplates: false } });
  await app.close();
  return dir;
}

type Plan = { after: 'day' | 'batch'; n: number; fraction: number } | { after: 'filled' };

/** Starts the console; SIGKILLs it per the plan (or SIGTERMs it once the window is filled). */
function run(dir: string, plan: Plan): Promise<{ outcome: 'killed' | 'filled'; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO, 'out/main/browser.js'), '--data-dir', dir, '--no-open'],
      {
        env: {
          ...process.env,
          ARRIVALS_WINDOW_PROGRESS: '1',
          ARRIVALS_BACKGROUND_CAP_MS: '0',
          ARRIVALS_SYNC_INTERVAL_MS: '3600000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let seen = 0;
    let prevAt = performance.now();
    let outcome: 'killed' | 'filled' | null = null;
    let delay: NodeJS.Timeout | undefined;
    const safety = setTimeout(() => child.kill('SIGKILL'), CHILD_SAFETY_MS);
    const onStep = (p: WindowProgress) => {
      const now = performance.now();
      const took = now - prevAt;
      prevAt = now;
      if (outcome || delay) return;
      if (p.phase === 'cycle' && p.done === p.total) {
        outcome = 'filled';
        child.kill('SIGTERM');
        return;
      }
      if (plan.after === 'filled' || p.phase !== plan.after || ++seen < plan.n) return;
      delay = setTimeout(
        () => {
          outcome = 'killed';
          child.kill('SIGKILL');
        },
        Math.round(plan.fraction * took),
      );
    };
    const output = watchProgress<WindowProgress>(child, 'window', onStep);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(safety);
      clearTimeout(delay);
      if (outcome) resolve({ outcome, out: output() });
      else
        reject(
          new Error(
            `the console exited or hung before its kill point (${JSON.stringify(plan)}):\n${output()}`,
          ),
        );
    });
  });
}

/** Port-days whose manifests are complete, as "PORT date". */
function completed(dir: string): string[] {
  const db = openDatabaseFile(dir, { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          'SELECT port, service_date AS d FROM manifests WHERE completed_at IS NOT NULL AND applied_seq >= last_seq',
        )
        .all() as Array<{ port: string; d: string }>
    ).map((r) => `${r.port} ${r.d}`);
  } finally {
    db.close();
  }
}

describe('SIGKILL during the vetting window fill', () => {
  it('resumes after each kill without re-fetching completed port-days, and ends as an uninterrupted fill', async () => {
    const reference = await consoleDir();
    expect((await run(reference, { after: 'filled' })).outcome).toBe('filled');
    const refDb = openDatabase(reference);
    const expected = contentSummary(refDb);
    refDb.close();
    expect(completed(reference)).toHaveLength(PORTS.length * DATES.length);

    const dir = await consoleDir();
    const rng = new Rng(77);
    let kills = 0;
    let midDay = 0;
    for (let i = 0; kills < 4 && i < 12; i++) {
      const before = new Set(completed(dir));
      const mark = ws.log.length;
      const plan: Plan = rng.chance(0.5)
        ? { after: 'batch', n: rng.int(1, 12), fraction: rng.next() }
        : { after: 'day', n: rng.int(1, 3), fraction: rng.next() };
      const r = await run(dir, plan);
      // What was complete before this start was not fetched again: at most its header, conditionally.
      const refetched = ws.log
        .slice(mark)
        .filter((l) => l.includes('/batches'))
        .filter((l) => [...before].some((d) => l.includes(`/${d.replace(' ', '/manifests/')}/`)));
      expect(refetched, `run ${i}`).toEqual([]);
      const raw = openDatabaseFile(dir, { readonly: true, fileMustExist: true });
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        const applied = raw
          .prepare(
            'SELECT COUNT(*) AS n, COUNT(DISTINCT port || service_date || seq) AS d FROM applied_batches',
          )
          .get() as { n: number; d: number };
        expect(applied.n).toBe(applied.d);
        // Whole batches only: each port-day holds exactly the applicants of its applied batches.
        const days = raw
          .prepare('SELECT port, service_date AS d, applied_seq AS s FROM manifests')
          .all() as Array<{ port: string; d: string; s: number }>;
        for (const m of days) {
          const n = (
            raw
              .prepare('SELECT COUNT(*) AS n FROM applicants WHERE port = ? AND service_date = ?')
              .get(m.port, m.d) as { n: number }
          ).n;
          expect(n, `${m.port} ${m.d} after batch ${m.s}`).toBe(
            applicantsThrough.get(`${m.port} ${m.d}`)![m.s],
          );
          if (m.s > 0 && m.s < applicantsThrough.get(`${m.port} ${m.d}`)!.length - 1) midDay++;
        }
      } finally {
        raw.close();
      }
      if (r.outcome === 'killed') kills++;
      else break;
    }
    console.log(`window crash test: ${kills} kills, ${midDay} port-days seen half-filled after a kill`);
    expect(kills).toBeGreaterThanOrEqual(3);
    // Finish the fill and compare with the uninterrupted one.
    const mark = ws.log.length;
    const before = new Set(completed(dir));
    expect((await run(dir, { after: 'filled' })).outcome).toBe('filled');
    const again = ws.log.slice(mark).filter((l) => l.includes('/batches'));
    expect(
      again.filter((l) => [...before].some((d) => l.includes(`/${d.replace(' ', '/manifests/')}/`))),
    ).toEqual([]);
    const db = openDatabase(dir);
    expect(contentSummary(db).hash).toBe(expected.hash);
    db.close();
    for (const d of [dir, reference]) fs.rmSync(d, { recursive: true, force: true });
  }, 1_200_000);
});
