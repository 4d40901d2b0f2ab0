#!/usr/bin/env node
// Runs in: plain Node (benchmark tool). Measures `npm start`'s path in the browser shell:
// from spawning tools/start.js to the first screen (sign-in or setup) rendered in Chromium.
// Usage: node tools/measure-startup.js [--runs 5] [--data-dir DIR]
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('@playwright/test');

async function once(dataDir) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(__dirname, 'start.js'), '--browser', '--no-open', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ARRIVALS_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (c) => reject(new Error(`exited ${c}: ${out}`)));
  });
  const tUrl = performance.now();
  const browser = await chromium.launch({ executablePath: process.env.ARRIVALS_BROWSER || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const tBrowser = performance.now();
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: /Sign in|Create administrator/ }).waitFor();
  const tScreen = performance.now();
  await browser.close();
  child.kill('SIGTERM');
  return { serviceReadyMs: tUrl - t0, screenMs: tScreen - t0, screenExclBrowserLaunchMs: tScreen - t0 - (tBrowser - tUrl) };
}

async function main() {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-startup-'));
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(dataDir));
  const med = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const rows = { 'service ready (URL printed)': med('serviceReadyMs'), 'first screen, incl. Chromium launch': med('screenMs'), 'first screen, excl. Chromium launch': med('screenExclBrowserLaunchMs') };
  return rows;
}

module.exports = { measureStartup: main };
if (require.main === module) {
  main().then((rows) => {
    for (const [k, v] of Object.entries(rows)) console.log(`${k.padEnd(40)} ${v.toFixed(0)} ms (median)`);
  });
}
