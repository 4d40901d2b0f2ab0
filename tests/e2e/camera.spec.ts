// The booth's camera path, with Chromium's fake camera playing a face picture.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from '@playwright/test';
import { setupAndSignIn, startShell, type RunningShell } from './shell';
import { expect, SYNC_MS, TEST_MS } from './waits';

const y4m = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-cam-')), 'face.y4m');
// A 1280×720 frame with one face on a plain background, as the webcam would show it.
const made = spawnSync('ffmpeg', [
  '-loglevel',
  'error',
  '-y',
  '-f',
  'lavfi',
  '-i',
  'color=c=0x6b7b8c:s=1280x720',
  '-i',
  path.join(__dirname, '../fixtures/face-pairs/s1f0_base.jpg'),
  '-filter_complex',
  '[1]scale=360:360[f];[0][f]overlay=460:180',
  '-frames:v',
  '1',
  '-pix_fmt',
  'yuv420p',
  y4m,
]);

test.use({
  launchOptions: {
    executablePath: process.env.ARRIVALS_BROWSER ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ],
  },
});

let shell: RunningShell;
test.describe.configure({ timeout: TEST_MS });
test.beforeAll(async () => {
  test.setTimeout(TEST_MS);
  expect(made.status, String(made.stderr)).toBe(0);
  shell = await startShell({ env: { ARRIVALS_DEMO_SIZE: '200' } });
});
test.afterAll(async () => shell.stop());

test('the officer captures from the camera and gets an explained comparison', async ({ page }) => {
  await setupAndSignIn(page, shell, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  const ids = await page.evaluate(async () => {
    const headers = {
      'content-type': 'application/json',
      'x-arrivals-key': sessionStorage.getItem('arrivals.key') ?? '',
      'x-arrivals-connection': sessionStorage.getItem('arrivals.connection') ?? '',
    };
    const r = (await (await fetch('/api/queue.today', { method: 'POST', headers, body: '{}' })).json()) as {
      value: { items: Array<{ applicantId: string; hasPhoto: boolean }> };
    };
    return r.value.items.filter((i) => i.hasPhoto).map((i) => i.applicantId);
  });
  await page.getByLabel('Search arrivals').fill(ids[0]!.slice(-6));
  const rows = page.getByRole('table', { name: 'Arrivals queue' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await rows.nth(1).click();
  await expect(page.getByRole('img', { name: 'Submitted photo' })).toBeVisible();
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect
    .poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Capture and compare' }).click();
  // Whatever the outcome for this pair of faces, it comes with its explanation.
  await expect(page.getByTestId('verify-band')).toHaveText(
    /Match|No match|Inconclusive|No comparison possible/,
    { timeout: SYNC_MS },
  );
  await expect(page.getByTestId('verify-result').getByRole('listitem').first()).toContainText(
    /Similarity|could not be used|no usable face/,
  );
  await expect(page.getByRole('img', { name: 'Live capture' })).toBeVisible();
});
