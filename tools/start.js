#!/usr/bin/env node
// Runs in: plain Node (npm start). One command for both shells: real Electron where its
// binary can be had, otherwise the browser shell, with a one-line reason.
//   npm start                 Electron, or the browser shell as a fallback
//   npm start -- --browser    force the browser shell
//   npm start -- --data-dir D use another data folder (also ARRIVALS_DATA_DIR)
//   npm start -- --browser --no-background   no retention, demo feed, sync or enrolment (for
//                             startup measurements; also ARRIVALS_NO_BACKGROUND=1, both shells)
// With no config.json in the data folder the console runs its built-in demo (San Ysidro).
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passArgs = args.filter((a) => a !== '--browser');

function ensureBuilt() {
  const built = ['out/main/browser.js', 'out/main/electron.js', 'out/renderer/index.html'].every((f) =>
    fs.existsSync(path.join(root, f)),
  );
  if (built) return;
  console.log('Building the app (first run)...');
  const r = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
    const pathTxt = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathTxt)) {
      // Electron >= 42 fetches its binary on demand; offline this fails fast and we fall back.
      const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
        cwd: dir,
        stdio: 'ignore',
        timeout: 120_000,
      });
      if (r.status !== 0 || !fs.existsSync(pathTxt))
        return { reason: 'the Electron binary could not be downloaded (offline?)' };
    }
    const exe = path.join(dir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
    if (!fs.existsSync(exe)) return { reason: 'the Electron binary is missing' };
    return { exe };
  } catch (e) {
    return { reason: `Electron is not installed (${e.message})` };
  }
}

ensureBuilt();
let target = null;
if (!forceBrowser) {
  const found = electronBinary();
  if (found.exe) target = found.exe;
  else console.log(`Electron unavailable: ${found.reason}; starting the browser shell instead.`);
}

if (target) {
  // The SQLite addon must match Electron's ABI in this mode; tools/native-abi.js switches it.
  require('./native-abi').ensureNativeFor('electron');
  const child = spawn(target, [path.join(root, 'out/main/electron.js'), ...passArgs], {
    stdio: 'inherit',
    cwd: root,
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  require('./native-abi').ensureNativeFor('node');
  const child = spawn(process.execPath, [path.join(root, 'out/main/browser.js'), ...passArgs], {
    stdio: 'inherit',
    cwd: root,
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
