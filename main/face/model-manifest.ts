// Runs in: main process and face worker threads (Node). Locates the models dir and reads models/manifest.json.
import fs from 'node:fs';
import path from 'node:path';

export type ModelKey = 'detect' | 'landmark' | 'feature' | 'liveness';

export interface ModelFileEntry {
  file: string;
  pathInPackage: string;
  sha256: string;
  inputs: Record<string, number[]>;
  outputs: Record<string, number[]>;
}

export interface ModelManifest {
  /** Identifies weights + preprocessing; embeddings are only comparable within one modelVersion. */
  modelVersion: string;
  package: string;
  version: string;
  license: string;
  tarballIntegrity?: string;
  files: Record<ModelKey, ModelFileEntry>;
}

function looksLikeModelsDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'manifest.json'));
}

/**
 * Models directory: ARRIVALS_MODELS_DIR, else process.resourcesPath/models when packaged,
 * else <repo>/models found by walking up from this file (works from source and from out/main).
 */
export function modelsDir(): string {
  const env = process.env.ARRIVALS_MODELS_DIR;
  if (env) return path.resolve(env);
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) {
    const packaged = path.join(resourcesPath, 'models');
    if (looksLikeModelsDir(packaged)) return packaged;
  }
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'models');
    if (looksLikeModelsDir(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve(process.cwd(), 'models');
}

const manifestCache = new Map<string, ModelManifest>();

export function loadManifest(dir: string = modelsDir()): ModelManifest {
  const cached = manifestCache.get(dir);
  if (cached) return cached;
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) {
    throw new Error(`face models not found: ${file} is missing (run "node models/fetch-models.js")`);
  }
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as ModelManifest;
  manifestCache.set(dir, manifest);
  return manifest;
}

export function modelPath(key: ModelKey, dir: string = modelsDir()): string {
  const m = loadManifest(dir);
  const p = path.join(dir, m.files[key].file);
  if (!fs.existsSync(p)) {
    throw new Error(`face model ${m.files[key].file} missing in ${dir} (run "node models/fetch-models.js")`);
  }
  return p;
}
