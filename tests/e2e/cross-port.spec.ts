// Runs in: tests (Node, Playwright). Cross-port vetting in the running console, end to end: a
// reference feed of all eight ports over 40 days with the cross-port patterns planted (written
// by `arrivals feed generate --cross-port`, served by `arrivals feed serve`), a SYS console
// configured for it and started with the default window. Nothing syncs by hand: the status area
// counts the window filling, and today's SYS applicants at the planted home and passport show
// the other ports' evidence on their flags.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { test } from '@playwright/test';
import { CLI, startCliServer, startShell, submitSignIn, type RunningShell } from './shell';
import { expect, STEP_MS, TEST_MS } from './waits';

/** The fill of 296 small port-days, on a busy machine: a cap against a hang. */
const FILL_MS = 240_000;

/** A date at San Ysidro (its own time zone), `days` from today. */
function sysDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Truth {
  patterns: Array<{ id: string; applicantIds: string[] }>;
}

let feed: ChildProcess | undefined;
let shell: RunningShell | undefined;
let truth: Truth;

test.describe.configure({ timeout: TEST_MS + FILL_MS });

test.beforeAll(async () => {
  test.setTimeout(TEST_MS);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-e2e-xport-'));
  const data = path.join(work, 'feed');
  const ports = 'SYS,CXL,NOG,ELP,EGP,LRD,HID,BRO';
  const gen = spawnSync(
    process.execPath,
    [
      CLI,
      'feed',
      'generate',
      '--out',
      data,
      '--ports',
      ports,
      '--from',
      sysDate(-32),
      '--days',
      '40',
      '--per-port',
      '5',
      '--without-photos',
      '--cross-port',
      'SYS',
    ],
    { encoding: 'utf8' },
  );
  expect(gen.status, gen.stderr).toBe(0);
  truth = JSON.parse(fs.readFileSync(path.join(data, 'ground-truth.json'), 'utf8')) as Truth;
  const served = startCliServer(['feed', 'serve', '--data', data, '--batch-size', '50'], 'FEED_URL');
  feed = served.child;
  const feedUrl = await served.url;
  const dataDir = path.join(work, 'console');
  fs.mkdirSync(dataDir);
  const demoKey = fs.readFileSync(
    path.join(__dirname, '../../resources/demo-keys/publisher-demo-2026.pub.pem'),
    'utf8',
  );
  fs.writeFileSync(
    path.join(dataDir, 'config.json'),
    JSON.stringify({
      port: 'SYS',
      feedUrl,
      publisherKeys: { 'publisher-demo-2026': demoKey },
      booth: 'Booth 4',
    }),
  );
  const user = spawnSync(
    process.execPath,
    [
      CLI,
      '--data-dir',
      dataDir,
      'user',
      'add',
      'ofc.one',
      '--role',
      'officer',
      '--name',
      'Officer One',
      '--password',
      'officer-password-1',
    ],
    { encoding: 'utf8' },
  );
  expect(user.status, user.stderr).toBe(0);
  shell = await startShell({ dataDir });
});

test.afterAll(async () => {
  await shell?.stop();
  feed?.kill('SIGTERM');
});

test("the SYS console fills the window by itself and shows each cross-port pattern with the other ports' evidence", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(shell!.url);
  await submitSignIn(page, 'ofc.one', 'officer-password-1');
  await expect(page.getByTestId('window-state')).toHaveText(/Window: 296 of 296 port-days current/, {
    timeout: FILL_MS,
  });
  const sysToday = (id: string) =>
    truth.patterns
      .find((p) => p.id === id)!
      .applicantIds.find((a) => a.startsWith(`SYS-${sysDate(0).replace(/-/g, '')}-`))!;

  // The home: given at ELP 10 days ago, at NOG 3 days ago and here today.
  await page.goto(`${shell!.origin}/#/booth/${sysToday('xport-home')}`);
  const home = page.getByTestId('flag').filter({ hasText: 'Shared address' });
  await expect(home).toContainText('Across 3 ports (ELP, NOG, SYS)', { timeout: STEP_MS });
  const rows = home.getByRole('table', { name: 'Evidence for Shared address' }).getByRole('row');
  await expect(rows.filter({ hasText: `ELP · ${sysDate(-10)}` })).toHaveCount(3);
  await expect(rows.filter({ hasText: `NOG · ${sysDate(-3)}` })).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('cross-port-home.png') });

  // The passport: also given at BRO tomorrow, by someone on the lookout list.
  await page.goto(`${shell!.origin}/#/booth/${sysToday('xport-document')}`);
  const doc = page.getByTestId('flag').filter({ hasText: 'Duplicate document' });
  await expect(doc).toContainText(`BRO · ${sysDate(1)}`, { timeout: STEP_MS });
  await expect(doc).toContainText('on the lookout list (LO-X001)');
  await expect(doc.getByTestId('flag-span')).toHaveText(/^Across 2 ports \(BRO, SYS\)/);
});
