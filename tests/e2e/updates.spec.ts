// Runs in: tests (Node, Playwright). An admin's view of software updates, end to end: a release
// published with `arrivals release publish` at a 50 % stage and served by `arrivals release
// serve` on 127.0.0.1; the console (this booth placed inside the stage) shows it with its
// rollout, downloads and verifies it in the background, lists the port's booths from their
// heartbeats to the feed (which lag behind, the rollout's progress), and installs on "install
// now" with nobody mid-case.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { test } from '@playwright/test';
import { checkAxe } from './axe';
import {
  api,
  CLI,
  demoFeedUrl,
  setupAndSignIn,
  startCliServer,
  startShell,
  type RunningShell,
} from './shell';
import { expect, TEST_MS } from './waits';

/** Its place in every rollout is 26.5 of 100 (main/update/rollout.ts), so a 50 % stage reaches it. */
const BOOTH_ID = 'a2a445b3-0e64-4f94-8c9a-87561dadad9b';

let shell: RunningShell | undefined;
let updateServer: ChildProcess | undefined;
let updatesUrl = '';

test.describe.configure({ timeout: TEST_MS });

test.beforeAll(async () => {
  test.setTimeout(TEST_MS);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-e2e-releases-'));
  const artifact = path.join(work, 'Arrivals-Console-0.2.0-x86_64.AppImage');
  fs.writeFileSync(artifact, createHash('sha512').update('0.2.0').digest().toString('hex').repeat(2000));
  const releases = path.join(work, 'releases');
  const published = spawnSync(
    process.execPath,
    [CLI, 'release', 'publish', artifact, '--version', '0.2.0', '--staging', '50', '--dir', releases],
    { encoding: 'utf8' },
  );
  expect(published.status, published.stderr).toBe(0);
  const served = startCliServer(['release', 'serve', '--dir', releases], 'UPDATES_URL');
  updateServer = served.child;
  updatesUrl = await served.url;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-e2e-'));
  fs.writeFileSync(path.join(dataDir, 'booth-id'), `${BOOTH_ID}\n`);
  shell = await startShell({ dataDir, env: { ARRIVALS_DEMO_SIZE: '400' } });
});

test.afterAll(async () => {
  await shell?.stop();
  updateServer?.kill('SIGTERM');
});

/** Another booth of the port reporting to the feed, as its console would. */
async function heartbeat(feedUrl: string, n: number, appVersion: string, pendingUploads: number) {
  const res = await fetch(new URL('v1/heartbeats', feedUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      port: 'SYS',
      boothId: `0000000${n}-0000-4000-8000-000000000000`,
      booth: `Booth ${n}`,
      appVersion,
      modelVersion: 'faceplugin-0.0.1-sim5',
      channel: 'stable',
      lastSyncAt: new Date().toISOString(),
      pendingUploads,
      update: { phase: 'up-to-date', version: null, percent: null },
      sentAt: new Date().toISOString(),
    }),
  });
  expect(res.status).toBe(200);
}

test('the admin sees the available update with its rollout and the fleet table, and installs it', async ({
  page,
}) => {
  const s = shell!;
  await setupAndSignIn(page, s, 'site.admin', 'site-admin-password');
  await expect(page.getByTestId('signed-in-role')).toHaveText('admin');
  await api(page, 'settings.update', { updateFeedUrl: updatesUrl, updateQuietHour: 3 });
  // The built-in demo feed serves once the background has started; two other booths report to it.
  const feedUrl = await demoFeedUrl(page);
  await heartbeat(feedUrl, 2, '0.2.0', 0);
  await heartbeat(feedUrl, 3, '0.1.0', 3);

  await page.getByRole('navigation', { name: 'Main' }).getByText('Admin', { exact: true }).click();
  await page.getByRole('link', { name: 'Updates' }).click();
  const status = page.getByRole('region', { name: 'Software update' });
  await expect(status).toContainText('This console runs version 0.1.0 on the stable channel');
  await status.getByRole('button', { name: 'Check now' }).click();

  const offered = page.getByTestId('update-available');
  await expect(offered).toContainText('Version 0.2.0 is available');
  await expect(offered).toContainText('Rollout: offered to 50 % of booths.');
  await expect(page.getByTestId('update-stage')).toHaveText(
    'This console is in the rollout (its place: 26.5 of 100).',
  );
  await expect(page.getByTestId('update-phase')).toContainText(
    'Version 0.2.0 is downloaded and its checksum verified.',
  );

  const fleet = page.getByRole('table', { name: 'Booths at this port' });
  await expect(page.getByRole('region', { name: 'Booths at SYS' })).toBeVisible();
  await expect(fleet.getByRole('row')).toHaveCount(4);
  await expect(fleet.getByRole('row', { name: /Booth 1/ })).toContainText('this console');
  await expect(fleet.getByRole('row', { name: /Booth 1/ })).toContainText('0.1.0behind');
  await expect(fleet.getByRole('row', { name: /Booth 2/ })).not.toContainText('behind');
  await expect(fleet.getByRole('row', { name: /Booth 3/ })).toContainText('0.1.0behind');
  await expect(page.getByTestId('fleet-rollout')).toHaveText(
    'Version 0.2.0 is on 1 of 3 stable booths (33 %). Its rollout is at 50 %.',
  );

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/updates-1366x768.png' });
  await page.screenshot({ path: 'test-results/updates-1366x768-full.png', fullPage: true });
  // WCAG 2.1 AA, as accessibility.spec.ts checks every screen: nothing serious or critical.
  const axe = await checkAxe(page, '/admin/updates with a release');
  expect(axe.blocking, axe.report).toEqual([]);

  await page.getByRole('button', { name: 'Install now' }).click();
  await expect(page.getByTestId('update-phase')).toHaveText(
    'Installing version 0.2.0: the console restarts when it is done.',
  );
  const audit = await api<Array<{ action: string; actor: string; subject: string }>>(page, 'audit.recent', {
    limit: 20,
  });
  expect(audit.find((e) => e.action === 'update.install')).toMatchObject({
    actor: 'site.admin',
    subject: 'version:0.2.0',
  });
});
