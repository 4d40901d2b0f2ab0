import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell';

let shell: RunningShell;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  shell = await startShell({ env: { ARRIVALS_DEMO_SIZE: '400' } });
});
test.afterAll(async () => {
  await shell.stop();
});

async function setupAndSignIn(page: Page, user: string, password: string) {
  await page.goto(shell.url);
  const setup = page.getByRole('heading', { name: 'Set up Arrivals Console' });
  const signIn = page.getByRole('button', { name: 'Sign in' });
  await expect(setup.or(signIn)).toBeVisible();
  if (await setup.isVisible()) {
    await page.getByLabel('Administrator username').fill('site.admin');
    await page.getByLabel('Full name').fill('Site Administrator');
    await page.getByLabel('Password (at least 10 characters)').fill('site-admin-password');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
  }
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('demo: the officer sees today\'s synced manifest and opens a case with its photo', async ({ page }) => {
  await setupAndSignIn(page, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: 30_000 });
  await expect(page.getByText('Sync: idle')).toBeVisible();
  const rows = page.getByRole('table', { name: 'Arrivals queue' }).getByRole('row');
  await expect(rows.nth(10)).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(400);
  // The first applicant of the demo day has a demo photo.
  await rows.nth(1).click();
  await expect(page.getByRole('img', { name: 'Submitted photo' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/booth.png' });
  // Search narrows the queue.
  const firstFamily = (await page.getByRole('heading', { level: 3 }).first().textContent())!.split(',')[0]!;
  await page.getByLabel('Search arrivals').fill(firstFamily.split(' ')[0]!);
  await expect(async () => expect(await rows.count()).toBeLessThan(100)).toPass();
});

test('the officer verifies a live picture against the submitted photo; the result explains itself', async ({ page }) => {
  await setupAndSignIn(page, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: 30_000 });
  const rows = page.getByRole('table', { name: 'Arrivals queue' }).getByRole('row');
  // Applicant 00001 of the demo day holds demo face s1f0.
  await page.getByLabel('Search arrivals').fill('-00001');
  await expect(rows).toHaveCount(2);
  await rows.nth(1).click();
  await expect(page.getByRole('img', { name: 'Submitted photo' })).toBeVisible();
  const fixtures = path.join(__dirname, '../fixtures/face-pairs');
  await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 's1f0_light.jpg'));
  await expect(page.getByTestId('verify-band')).toHaveText('Match', { timeout: 30_000 });
  await expect(page.getByTestId('verify-result')).toContainText('at or above the MATCH threshold');
  await expect(page.getByRole('img', { name: 'Live capture' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/verify.png', fullPage: true });
  await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 's5f0_base.jpg'));
  await expect(page.getByTestId('verify-band')).toHaveText('No match');
  await page.locator('input[type=file]').setInputFiles({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not an image') });
  await expect(page.getByTestId('verify-band')).toHaveText('No comparison possible');
  await expect(page.getByTestId('verify-result')).toContainText('could not be used');
});

test('feed down: the app keeps working from local data, shows the outage, and recovers', async ({ page }) => {
  await setupAndSignIn(page, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: 30_000 });
  const feedUrl = await page.evaluate(async () => {
    const headers = { 'content-type': 'application/json', 'x-arrivals-key': sessionStorage.getItem('arrivals.key') ?? '', 'x-arrivals-connection': sessionStorage.getItem('arrivals.connection') ?? '' };
    const r = await fetch('/api/sync.status', { method: 'POST', headers, body: '{}' });
    return ((await r.json()) as { value: { feedUrl: string } }).value.feedUrl;
  });
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
