// Runs in: CLI. `arrivals face eval|verify|embed|report`: evaluation, calibration and spot checks
// on the same pipeline the app uses, and the accuracy report supervisors see.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { FacePool } from './pool';
import { cosine } from './vector';
import { errorRates, perGroup, suggestThresholds, type ScoredPair } from './evaluate';
import { loadCalibration, writeCalibration } from './calibration';
import { verifyCapture } from './verify';
import { faceAccuracyReport, type FieldCounts } from './accuracy-report';
import { loadManifest } from './model-manifest';
import type { WithApp } from '../app-context';

function parseCsv(text: string): Array<Record<string, string>> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (l: string) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const header = split(lines[0] ?? '');
  for (const col of ['file_x', 'file_y', 'same'])
    if (!header.includes(col))
      throw new Error(
        `PAIRS.csv needs a header with file_x,file_y,same (optional group); found: ${header.join(',')}`,
      );
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i] ?? `c${i}`, v])));
}

function truthy(v: string | undefined): boolean {
  return /^(1|yes|true|y)$/i.test(v ?? '');
}

export interface EvalReport {
  modelVersion: string;
  pairs: number;
  failures: Array<{ file: string; reason: string }>;
  auc: number;
  eer: number;
  fnmrAtFmr1: number | null;
  fnmrAtFmr01: number | null;
  [k: string]: unknown;
}

export async function evaluatePairs(pairsFile: string, imagesDir: string, workers = 2): Promise<EvalReport> {
  const rows = parseCsv(fs.readFileSync(pairsFile, 'utf8'));
  const pool = new FacePool({ workers });
  try {
    const files = [...new Set(rows.flatMap((r) => [r.file_x!, r.file_y!]))];
    const emb = new Map<string, Float32Array>();
    const failures: Array<{ file: string; reason: string }> = [];
    let modelVersion = 'unknown';
    // Bounded in flight: a large pair set must not read every image into memory at once.
    let next = 0;
    const one = async (f: string) => {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(path.join(imagesDir, f));
      } catch {
        failures.push({ file: f, reason: 'file not found' });
        return;
      }
      const r = await pool.analyze(bytes, { liveness: false });
      modelVersion = r.modelVersion !== 'unknown' ? r.modelVersion : modelVersion;
      if (!r.ok) failures.push({ file: f, reason: r.error.message });
      else if (!r.embedding)
        failures.push({ file: f, reason: r.quality.reasons.map((x) => x.message).join('; ') || 'no face' });
      else emb.set(f, r.embedding);
    };
    await Promise.all(
      Array.from({ length: workers * 2 }, async () => {
        for (let i = next++; i < files.length; i = next++) await one(files[i]!);
      }),
    );
    const scored: ScoredPair[] = [];
    for (const r of rows) {
      const a = emb.get(r.file_x!);
      const b = emb.get(r.file_y!);
      if (a && b) scored.push({ score: cosine(a, b), same: truthy(r.same), group: r.group || undefined });
    }
    const rates = errorRates(scored);
    const suggested = suggestThresholds(rates);
    const current = loadCalibration(modelVersion);
    return {
      modelVersion,
      pairsInFile: rows.length,
      ...rates,
      failures: failures.sort((x, y) => x.file.localeCompare(y.file)),
      suggested,
      current: { match: current.match, inconclusive: current.inconclusive, source: current.source },
      perGroup: perGroup(scored, suggested.match),
    };
  } finally {
    await pool.close();
  }
}

