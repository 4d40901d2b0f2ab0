// Runs in: plain Node (start and test scripts).
// better-sqlite3-multiple-ciphers (SQLite with encryption) is a native addon built for ONE
// runtime ABI at a time: Node (tests, CLI, browser shell) or Electron (desktop app). Switch it
// when the runtime changes, and only then.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const SQLITE = 'better-sqlite3-multiple-ciphers';
const marker = () =>
  path.join(
    path.dirname(require.resolve(`${SQLITE}/package.json`, { paths: [root] })),
    'build',
    '.arrivals-runtime',
  );

function current() {
  try {
    return fs.readFileSync(marker(), 'utf8').trim();
  } catch {
    return 'node'; // npm install builds for Node
  }
}

function ensureNativeFor(runtime) {
  if (current() === runtime) return;
  console.log(`Rebuilding ${SQLITE} for ${runtime}...`);
  const r =
    runtime === 'electron'
      ? spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['rebuild', SQLITE], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`Could not rebuild ${SQLITE} for ${runtime}.`);
    process.exit(1);
  }
  fs.writeFileSync(marker(), runtime);
}

module.exports = { ensureNativeFor };

if (require.main === module) ensureNativeFor(process.argv[2] || 'node');
