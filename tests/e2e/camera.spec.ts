// Runs in: tests (Node, Playwright). The booth's camera path, with Chromium's fake camera playing a face picture.
import path from 'node:path';
import sharp from 'sharp';
import { test } from '@playwright/test';
import { cameraFile, fakeCamera, writeCameraFrame } from './fake-camera';
import { api, setupAndSignIn, startShell, type RunningShell } from './shell';
import { expect, SYNC_MS, TEST_MS } from './waits';

const y4m = cameraFile();
test.use({ launchOptions: fakeCamera(y4m) });

let shell: RunningShell;
test.describe.configure({ timeout: TEST_MS });
test.beforeAll(async () => {
  test.setTimeout(TEST_MS);
  // A 1280×720 frame with one face on a plain background, as the webcam would show it.
  const face = await sharp(path.join(__dirname, '../fixtures/face-pairs/s1f0_base.jpg'))
    .resize(360, 360)
    .toBuffer();
  await writeCameraFrame(y4m, face, { size: 360, top: 180 });
  shell = await startShell({ env: { ARRIVALS_DEMO_SIZE: '200' } });
});
test.afterAll(async () => shell.stop());

test('the officer captures from the camera and gets an explained comparison', async ({ page }) => {
  await setupAndSignIn(page, shell, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  const queue = await api<{ items: Array<{ applicantId: string; hasPhoto: boolean }> }>(
    page,
    'queue.today',
    {},
  );
  const ids = queue.items.filter((i) => i.hasPhoto).map((i) => i.applicantId);
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