export function registerFaceCommands(program: Command, withApp: WithApp): void {
  const face = program.command('face').description('face engine: evaluation, calibration, spot checks');
  face
    .command('eval')
    .description(
      'score labelled pairs and report AUC, EER, FNMR at FMR 1% / 0.1%, quantiles, suggested thresholds',
    )
    .requiredOption('--pairs <csv>', 'CSV with header file_x,file_y,same[,group]')
    .requiredOption('--images <dir>', 'folder the file names are relative to')
    .option('--json', 'print one JSON object')
    .option('--write-calibration', 'write the suggested thresholds to models/calibration/<modelVersion>.json')
    .action(async (o: { pairs: string; images: string; json?: boolean; writeCalibration?: boolean }) => {
      const r = await evaluatePairs(o.pairs, o.images);
      if (o.writeCalibration) {
        const s = r.suggested as { match: number; inconclusive: number; rationale: string };
        const file = writeCalibration({
          modelVersion: r.modelVersion,
          match: s.match,
          inconclusive: s.inconclusive,
          livenessAdvisory: 0.5,
          source: `arrivals face eval --pairs ${path.relative(process.cwd(), o.pairs)} (${r.pairs} pairs). ${s.rationale}`,
          computedAt: new Date().toISOString(),
          evaluation: {
            pairs: r.pairs,
            genuine: r.genuine,
            impostor: r.impostor,
            auc: r.auc,
            eer: r.eer,
            fnmrAtFmr1: r.fnmrAtFmr1,
            fnmrAtFmr01: r.fnmrAtFmr01,
            failures: r.failures.length,
            perGroup: r.perGroup,
          },
        });
        if (!o.json) console.log(`Wrote ${file}`);
      }
      if (o.json) return console.log(JSON.stringify(r));
      const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(2)} %`);
      console.log(
        `Model ${r.modelVersion}: ${r.pairs} pairs scored (${r.genuine} genuine, ${r.impostor} impostor), ${r.failures.length} images failed`,
      );
      for (const f of r.failures) console.log(`  failed: ${f.file}: ${f.reason}`);
      console.log(`ROC AUC ${r.auc}   EER ${pct(r.eer)} at ${r.eerThreshold}`);
      console.log(`FNMR at FMR 1 %: ${pct(r.fnmrAtFmr1)}   FNMR at FMR 0.1 %: ${pct(r.fnmrAtFmr01)}`);
      for (const n of r.notes as string[]) console.log(`  note: ${n}`);
      console.log(`genuine quantiles  ${JSON.stringify(r.genuineQuantiles)}`);
      console.log(`impostor quantiles ${JSON.stringify(r.impostorQuantiles)}`);
      const s = r.suggested as { match: number; inconclusive: number; rationale: string };
      console.log(
        `suggested: MATCH ≥ ${s.match}, INCONCLUSIVE ${s.inconclusive}–${s.match}  (${s.rationale})`,
      );
      for (const g of r.perGroup as Array<{
        group: string;
        genuine: number;
        impostor: number;
        fnmr: number | null;
        fmr: number | null;
      }>) {
        console.log(
          `  group ${g.group.padEnd(12)} genuine ${String(g.genuine).padStart(4)} FNMR ${pct(g.fnmr).padStart(8)}   impostor ${String(g.impostor).padStart(4)} FMR ${pct(g.fmr).padStart(8)}`,
        );
      }
    });
  face
    .command('verify <a> <b>')
    .description('compare two photos as the booth does (a = live capture, b = submitted photo)')
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, o: { json?: boolean }) => {
      const pool = new FacePool({ workers: 2 });
      try {
        const r = await verifyCapture(pool, fs.readFileSync(a), { bytes: fs.readFileSync(b) });
        if (o.json) return console.log(JSON.stringify(r));
        console.log(
          `${r.band ?? 'NO DECISION'}${r.score !== null ? `  score ${r.score.toFixed(4)}` : ''}  (MATCH ≥ ${r.thresholds.match}, INCONCLUSIVE ≥ ${r.thresholds.inconclusive}; model ${r.modelVersion})`,
        );
        for (const e of r.explanation) console.log(`  ${e}`);
        if (r.liveness !== null) console.log(`  liveness (advisory) ${r.liveness.toFixed(2)}`);
        console.log(`  time ${r.timings.totalMs.toFixed(0)} ms`);
        if (r.band === null) process.exitCode = 1;
      } finally {
        await pool.close();
      }
    });
  face
    .command('embed <image>')
    .description('detect, check quality and print the 512-d template of one photo')
    .option('--json', 'print JSON')
    .action(async (img: string, o: { json?: boolean }) => {
      const pool = new FacePool({ workers: 1 });
      try {
        const r = await pool.analyze(fs.readFileSync(img));
        if (!r.ok) {
          console.error(`Cannot use ${img}: ${r.error.message}`);
          process.exitCode = 1;
          return;
        }
        const out = {
          modelVersion: r.modelVersion,
          faces: r.faces,
          quality: r.quality,
          liveness: r.liveness,
          embedding: r.embedding ? Array.from(r.embedding, (v) => Math.round(v * 1e6) / 1e6) : null,
          timings: r.timings,
        };
        if (o.json) return console.log(JSON.stringify(out));
        console.log(
          `${r.faces.length} face(s); quality ${r.quality.ok ? 'ok' : r.quality.reasons.map((x) => x.message).join('; ')}; liveness ${r.liveness?.toFixed(2) ?? 'n/a'}`,
        );
        if (r.embedding)
          console.log(
            `embedding[0..8] ${Array.from(r.embedding.slice(0, 8), (v) => v.toFixed(4)).join(' ')} … (512 values, --json for all)`,
          );
        else process.exitCode = 1;
      } finally {
        await pool.close();
      }
    });
  face
    .command('report')
    .description(
      'face-match accuracy per model version: calibration, and what booths saw since (by sex and age band)',
    )
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withApp((app) => {
        const models = faceAccuracyReport(app.db, loadManifest().modelVersion);
        if (o.json) return console.log(JSON.stringify(models));
        const pct = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)} %` : 'n/a');
        const line = (label: string, c: FieldCounts, enough = true) =>
          enough
            ? `  ${label.padEnd(22)} ${String(c.verifications).padStart(6)}  MATCH ${pct(c.match, c.verifications).padStart(7)}  INCONCLUSIVE ${pct(c.inconclusive, c.verifications).padStart(7)}  NO_MATCH ${pct(c.noMatch, c.verifications).padStart(7)}  confirmed after non-match ${c.confirmedAfterNonMatch}  not confirmed after match ${c.notConfirmedAfterMatch}`
            : `  ${label.padEnd(22)} ${String(c.verifications).padStart(6)}  too few to say`;
        for (const m of models) {
          const c = m.calibration;
          console.log(`Model ${m.modelVersion}${m.current ? ' (in use)' : ''}`);
          console.log(
            `  calibration: MATCH ≥ ${c.match}, INCONCLUSIVE ≥ ${c.inconclusive}; ${c.calibrated ? `${c.pairs ?? '?'} labelled pairs, AUC ${c.auc ?? '?'}, EER ${c.eer ?? '?'}, FNMR at FMR 0.1 % ${c.fnmrAtFmr01 ?? 'n/a'} (${c.computedAt.slice(0, 10)})` : 'no calibration file: defaults'}`,
          );
          for (const g of c.perGroup)
            console.log(
              `    pair group ${g.group.padEnd(10)} FNMR ${g.fnmr ?? 'n/a'} (${g.genuine} genuine)  FMR ${g.fmr ?? 'n/a'} (${g.impostor} impostor)`,
            );
          console.log(line('booths, all', m.field));
          for (const g of m.groups) console.log(line(`${g.dimension} ${g.group}`, g, g.enough));
        }
      }),
    );
}
