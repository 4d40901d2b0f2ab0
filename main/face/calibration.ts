// Runs in: main process and CLI. Decision thresholds per model version, from
// models/calibration/<modelVersion>.json (written by `arrivals face eval --write-calibration`).
import fs from 'node:fs';
import path from 'node:path';
import { modelsDir } from './model-manifest';

export interface Calibration {
  modelVersion: string;
  /** cosine ≥ match → MATCH */
  match: number;
  /** inconclusive ≤ cosine < match → INCONCLUSIVE (a person decides); below → NO_MATCH */
  inconclusive: number;
  /** liveness below this is shown as "possible photo or screen" (advisory only) */
  livenessAdvisory: number;
  source: string;
  computedAt: string;
  evaluation?: Record<string, unknown>;
}

/** Used only when no calibration file exists for the model version (FACE-PIPELINE.md). */
export const FALLBACK: Omit<Calibration, 'modelVersion'> = {
  match: 0.45,
  inconclusive: 0.35,
  livenessAdvisory: 0.5,
  source: 'defaults measured on a public labelled pair set (FACE-PIPELINE.md); no calibration file',
  computedAt: '2026-11-22T00:00:00Z',
};

export function calibrationFile(modelVersion: string, dir = modelsDir()): string {
  return path.join(dir, 'calibration', `${modelVersion}.json`);
}

const cache = new Map<string, Calibration>();

export function loadCalibration(modelVersion: string, dir = modelsDir()): Calibration {
  const file = calibrationFile(modelVersion, dir);
  const hit = cache.get(file);
  if (hit) return hit;
  const c: Calibration = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Calibration)
    : { modelVersion, ...FALLBACK };
  cache.set(file, c);
  return c;
}

export function writeCalibration(c: Calibration, dir = modelsDir()): string {
  const file = calibrationFile(c.modelVersion, dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(c, null, 2)}\n`);
  cache.delete(file);
  return file;
}
