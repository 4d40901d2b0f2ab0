import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell';

let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => {
  await shell.stop();
});

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

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
    await signIn(page, user, password);
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
    await signIn(page, 'supervisor', `wrong-password-${i}`);
    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  }
  await signIn(page, 'supervisor', 'supervisor-demo-pass');
  await expect(page.getByRole('alert')).toContainText('Too many failed attempts. This account is locked for 5 more minutes.');
  await expect(page.getByTestId('signed-in-role')).toHaveCount(0);
});

test("an officer's session calling an admin-only channel is refused at the HTTP bridge", async ({ page }) => {
  await page.goto(shell.url);
  await signIn(page, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('signed-in-role')).toHaveText('officer');
  // Call the bridge directly from the officer's own page, with its own key and connection,
  // as a compromised renderer would.
  const result = await page.evaluate(async () => {
    const headers = {
      'content-type': 'application/json',
      'x-arrivals-key': sessionStorage.getItem('arrivals.key') ?? '',
      'x-arrivals-connection': sessionStorage.getItem('arrivals.connection') ?? '',
    };
    const create = await fetch('/api/users.create', {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'rogue.admin', displayName: 'Rogue', role: 'admin', password: 'rogue-password-1' }),
    });
    const list = await fetch('/api/users.list', { method: 'POST', headers, body: '{}' });
    const status = await fetch('/api/sync.status', { method: 'POST', headers, body: '{}' });
    return { create: await create.json(), list: await list.json(), status: await status.json() };
  });
  expect(result.create).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(result.list).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(result.status).toMatchObject({ ok: true });
});

test('an admin manages users, sees the engine status, and the audit log shows and verifies it', async ({ page }) => {
  await page.goto(shell.url);
  await signIn(page, 'admin', 'admin-demo-pass');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByLabel('Username').fill('ofc.garcia');
  await page.getByLabel('Full name').fill('María García');
  await page.getByLabel('Initial password').fill('garcia-password-1');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('cell', { name: 'ofc.garcia', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Intact');
  await expect(page.getByRole('cell', { name: 'user.create' }).first()).toBeVisible();
  // The engine card: the face workers run with denormals flushed (the fpu-mode addon is built).
  await expect(page.getByTestId('fast-arithmetic')).toHaveText('fast arithmetic on', { timeout: 20_000 });
  await expect(page.getByLabel('Engine status')).toContainText('fresh key index');
});
