// Runs in: tests (Node, Playwright). The admin console as an admin uses it, at 1366×768: accounts
// (create, lock-out and unlock, a one-time password the officer must change, the last admin
// kept by main, also over the HTTP bridge), settings (a face band and a flag threshold, each
// confirmed and audited), and a lookout-list import (a bad row reported and nothing applied;
// fixed, applied, a match appears). Actions are taken from the keyboard where it matters most.
import { test, type Browser, type Page } from '@playwright/test';
import { useDemoShell } from './fixtures';
import { api, bridgeAnswer as bridge, refusedSignIn, setupAndSignIn, submitSignIn } from './shell';
import { expect, SYNC_MS } from './waits';
import { openDatabaseFile, type Db } from '../../main/db/database';

const demo = useDemoShell();
test.use({ viewport: { width: 1366, height: 768 } });

const adminNav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name, exact: true }).click();

function readDb<T>(query: (db: Db) => T): T {
  const db = openDatabaseFile(demo.shell.dataDir, { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/** Once the confirmations have closed (on their own, after a few seconds), so a screenshot shows the page. */
async function notificationsGone(page: Page) {
  await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
}

async function officerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(demo.shell.url);
  return page;
}

test('accounts and settings: create, unlock, one-time password, the last admin; a face band and a flag threshold', async ({
  page,
  browser,
}) => {
  await setupAndSignIn(page, demo.shell, 'admin', 'admin-demo-pass');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByLabel('Username').fill('ofc.lopez');
  await page.getByLabel('Full name').fill('Ana López');
  await page.getByLabel('Initial password').fill('lopez-password-1');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('Added ofc.lopez.')).toBeVisible();

  // The officer mistypes until the account locks.
  const officer = await officerPage(browser);
  for (let i = 1; i <= 5; i++) {
    await refusedSignIn(officer, 'ofc.lopez', `wrong-password-${i}`, 'Wrong username or password');
  }
  await submitSignIn(officer, 'ofc.lopez', 'lopez-password-1');
  await expect(officer.getByRole('alert')).toContainText('locked');

  // The admin sees the lock and ends it (from the keyboard).
  await page.reload();
  const state = page.getByTestId('sign-in-state-ofc.lopez');
  await expect(state).toContainText('Locked until');
  await page.getByRole('button', { name: 'Unlock ofc.lopez' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('ofc.lopez is unlocked and can sign in again.')).toBeVisible();
  await expect(state).toHaveText('—');

  // A one-time password, from the keyboard: the dialog opens on its field, Enter sets it.
  await page.getByRole('button', { name: 'Reset the password of ofc.lopez' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Reset the password of ofc.lopez' })).toBeVisible();
  await expect(page.getByLabel('One-time password (at least 10 characters)')).toBeFocused();
  await page.keyboard.type('one-time-pass-1');
  await page.keyboard.press('Enter');
  await expect(page.getByText('ofc.lopez has a one-time password')).toBeVisible();
  await expect(state).toHaveText('Must choose a new password');
  await notificationsGone(page);
  await page.screenshot({ path: 'docs/screenshots/admin-users.png' });

  // The officer signs in with it and must choose their own before anything else.
  await submitSignIn(officer, 'ofc.lopez', 'one-time-pass-1');
  await expect(officer.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  expect(await bridge(officer, 'queue.today', {})).toMatchObject({
    ok: false,
    error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password before you continue.' },
  });
  await officer.getByRole('textbox', { name: 'New password', exact: true }).fill('lopez-own-password');
  await officer.getByRole('textbox', { name: 'New password again', exact: true }).fill('lopez-own-password');
  await officer.getByRole('button', { name: 'Save and continue' }).click();
  await expect(officer.getByTestId('signed-in-role')).toHaveText('officer');
  await officer.context().close();

  // Demoting the other admin is allowed; then this one is the last, and main keeps it an admin.
  await page.getByRole('textbox', { name: 'Role of site.admin' }).click();
  await page.getByRole('option', { name: 'supervisor' }).click();
  await expect(page.getByText('site.admin is now supervisor.')).toBeVisible();
  await expect(page.getByText(/only enabled administrator cannot be demoted/)).toBeVisible();
  const users = (await api<{ id: number; username: string }[]>(page, 'users.list', {})).filter(
    (u) => u.username === 'admin',
  );
  for (const [channel, body] of [
    ['users.setRole', { userId: users[0]!.id, role: 'officer' }],
    ['users.setDisabled', { userId: users[0]!.id, disabled: true }],
  ] as const) {
    const refused = await bridge(page, channel, body);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.error!.message).not.toContain(channel);
  }
  expect(
    await bridge(page, 'users.resetPassword', { userId: users[0]!.id, password: 'short' }),
  ).toMatchObject({
    ok: false,
    error: { message: 'Password must be at least 10 characters.' },
  });

  // A face band: confirmed in a dialog that says what it trades, then saved and audited.
  await adminNav(page, 'Site settings');
  const match = page.getByLabel('MATCH at or above');
  const calibrated = Number(await match.inputValue());
  await match.fill(String(Math.round((calibrated + 0.02) * 100) / 100));
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  const confirm = page.getByRole('dialog', { name: 'Change the face match thresholds?' });
  await expect(confirm).toContainText(`above the calibrated ${calibrated}`);
  await page.screenshot({ path: test.info().outputPath('settings-confirm.png'), fullPage: true });
  await confirm.getByRole('button', { name: 'Change thresholds' }).click();
  await expect(page.getByText('Face thresholds saved. The next verification uses them.')).toBeVisible();
  await expect(page.getByText(/Thresholds set by an administrator for model .* are in force/)).toBeVisible();

  // A flag threshold: saved, every flag recomputed, said so.
  await adminNav(page, 'Flag thresholds');
  const device = page.getByLabel('Shared device: unrelated households');
  await device.fill(String(Number(await device.inputValue()) + 1));
  await page.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved; every flag was recomputed.');

  await adminNav(page, 'Audit');
  for (const action of [
    'user.unlock',
    'user.password_reset',
    'user.password_change',
    'settings.update',
    'flags.config',
  ])
    await expect(page.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
});

test('a lookout list: one bad row reported and nothing applied; fixed, applied, and a match appears', async ({
  page,
}) => {
  await setupAndSignIn(page, demo.shell, 'admin', 'admin-demo-pass');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect
    .poll(async () => (await api<{ todaysManifest: string }>(page, 'sync.status', {})).todaysManifest, {
      timeout: SYNC_MS,
    })
    .toBe('current');
  // Someone on today's manifest whom the feed's list does not flag.
  const person = readDb((db) =>
    db
      .prepare(
        `SELECT applicant_id AS id, given_names AS given, family_names AS family, dob FROM applicants
          WHERE applicant_id NOT IN (SELECT applicant_id FROM flags WHERE rule_id = 'LOOKOUT_MATCH') LIMIT 1`,
      )
      .get(),
  ) as { id: string; given: string; family: string; dob: string };
  const csv = (rows: string[]) =>
    Buffer.from(['entry_id,given_names,family_names,aliases,dob,reason_code', ...rows].join('\n'));
  const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const good = `L-E2E-1,${quoted(person.given)},${quoted(person.family)},,${person.dob},WARRANT`;

  await adminNav(page, 'Lookout list');
  const status = page.getByTestId('lookout-status');
  await expect(status).toContainText('Version 1');
  await expect(status).toContainText('From the feed');

  // The file picker, from the keyboard.
  const choose = async (name: string, body: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a file…' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: body });
  };
  await choose('lookout.csv', csv([good, 'L-E2E-2,Bruno,Vidal,,1985-13-40,WARRANT']));
  const preview = page.getByTestId('lookout-preview');
  await expect(preview.getByRole('alert')).toContainText(
    '1 problem: nothing can be applied until it is fixed',
  );
  const problem = preview.getByRole('table', { name: 'Problems in the file' }).getByRole('row').nth(1);
  await expect(problem).toContainText('3');
  await expect(problem).toContainText('Date of birth "1985-13-40" is not a real past date');
  await expect(page.getByRole('button', { name: 'Apply as version 2' })).toBeDisabled();
  await page.screenshot({ path: 'docs/screenshots/admin-lookout-check.png' });
  expect(readDb((db) => db.prepare('SELECT version FROM lookout_meta').get())).toEqual({ version: 1 });

  await choose('lookout.csv', csv([good, 'L-E2E-2,Bruno,Vidal,,1985-12-04,WARRANT']));
  await expect(preview.getByRole('status')).toContainText('Every entry is valid');
  await page.getByRole('button', { name: 'Apply as version 2' }).click();
  await expect(page.getByText(/Lookout list version 2 applied; matching ran again/)).toBeVisible();
  await expect(status).toContainText('Version 2: 2 entries');
  await expect(status).toContainText('Imported from the CSV file lookout.csv by admin');
  await expect(status.getByRole('row', { name: /L-E2E-1/ })).toContainText('1');
  await notificationsGone(page);
  await page.screenshot({ path: 'docs/screenshots/admin-lookout.png' });

  expect(
    readDb((db) =>
      db
        .prepare(
          "SELECT match_key FROM flags WHERE rule_id = 'LOOKOUT_MATCH' AND status = 'open' AND applicant_id = ?",
        )
        .all(person.id),
    ),
  ).toEqual([{ match_key: 'L-E2E-1' }]);
  await adminNav(page, 'Audit');
  await expect(page.getByRole('cell', { name: 'lookout.import', exact: true }).first()).toBeVisible();
});
