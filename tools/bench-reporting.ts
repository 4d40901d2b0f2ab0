// Runs in: benchmark (plain Node via tsx). The supervisor's figures for one busy port-day: 100k
// applicants, 20k decisions (a tenth of them corrections) on a real SQLite file, against the
// plainest query over the same rows (one COUNT of the day's decisions by disposition).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppContext } from '../main/app-context';
import { generateFeed } from '../main/feed/generator/index';
import { batchesOf } from '../main/feed/publish';
import { ManifestRepository } from '../main/sync/manifest-repository';
import { EncounterRepository } from '../main/encounter/encounter-repository';
import { arrivalsDashboard } from '../main/reporting/dashboard';
import type { BenchRow } from './bench-types';

const DATE = '2026-11-22';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchReporting(applicants = 100_000, decisions = 20_000): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-bench-reporting-'));
  const app = createAppContext({ dataDir: dir, shell: 'browser' });
  try {
    const db = app.db;
    const feed = await generateFeed({
      ports: ['SYS'],
      dates: [DATE],
      perPortPerDay: applicants,
      photos: false,
      amendments: false,
      seed: 77,
    });
    const repo = new ManifestRepository(db);
    for (const day of feed.days) {
      const header = {
        port: day.port,
        serviceDate: day.serviceDate,
        version: 1,
        generatedAt: `${DATE}T05:00:00Z`,
      };
      repo.recordHeader(
        { ...header, lastSeq: Math.ceil(day.records.length / 2000), recordCount: day.records.length },
        'bench',
      );
      for (const b of batchesOf(day, 2000)) repo.applyBatch(b, 'feed');
    }
    const appts = db
      .prepare<[], { appointment_id: string; applicant_id: string; slot: string }>(
        `SELECT appointment_id, applicant_id, slot FROM appointments WHERE port = 'SYS' AND service_date = '${DATE}' LIMIT ${Math.round(decisions / 1.1)}`,
      )
      .all();
    const enc = new EncounterRepository(db);
    const kinds = [
      'processed',
      'processed',
      'processed',
      'referred_secondary',
      'identity_not_confirmed',
      'no_show',
    ] as const;
    db.transaction(() => {
      appts.forEach((a, i) => {
        const arrived = Date.parse(a.slot) + (i % 40) * 60_000;
        const row = {
          client_id: `E${i}`,
          applicant_id: a.applicant_id,
          appointment_id: a.appointment_id,
          officer: `ofc${i % 12}`,
          booth: `Booth ${i % 6}`,
          arrived_at: new Date(arrived).toISOString(),
          completed_at: new Date(arrived + (2 + (i % 17)) * 60_000).toISOString(),
          disposition: kinds[i % kinds.length]!,
          note: '',
          verification_id: null,
          flags_acknowledged: '[]',
          supersedes: null,
        };
        enc.insert(row);
        if (i % 10 === 0)
          enc.insert({
            ...row,
            client_id: `E${i}c`,
            completed_at: new Date(arrived + 30 * 60_000).toISOString(),
            disposition: 'processed',
            supersedes: row.client_id,
          });
      });
    })();
    const day = { port: 'SYS', date: DATE };
    const plain = db.prepare(
      `SELECT e.disposition, COUNT(*) FROM encounters e JOIN appointments ap ON ap.appointment_id = e.appointment_id
       WHERE ap.port = @port AND ap.service_date = @date GROUP BY e.disposition`,
    );
    arrivalsDashboard(app, day); // warm the page cache and statement compilation alike for both
    plain.all(day);
    const ours: number[] = [];
    const base: number[] = [];
    for (let r = 0; r < 7; r++) {
      let t = performance.now();
      arrivalsDashboard(app, day);
      ours.push(performance.now() - t);
      t = performance.now();
      plain.all(day);
      base.push(performance.now() - t);
    }
    const value = median(ours);
    return [
      {
        group: 'reporting',
        name: `dashboard figures, ${applicants / 1000}k applicants, ${db.prepare('SELECT COUNT(*) FROM encounters').pluck().get() as number} decisions (median of 7)`,
        value,
        unit: 'ms',
        baseline: median(base),
        baselineName: 'one COUNT by disposition',
        goal: '≤ 200 ms',
        pass: value <= 200,
      },
    ];
  } finally {
    app.close();
    if (process.env.BENCH_KEEP) console.error(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
