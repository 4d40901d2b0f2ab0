// Runs in: tests (Node, Playwright). The supervisor's day: signed in on the dashboard, they see
// today's figures; an officer completes a case in another browser context and the figures follow
// without a reload (the dashboard polls under 5 s; the wait here is on the figure, capped only
// against a hang); the officer refers a case and the supervisor signs it off (audited); a table
// and the referral list export as CSV, read back with a CSV parser. Screenshots at 1366×768 and
// 1920×1080.
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { test, type Browser, type Page } from '@playwright/test';
import { api, setupWithDemoAccounts, startShell, type RunningShell } from './shell';
import { expect, SYNC_MS, TEST_MS } from './waits';
import { parseCsv } from '../helpers/csv';

let shell: RunningShell;
test.describe.configure({ mode: 'serial', timeout: TEST_MS });
test.beforeAll(async () => {
  test.setTimeout(TEST_MS);
  shell = await startShell({ env: { ARRIVALS_DEMO_SIZE: '200' } });
  await setupWithDemoAccounts(shell);
});
test.afterAll(async () => shell?.stop());

const db = () => new Database(path.join(shell.dataDir, 'arrivals.db'), { readonly: true });

/** Today's applicants an officer can decide at once: no photo to compare, no flag to acknowledge, undecided. */
function undecidedPlain(): string[] {
  const d = db();
  try {
    return d
      .prepare(
        `SELECT a.applicant_id FROM applicants a JOIN appointments ap ON ap.applicant_id = a.applicant_id
         WHERE a.photo_sha256 IS NULL AND ap.status IN ('scheduled', 'rescheduled')
           AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.applicant_id = a.applicant_id AND f.status = 'open')
           AND NOT EXISTS (SELECT 1 FROM encounters e WHERE e.applicant_id = a.applicant_id)
         ORDER BY a.applicant_id LIMIT 5`,
      )
      .pluck()
      .all() as string[];
  } finally {
    d.close();
  }
}

async function signIn(browser: Browser, user: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(shell.url);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await wait;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

test('the dashboard follows an officer live; a referral is signed off; tables export as CSV', async ({
  browser,
}) => {
  const officer = await signIn(browser, 'officer', 'officer-demo-pass');
  await expect(officer.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  const supervisor = await signIn(browser, 'supervisor', 'supervisor-demo-pass');
  const completed = supervisor.getByTestId('figure-completed');
  await expect(completed).toBeVisible();
  await expect(supervisor.getByTestId('figure-scheduled')).not.toHaveText(/Scheduled0$/);
  const before = Number((await completed.textContent())!.replace(/\D/g, ''));

  // The officer completes a case in their own browser; the supervisor's page is not touched.
  const [first, second] = undecidedPlain();
  const arrivedAt = new Date(Date.now() - 4 * 60_000).toISOString();
  await api(officer, 'encounter.complete', {
    applicantId: first,
    disposition: 'processed',
    note: '',
    arrivedAt,
  });
  await expect(completed).toHaveText(`Completed${before + 1}`);

  // A referral with the officer's reason; it appears on the list, open, and is signed off.
  const note = 'Declared goods, "two" boxes, check at secondary';
  await api(officer, 'encounter.complete', {
    applicantId: second,
    disposition: 'referred_secondary',
    note,
    arrivedAt,
  });
  const referrals = supervisor.getByTestId('referrals');
  const row = referrals.getByRole('row').filter({ hasText: second! });
  await expect(row).toContainText(note);
  await expect(supervisor.getByTestId('figure-openReferrals')).not.toHaveText('Open referrals0');
  const open = Number(
    (await supervisor.getByTestId('figure-openReferrals').textContent())!.replace(/\D/g, ''),
  );
  await supervisor.setViewportSize({ width: 1366, height: 768 });
  await supervisor.screenshot({ path: 'docs/screenshots/dashboard-1366.png', fullPage: true });
  await supervisor.setViewportSize({ width: 1920, height: 1080 });
  await supervisor.screenshot({ path: 'docs/screenshots/dashboard-1920.png', fullPage: true });
  await supervisor.setViewportSize({ width: 1366, height: 768 });
  await row.getByRole('combobox', { name: 'Outcome' }).selectOption('Admitted');
  await row.getByRole('textbox', { name: 'Note' }).fill('Goods declared and cleared');
  await row.getByRole('button', { name: 'Sign off' }).click();
  await expect(row).toContainText('Admitted · supervisor');
  await expect(row).toContainText('Goods declared and cleared');
  await expect(supervisor.getByTestId('figure-openReferrals')).toHaveText(`Open referrals${open - 1}`);

  // Exports: the booths table and the referral list, UTF-8 with a BOM, read back as CSV.
  const booths = await download(supervisor, 'Export Per booth as CSV');
  expect(booths.name).toMatch(/^[A-Z]{3}-\d{4}-\d{2}-\d{2}-booths\.csv$/);
  expect([...booths.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const boothRows = parseCsv(booths.bytes.toString('utf8').slice(1));
  expect(boothRows[0]).toEqual([
    'Booth',
    'Cases',
    'Median minutes per case',
    'P90 minutes per case',
    'Referrals',
  ]);
  const cases = boothRows.slice(1).reduce((s, r) => s + Number(r[1]), 0);
  expect(cases).toBe(before + 2);
  const list = await download(supervisor, 'Export Referrals to secondary inspection as CSV');
  const listRows = parseCsv(list.bytes.toString('utf8').slice(1));
  const signed = listRows.find((r) => r[0] === second)!;
  expect(signed[6]).toBe(note);
  expect(signed.slice(8, 11)).toEqual(['admitted', 'Goods declared and cleared', 'supervisor']);

  // Each of these was audited: the sign-off, the referral list viewed, the exports.
  const d = db();
  try {
    const actions = d
      .prepare("SELECT action FROM audit_log WHERE actor = 'supervisor' ORDER BY seq")
      .pluck()
      .all() as string[];
    expect(actions).toEqual(expect.arrayContaining(['referral.list', 'referral.sign_off', 'report.export']));
  } finally {
    d.close();
  }
});
