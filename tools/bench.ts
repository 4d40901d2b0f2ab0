// Runs in: benchmark (plain Node via tsx). `npm run bench`: every speed and memory target, each
// beside its baseline where one exists, as one table. `npm run bench -- --write` also records the
// table with the machine it ran on in docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { BenchRow } from './bench-types';
import { benchTable } from './bench-table';
import { benchSync } from './bench-sync';
import { benchFlags } from './bench-flags';

async function startupRows(): Promise<BenchRow[]> {
  // tools/measure-startup.js drives the real browser shell and Chromium: each run measures a
  // trivial page and the first screen in the same browser, with the background on (as `npm start`
  // runs) and off (--no-background, the baseline).
  const out = execFileSync(
    process.execPath,
    [path.join(__dirname, 'measure-startup.js'), '--runs', '5', '--json'],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  type Summary = Record<
    | 'readyMs'
    | 'launchMs'
    | 'trivialMs'
    | 'screenMs'
    | 'overMs'
    | 'floorReactOverMs'
    | 'floorMantineOverMs'
    | 'beyondFloorMs'
    | 'totalMs',
    number
  >;
  const r = JSON.parse(out.trim().split('\n').pop()!) as {
    runs: number;
    background: Summary;
    noBackground: Summary;
  };
  const row = (name: string, k: keyof Summary, extra: Partial<BenchRow> = {}): BenchRow => ({
    group: 'startup',
    name: `${name} (median of ${r.runs})`,
    value: r.background[k],
    unit: 'ms',
    baseline: r.noBackground[k],
    baselineName: 'background disabled',
    ...extra,
  });
  return [
    row('first screen minus trivial page, same Chromium', 'overMs', {
      goal: '≤ 300 ms',
      pass: r.background.overMs <= 300,
    }),
    // The stack's own floor in the same browser (tools/startup-floor/): what React, and React with
    // Mantine's provider, stylesheet and a bare sign-in form, cost beyond the trivial page.
    row('  floor: React page with one button, minus trivial page', 'floorReactOverMs'),
    row('  floor: Mantine sign-in form (nothing of ours), minus trivial page', 'floorMantineOverMs'),
    row('  first screen minus the Mantine floor (what is ours)', 'beyondFloorMs'),
    row('first screen, navigation to sign-in/setup button', 'screenMs'),
    row('trivial page, navigation to visible', 'trivialMs'),
    row('service ready (URL printed)', 'readyMs'),
    row('first screen, incl. service start and Chromium launch', 'totalMs', {
      goal: '< 2000 ms',
      pass: r.background.totalMs < 2000,
    }),
  ];
}

async function faceRows(): Promise<BenchRow[]> {
  const mod = (await import('./bench-face')) as {
    benchFace: () => Promise<Array<Partial<BenchRow> & { name: string; value: number; unit: string }>>;
  };
  return (await mod.benchFace()).map((r) => ({ group: 'face', ...r }) as BenchRow);
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const parts: Array<[string, () => Promise<BenchRow[]>]> = [
    ['startup', startupRows],
    ['sync', benchSync],
    ['face', faceRows],
    // A 12 MP picture file against a 1280×720 capture, interleaved in one run (tools/bench-face-file.ts).
    ['face-file', async () => (await import('./bench-face-file')).benchFaceFile()],
    ['flags', () => benchFlags()],
    // The booth's search over 100k applicants in main, and the queue in Chromium (tools/bench-queue.ts).
    ['queue', async () => (await import('./bench-queue')).benchQueue()],
    // The supervisor's day figures for 100k applicants and 20k decisions in main (tools/bench-reporting.ts).
    ['reporting', async () => (await import('./bench-reporting')).benchReporting()],
    // The vetting window: small by default, the full 8 × 37 × 1,500 with --window-full (tools/bench-window.ts).
    ['window', async () => (await import('./bench-window')).benchWindow()],
    // The retention purge of 40k applicants with the file rebuilt, beside the same purge without (tools/bench-purge.ts).
    ['purge', async () => (await import('./bench-purge')).benchPurge()],
  ];
  const rows: BenchRow[] = [];
  for (const [name, run] of parts) {
    if (only && !only.split(',').includes(name)) continue;
    process.stderr.write(`running ${name} benchmarks…\n`);
    try {
      rows.push(...(await run()));
    } catch (e) {
      rows.push({ group: name, name: `FAILED: ${(e as Error).message}`, value: NaN, unit: '' });
    }
  }
  const md = benchTable(rows);
  console.log(md);
  console.log(`\nMachine: ${machine()}`);
  if (process.argv.includes('--write')) {
    const file = path.join(__dirname, '../docs/benchmarks.md');
    const head = `# Benchmarks\n\nRecorded by \`npm run bench -- --write\` on ${new Date().toISOString().slice(0, 10)}.\n\nMachine: ${machine()}.\n\n`;
    const notes = fs.existsSync(path.join(__dirname, '../docs/benchmarks-notes.md'))
      ? `\n\n${fs.readFileSync(path.join(__dirname, '../docs/benchmarks-notes.md'), 'utf8')}`
      : '';
    fs.writeFileSync(file, `${head}${md}\n${notes}`);
    console.log(`Wrote ${file}`);
  }
}

void main();
