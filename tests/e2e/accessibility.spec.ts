// Runs in: tests (Node, Playwright). axe-core over every screen of the app at a booth's
// 1366×768: setup, sign-in, the idle lock, the booth and an open case (flags, photo, a face
// comparison), each dashboard tab and each admin page. Fails on any WCAG 2.1 A/AA violation of
// serious or critical impact, listing them all (each screen is checked even after one fails);
// also checks each screen has its main landmark and exactly one h1. The applicant-facing screen
// opens from a case in a second window: booth-case.spec.ts checks it there, in two languages.
import { test, type Page } from '@playwright/test';
import { checkAxe } from './axe';
import { useDemoShell } from './fixtures';
import { api, refusedSignIn, submitSignIn } from './shell';
import { expect, SYNC_MS } from './waits';
import { openDatabaseFile } from '../../main/db/database';

test.use({ viewport: { width: 1366, height: 768 } });
const demo = useDemoShell();

/** Waits for the screen to settle, then checks landmarks, the h1 and axe's WCAG rules. */
async function audit(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expect.soft(page.getByRole('main'), `${screen}: one main landmark`).toHaveCount(1);
  await expect.soft(page.getByRole('heading', { level: 1 }), `${screen}: exactly one h1`).toHaveCount(1);
  const axe = await checkAxe(page, screen);
  expect.soft(axe.blocking, axe.report).toEqual([]);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

async function signIn(page: Page, user: string, password: string): Promise<void> {
  await submitSignIn(page, user, password);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

/** Opens a route by its hash URL (a same-document navigation: the session stays). */
async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${demo.shell.origin}/#${route}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * The idle lock without waiting minutes: main reads the idle time from the settings table on
 * every call, so a few milliseconds written there lock the session at its next call (the status
 * area polls every 5 s). Put back before unlocking.
 */
function setIdleLockMinutes(minutes: number): void {
  const db = openDatabaseFile(demo.shell.dataDir);
  try {
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('idleLockMinutes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(String(minutes));
  } finally {
    db.close();
  }
}

test('every screen meets WCAG 2.1 AA (no serious or critical axe violations)', async ({ page }) => {
  // First run: setup, then the demo accounts it made.
  await page.goto(demo.shell.url);
  await expect(page.getByRole('heading', { name: 'Set up Arrivals Console' })).toBeVisible();
  await audit(page, 'setup');
  await page.getByLabel('Administrator username').fill('site.admin');
  await page.getByLabel('Full name').fill('Site Administrator');
  await page.getByLabel('Password (at least 10 characters)').fill('site-admin-password');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Demo accounts were created')).toBeVisible();
  await audit(page, 'setup done');
  await page.getByRole('button', { name: 'Continue to sign in' }).click();

  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await audit(page, 'sign-in');
  await refusedSignIn(page, 'nobody', 'not-a-password', 'Wrong username or password.');
  await audit(page, 'sign-in refused');

  // The officer: the booth, then a case with flags and a submitted photo, then a comparison.
  await signIn(page, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  await expect(page.getByRole('table', { name: 'Arrivals queue' }).getByRole('row').nth(10)).toBeVisible();
  await audit(page, '/booth');
  const queue = await api<{ items: Array<{ applicantId: string; hasPhoto: boolean; openFlags: number }> }>(
    page,
    'queue.today',
    {},
  );
  const id = queue.items.find((i) => i.hasPhoto && i.openFlags > 0)?.applicantId;
  expect(id, 'the demo data has someone with flags and a photo').toBeTruthy();
  await page.goto(`${demo.shell.origin}/#/booth/${id}`);
  await expect(page.getByRole('img', { name: 'Submitted photo' })).toBeVisible();
  await expect(page.getByTestId('flag').first()).toBeVisible();
  await audit(page, `/booth/${id}`);
  const mine = await api<{ photo: string }>(page, 'applicant.get', { applicantId: id });
  await page.locator('input[type=file]').setInputFiles({
    name: 'capture.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(mine.photo.split(',')[1]!, 'base64'),
  });
  await expect(page.getByTestId('verify-band')).toBeVisible({ timeout: SYNC_MS });
  await audit(page, `/booth/${id} with a comparison`);
  await signOut(page);

  // The supervisor's dashboard (the dashboard feature's own checks live with it).
  await signIn(page, 'supervisor', 'supervisor-demo-pass');
  for (const sub of ['', '/verification', '/review', '/referrals', '/trends', '/audit']) {
    await open(page, `/dashboard${sub}`);
    await expect(page.getByRole('tab', { selected: true })).toBeVisible();
    await audit(page, `/dashboard${sub}`);
  }
  await signOut(page);

  // The admin's pages.
  await signIn(page, 'admin', 'admin-demo-pass');
  for (const sub of ['users', 'settings', 'flags', 'lookout', 'bundle', 'engine', 'updates', 'audit']) {
    await open(page, `/admin/${sub}`);
    await audit(page, `/admin/${sub}`);
  }

  // The idle lock, then back.
  setIdleLockMinutes(0.0005);
  try {
    await expect(page.getByRole('heading', { name: 'Session locked' })).toBeVisible();
    await audit(page, 'lock');
  } finally {
    setIdleLockMinutes(10);
  }
  await page.getByLabel('Password').fill('admin-demo-pass');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Demo Admin');
});
