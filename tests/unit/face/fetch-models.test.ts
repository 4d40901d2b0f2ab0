// Runs in: vitest (Node, real models where noted). The install-time model fetch: idempotent, verified, atomic, and loud when offline or tampered with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'models/fetch-models.js');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'models/manifest.json'), 'utf8')) as {
  version: string;
  files: Record<string, { file: string; sha256: string }>;
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'face-fetch-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(env: Record<string, string>) {
  // A cap against a hang only: the script runs `npm pack`, then extracts and hashes the models,
  // which takes a while on a slow or loaded machine.
  return spawnSync(process.execPath, [SCRIPT], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
}

describe('models/fetch-models.js', { timeout: 600_000 }, () => {
  it('does nothing (and needs no network) when every file is present and verified', () => {
    const dir = path.join(tmp, 'ok');
    fs.mkdirSync(dir);
    for (const f of Object.values(manifest.files))
      fs.copyFileSync(path.join(ROOT, 'models', f.file), path.join(dir, f.file));
    const r = run({
      ARRIVALS_MODELS_DIR: dir,
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_offline: 'true',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/present and verified/);
  });

  it('refuses a checksum mismatch with exit 2 and writes no file', () => {
    const dir = path.join(tmp, 'bad');
    fs.mkdirSync(dir);
    const doctored = structuredClone(manifest);
    doctored.files['landmark']!.sha256 = '0'.repeat(64);
    const mf = path.join(tmp, 'bad-manifest.json');
    fs.writeFileSync(mf, JSON.stringify(doctored));
    const r = run({ ARRIVALS_MODELS_DIR: dir, ARRIVALS_MODELS_MANIFEST: mf });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/sha256 mismatch for fr_landmark\.onnx/);
    expect(fs.existsSync(path.join(dir, 'fr_landmark.onnx'))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('fails with a clear message and exit 1 when the registry is unreachable', () => {
    const dir = path.join(tmp, 'offline');
    fs.mkdirSync(dir);
    const doctored = { ...manifest, version: '0.0.999-not-cached' };
    const mf = path.join(tmp, 'offline-manifest.json');
    fs.writeFileSync(mf, JSON.stringify(doctored));
    const r = run({
      ARRIVALS_MODELS_DIR: dir,
      ARRIVALS_MODELS_MANIFEST: mf,
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_fetch_retries: '0',
      npm_config_fetch_timeout: '3000',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/could not fetch .* \(offline or registry unreachable\?\)/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
