import sharp from 'sharp';
import { test, type Page } from '@playwright/test';
import { useDemoShell } from './fixtures';
import { api, demoFeedUrl, setupAndSignIn } from './shell';
import { expect, SYNC_MS } from './waits';

const demo = useDemoShell();

async function photoApplicants(page: Page): Promise<string[]> {
  const q = await api<{ items: Array<{ applicantId: string; hasPhoto: boolean }> }>(page, 'queue.today', {});
  return q.items.filter((i) => i.hasPhoto).map((i) => i.applicantId);
}

test("demo: the officer sees today's synced manifest and opens a case with its photo", async ({ page }) => {
  await setupAndSignIn(page, demo.shell, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  await expect(page.getByText('Sync: idle')).toBeVisible();
  const table = page.getByRole('table', { name: 'Arrivals queue' });
  const rows = table.getByRole('row');
  await expect(rows.nth(10)).toBeVisible();
  // The list is virtualised (only the rows in view are in the page); it says how many rows it
  // has, header included, as the rows themselves were counted before.
  const held = async () => Number(await table.getAttribute('aria-rowcount'));
  expect(await held()).toBeGreaterThan(400);
  // A case without a photo says so plainly.
  await rows.nth(3).click();
  await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();
  // Searching by registration id narrows the queue to one person, here one with a demo photo.
  const withPhoto = (await photoApplicants(page))[0]!;
  await page.getByLabel('Search arrivals').fill(withPhoto.slice(-6));
  await expect(rows).toHaveCount(2);
  await rows.nth(1).click();
  await expect(page.getByRole('img', { name: 'Submitted photo' })).toBeVisible();
  // Every case has a URL: reloading it reopens the same case, still signed in.
  await expect(page).toHaveURL(new RegExp(`#/booth/${withPhoto}$`));
  await page.reload();
  await expect(page.getByTestId('signed-in-role')).toHaveText('officer');
  await expect(page.getByRole('img', { name: 'Submitted photo' })).toBeVisible();
  await expect(page.getByText(withPhoto).first()).toBeVisible();
  await page.getByLabel('Search arrivals').fill('');
  await expect(async () => expect(await held()).toBeGreaterThan(400)).toPass();
  await page.screenshot({ path: 'docs/screenshots/booth.png' });
});

test('the officer verifies a live picture against the submitted photo; the result explains itself', async ({
  page,
}) => {
  await setupAndSignIn(page, demo.shell, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  const rows = page.getByRole('table', { name: 'Arrivals queue' }).getByRole('row');
  const [me, ...others] = await photoApplicants(page);
  await page.getByLabel('Search arrivals').fill(me!.slice(-6));
  await expect(rows).toHaveCount(2);
  await rows.nth(1).click();
  await expect(page.getByRole('img', { name: 'Submitted photo' })).toBeVisible();
  // The "live capture": the same person's submitted photo, darker and turned a little, as a
  // booth webcam would see them; then someone else's photo.
  const mine = await api<{ photo: string }>(page, 'applicant.get', { applicantId: me });
  const capture = await sharp(Buffer.from(mine.photo.split(',')[1]!, 'base64'))
    .modulate({ brightness: 0.8 })
    .rotate(4, { background: '#777' })
    .jpeg({ quality: 80 })
    .toBuffer();
  // Someone else: the first other demo photo the engine scores as a different person.
  let theirs: { photo: string } | null = null;
  for (const o of others) {
    const t = await api<{ photo: string }>(page, 'applicant.get', { applicantId: o });
    const v = await api<{ band: string | null }>(page, 'face.verify', {
      applicantId: me,
      imageBase64: t.photo.split(',')[1],
    });
    if (v.band === 'NO_MATCH') {
      theirs = t;
      break;
    }
  }
  expect(theirs).not.toBeNull();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'capture.jpg', mimeType: 'image/jpeg', buffer: capture });
  await expect(page.getByTestId('verify-band')).toHaveText('Match', { timeout: SYNC_MS });
  await expect(page.getByTestId('verify-result')).toContainText('at or above the MATCH threshold');
  await expect(page.getByRole('img', { name: 'Live capture' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/verify.png', fullPage: true });
  await page.locator('input[type=file]').setInputFiles({
    name: 'other.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(theirs!.photo.split(',')[1]!, 'base64'),
  });
  await expect(page.getByTestId('verify-band')).toHaveText('No match');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not an image') });
  await expect(page.getByTestId('verify-band')).toHaveText('No comparison possible');
  await expect(page.getByTestId('verify-result')).toContainText('could not be used');
});

test('feed down: the app keeps working from local data, shows the outage, and recovers', async ({ page }) => {
  await setupAndSignIn(page, demo.shell, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  const feedUrl = await demoFeedUrl(page);
  // Cut the link (the demo feed's fault switch), from the test, not the page.
  await fetch(`${feedUrl}__faults`, { method: 'POST', body: JSON.stringify({ offline: true }) });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('Sync: offline')).toBeVisible();
  await expect(page.getByTestId('sync-error')).toContainText('could not be reached');
  // Still working from SQLite.
  const rows = page.getByRole('table', { name: 'Arrivals queue' }).getByRole('row');
  await rows.nth(2).click();
  await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/feed-down.png' });
  await fetch(`${feedUrl}__faults`, { method: 'POST', body: JSON.stringify({}) });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('Sync: idle')).toBeVisible();
  await expect(page.getByTestId('sync-error')).toHaveCount(0);
});
