#!/usr/bin/env node
// Runs in: plain Node (benchmark tool). Measures `npm start`'s path in the browser shell and
// how much of the first screen is ours rather than Chromium's.
//
// Each run, for each mode (background on, as `npm start` runs; and off, --no-background), in
// alternating order:
//   1. spawns tools/start.js --browser --no-open (a fresh service) and waits for its URL;
//   2. launches Chromium (Playwright, Debian's /usr/bin/chromium or ARRIVALS_BROWSER);
//   3. opens a throw-away trivial page (so neither measured page pays for the browser's first
//      renderer), then in fresh contexts, measured from navigation start:
//        - a trivial page (one button, served from 127.0.0.1 by this tool),
//        - the app's first screen (the sign-in or setup button visible);
//      both from the navigation's commit to the button being visible, not to the load event
//      (which also waits for whatever the page fetches after its first screen);
//   4. closes Chromium and stops the service (waiting for it to exit).
// "first screen minus trivial page" is what our page costs beyond any page in the same browser:
// bundle download and parse, the first calls, the render, and whatever the service's background
// work takes from the cores meanwhile. Goal: ≤ 300 ms with the background on.
// Beside it, the stack's own floor in the same browser: two reference pages built from
// tools/startup-floor/<name>/main.tsx at the start of the run (React alone with one button;
// Mantine's provider, stylesheet and a sign-in form of the same parts, nothing of ours), each in
// the app's own renderer/index.html, so a reader can tell what is ours from what React and
// Mantine cost on this machine.
//
// Usage: node tools/measure-startup.js [--runs 5] [--fresh] [--json]
//   --fresh  a new data folder for every run (a first start each time); default: one folder per
//            mode, reused, so runs after the first are a returning user's start
//   --json   one JSON object (for tools/bench.ts) instead of the table
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('@playwright/test');

const TRIVIAL_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>trivial</title></head><body><button>Sign in</button></body></html>';

const FLOORS = ['react', 'mantine'];

/**
 * The reference pages' HTML: the app's own page (renderer/index.html: its CSP, viewport, root),
 * with the floor's script in place of the app's, so the two differ only by what they run.
 */
function floorHtml() {
  const app = fs.readFileSync(path.join(__dirname, '..', 'renderer', 'index.html'), 'utf8');
  const script = 'src="./src/main.tsx"';
  if (!app.includes(script))
    throw new Error(`renderer/index.html no longer loads ${script}: update floorHtml()`);
  return app
    .replace(script, 'src="./main.tsx"')
    .replace(/<title>[^<]*<\/title>/, '<title>Start-up floor</title>');
}

/** Builds the reference pages (tools/startup-floor/<name>/main.tsx) into `outDir`/<name>/, minified like the app. */
async function buildFloors(outDir) {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const html = floorHtml();
  for (const name of FLOORS) {
    const root = path.join(__dirname, 'startup-floor', name);
    // The page exists only in the build: Vite reads it from this plugin, not from the folder.
    const page = path.join(root, 'index.html');
    const floorPage = {
      name: 'startup-floor-page',
      enforce: 'pre',
      resolveId: (id) => (id === page ? id : null),
      load: (id) => (id === page ? html : null),
    };
    await build({
      root,
      base: './',
      configFile: false,
      logLevel: 'error',
      plugins: [floorPage, react()],
      build: {
        outDir: path.join(outDir, name),
        emptyOutDir: true,
        minify: true,
        rollupOptions: { input: page },
      },
    });
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** The trivial page at /, the reference pages at /<name>/ (from `floorDir`), nothing else. */
function serveReference(floorDir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const [, name, ...rest] = url.pathname.split('/');
    let body = name === '' ? TRIVIAL_HTML : null;
    let type = TYPES['.html'];
    const parts = rest.filter(Boolean);
    if (FLOORS.includes(name) && !parts.includes('..')) {
      const file = path.join(floorDir, name, ...(parts.length ? parts : ['index.html']));
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        body = fs.readFileSync(file);
        type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      }
    }
    if (body === null) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}

function startService(dataDir, background) {
  const args = [
    path.join(__dirname, 'start.js'),
    '--browser',
    '--no-open',
    '--data-dir',
    dataDir,
    ...(background ? [] : ['--no-background']),
  ];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ARRIVALS_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    void exited.then((c) => reject(new Error(`the service exited (${c}) before printing its URL:\n${out}`)));
  });
  return {
    ready: url.then((u) => ({ url: u, readyMs: performance.now() - t0 })),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function openIn(browser, fn) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await fn(page);
  } finally {
    await context.close();
  }
}

