import { expect, test } from '@playwright/test';
import type { AuditEntryView } from '../../ipc/channels/audit';
import { api, bridgeAnswer, refusedSignIn, startShell, submitSignIn, type RunningShell } from './shell';

let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => {
  await shell.stop();
});

test.describe.configure({ mode: 'serial' });

test('first run: set up the administrator and the demo accounts', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByRole('heading', { name: 'Set up Arrivals Console' })).toBeVisible();
  // The launch key is moved out of the address bar.
  expect(page.url()).not.toContain('key=');
  await page.getByLabel('Administrator username').fill('site.admin');
  await page.getByLabel('Full name').fill('Site Administrator');
  await page.getByLabel('Password (at least 10 characters)').fill('site-admin-password');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Demo accounts were created')).toBeVisible();
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

for (const [user, password, role, nav, notNav] of [
  ['officer', 'officer-demo-pass', 'officer', 'Booth', 'Admin'],
  ['supervisor', 'supervisor-demo-pass', 'supervisor', 'Dashboard', 'Booth'],
  ['admin', 'admin-demo-pass', 'admin', 'Admin', 'Booth'],
] as const) {
  test(`signs in as ${role} and sees the ${role}'s navigation`, async ({ page }) => {
    await page.goto(shell.url);
    await submitSignIn(page, user, password);
    await expect(page.getByTestId('signed-in-role')).toHaveText(role);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation.getByText(nav, { exact: true })).toBeVisible();
    await expect(navigation.getByText(notNav, { exact: true })).toHaveCount(0);
    await expect(page.getByTestId('status-area')).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
}

test('a wrong password is refused and the 6th attempt is locked out', async ({ page }) => {
  await page.goto(shell.url);
  for (let i = 1; i <= 5; i++) {
    await refusedSignIn(page, 'supervisor', `wrong-password-${i}`, 'Wrong username or password.');
  }
  await submitSignIn(page, 'supervisor', 'supervisor-demo-pass');
  await expect(page.getByRole('alert')).toContainText(
    'Too many failed attempts. This account is locked for 5 more minutes.',
  );
  await expect(page.getByTestId('signed-in-role')).toHaveCount(0);
});

test("an officer's session calling an admin-only channel is refused at the HTTP bridge", async ({ page }) => {
  await page.goto(shell.url);
  await submitSignIn(page, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('signed-in-role')).toHaveText('officer');
  // Call the bridge directly from the officer's own page, with its own key and connection,
  // as a compromised renderer would.
  const create = await bridgeAnswer(page, 'users.create', {
    username: 'rogue.admin',
    displayName: 'Rogue',
    role: 'admin',
    password: 'rogue-password-1',
  });
  expect(create).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await bridgeAnswer(page, 'users.list', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await bridgeAnswer(page, 'sync.status', {})).toMatchObject({ ok: true });
});

test('an admin manages users, sees the engine status, and the audit log shows and verifies it', async ({
  page,
}) => {
  await page.goto(shell.url);
  await submitSignIn(page, 'admin', 'admin-demo-pass');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByLabel('Username').fill('ofc.garcia');
  await page.getByLabel('Full name').fill('María García');
  await page.getByLabel('Initial password').fill('garcia-password-1');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('cell', { name: 'ofc.garcia', exact: true })).toBeVisible();
  // The admin console's sections are pages of their own (/admin/<section>).
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Audit' }).click();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Intact');
  await expect(page.getByRole('cell', { name: 'user.create' }).first()).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Admin sections' })
    .getByRole('link', { name: 'Engine' })
    .click();
  // The engine card: the face workers run with denormals flushed (the fpu-mode addon is built).
  await expect(page.getByTestId('fast-arithmetic')).toHaveText('fast arithmetic on', { timeout: 20_000 });
  // ...and decode large JPEGs with libjpeg-turbo (the jpeg-scale addon is built).
  await expect(page.getByTestId('fast-photo-decoding')).toHaveText('fast photo decoding on');
  await expect(page.getByLabel('Engine status')).toContainText('fresh key index');
});

test('a reload keeps the session; closing the window signs out once the grace period has passed', async ({
  page,
  browser,
}) => {
  // The close is only final after the grace period (10 s by default): more time than usual.
  test.slow();
  // An officer account of its own, so that no other test's closed window can pass for this one's.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(shell.url);
  expect(
    (await bridgeAnswer(admin, 'auth.signIn', { username: 'admin', password: 'admin-demo-pass' })).ok,
  ).toBe(true);
  expect(
    (
      await bridgeAnswer(admin, 'users.create', {
        username: 'ofc.reload',
        displayName: 'Officer Reload',
        role: 'officer',
        password: 'reload-password-1',
      })
    ).ok,
  ).toBe(true);
  const closedWindowSignOuts = async () =>
    (await api<AuditEntryView[]>(admin, 'audit.recent', { limit: 200 }))
      .filter((e) => e.action === 'auth.sign_out' && e.actor === 'ofc.reload')
      .map((e) => e.details);

  await page.goto(shell.url);
  await submitSignIn(page, 'ofc.reload', 'reload-password-1');
  await expect(page.getByTestId('signed-in-role')).toHaveText('officer');
  const connection = await page.evaluate(() => sessionStorage.getItem('arrivals.connection'));

  // A reload fires pagehide (the close report) too; the reloaded page keeps the session.
  await page.reload();
  await expect(page.getByTestId('signed-in-role')).toHaveText('officer');
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  expect(await page.evaluate(() => sessionStorage.getItem('arrivals.connection'))).toBe(connection);
  expect(await closedWindowSignOuts()).toEqual([]);

  // Closing the window as a user does (runBeforeUnload: the page's unload events fire, as they
  // do when a window is closed; without it Playwright discards the page without them). Once
  // the grace period has passed, the session ends, audited as before. The page is closed idle:
  // a renderer still busy drawing the queue can be torn down before its pagehide report goes
  // out (then the session stays until the app exits, as before this grace period existed).
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await page.close({ runBeforeUnload: true });
  await expect.poll(closedWindowSignOuts, { timeout: 60_000 }).toEqual([{ reason: 'window closed' }]);
  expect(await bridgeAnswer(admin, 'sync.status', {}, connection!)).toMatchObject({
    ok: false,
    error: { code: 'NOT_SIGNED_IN' },
  });
  await adminContext.close();
});