async function once(trivialUrl, dataDir, background) {
  const service = startService(dataDir, background);
  try {
    const { url, readyMs } = await service.ready;
    let browser;
    const launchMs = await timed(async () => {
      browser = await chromium.launch({
        executablePath: process.env.ARRIVALS_BROWSER || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
    });
    try {
      await openIn(browser, (page) => page.goto(trivialUrl));
      const toButton = (pageUrl) =>
        openIn(browser, (page) =>
          timed(() =>
            page
              .goto(pageUrl, { waitUntil: 'commit' })
              .then(() => page.getByRole('button', { name: 'Sign in' }).waitFor()),
          ),
        );
      const trivialMs = await toButton(trivialUrl);
      const floorReactMs = await toButton(`${trivialUrl}react/`);
      const floorMantineMs = await toButton(`${trivialUrl}mantine/`);
      const screenMs = await openIn(browser, (page) =>
        timed(() =>
          page
            .goto(url, { waitUntil: 'commit' })
            .then(() => page.getByRole('button', { name: /Sign in|Create administrator/ }).waitFor()),
        ),
      );
      return {
        readyMs,
        launchMs,
        trivialMs,
        screenMs,
        overMs: screenMs - trivialMs,
        floorReactOverMs: floorReactMs - trivialMs,
        floorMantineOverMs: floorMantineMs - trivialMs,
        beyondFloorMs: screenMs - floorMantineMs,
        totalMs: readyMs + launchMs + screenMs,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await service.stop();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measureStartup({ runs = 5, fresh = false } = {}) {
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-startup-floor-'));
  await buildFloors(floorDir);
  const trivial = await serveReference(floorDir);
  const dirs = { on: null, off: null };
  const made = [];
  const dir = (mode) => {
    if (fresh || !dirs[mode])
      made.push((dirs[mode] = fs.mkdtempSync(path.join(os.tmpdir(), `arrivals-startup-${mode}-`))));
    return dirs[mode];
  };
  const results = { on: [], off: [] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const mode of i % 2 ? ['off', 'on'] : ['on', 'off'])
        results[mode].push(await once(trivial.url, dir(mode), mode === 'on'));
    }
  } finally {
    await trivial.close();
    fs.rmSync(floorDir, { recursive: true, force: true });
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  }
  const summary = (rs) => Object.fromEntries(Object.keys(rs[0]).map((k) => [k, median(rs.map((r) => r[k]))]));
  return { runs, background: summary(results.on), noBackground: summary(results.off), raw: results };
}

module.exports = { measureStartup };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const runs = Number(argv[argv.indexOf('--runs') + 1]) || 5;
  measureStartup({ runs, fresh: argv.includes('--fresh') }).then(
    (r) => {
      if (argv.includes('--json')) return console.log(JSON.stringify(r));
      const rows = [
        ['service ready (URL printed)', 'readyMs'],
        ['Chromium launch', 'launchMs'],
        ['trivial page (navigation to visible)', 'trivialMs'],
        ['first screen (navigation to visible)', 'screenMs'],
        ['first screen minus trivial page', 'overMs'],
        ['  floor: React page with one button, minus trivial', 'floorReactOverMs'],
        ['  floor: Mantine sign-in form, minus trivial', 'floorMantineOverMs'],
        ['  first screen minus the Mantine floor (ours)', 'beyondFloorMs'],
        ['first screen, incl. service and Chromium launch', 'totalMs'],
      ];
      console.log(
        `median of ${r.runs} runs`.padEnd(50) + 'background'.padStart(12) + 'no background'.padStart(15),
      );
      for (const [label, k] of rows)
        console.log(
          label.padEnd(50) +
            `${r.background[k].toFixed(0)} ms`.padStart(12) +
            `${r.noBackground[k].toFixed(0)} ms`.padStart(15),
        );
      console.log(
        `goal: first screen minus trivial page ≤ 300 ms with the background on: ${r.background.overMs <= 300 ? 'met' : 'not met'}`,
      );
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
