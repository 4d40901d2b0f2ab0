// Runs in: tests (Node, Playwright). The supervisor's day: signed in on the dashboard, they see
// today's figures; an officer completes a case in another browser context and the figures follow
// without a reload (the dashboard polls under 5 s; the wait here is on the figure, capped only
// against a hang); the officer refers a case and the supervisor signs it off on the referrals tab
// (audited); a table and the referral list export as CSV, read back with a CSV parser. Then a
// flag is reviewed on the review tab (kept across a reload) from its case and evidence, opened in
// place (audited), from the keyboard, and the day's report downloads as PDF, read back with a PDF
// text extractor: the port-day and the dashboard's figures are in it. Viewport screenshots of the
// figures and review tabs at 1366×768 and 1920×1080.
import fs from 'node:fs';
import { extractText } from 'unpdf';
import { test, type Browser, type Page } from '@playwright/test';
import { api, setupWithDemoAccounts, startShell, submitSignIn, type RunningShell } from './shell';
import { expect, SYNC_MS, TEST_MS } from './waits';
import { parseCsv } from '../helpers/csv';
import { openDatabaseFile } from '../../main/db/database';

let shell: RunningShell;
test.describe.configure({ mode: 'serial', timeout: TEST_MS });
test.beforeAll(async () => {
  test.setTimeout(TEST_MS);
  shell = await startShell({ env: { ARRIVALS_DEMO_SIZE: '200' } });
  await setupWithDemoAccounts(shell);
});
test.afterAll(async () => shell?.stop());

const db = () => openDatabaseFile(shell.dataDir, { readonly: true });

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
  await submitSignIn(page, user, password);
  return page;
}

/** Opens one of the dashboard's tabs by its link; the tab is then the selected one. */
async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** What the supervisor sees at 1366×768 and at 1920×1080 (the viewport: the status bar stays at its foot). */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `docs/screenshots/${name}-1920.png` });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `docs/screenshots/${name}-1366.png` });
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
  await expect(supervisor.getByTestId('figure-openReferrals')).not.toHaveText('Open referrals0');
  const open = Number(
    (await supervisor.getByTestId('figure-openReferrals').textContent())!.replace(/\D/g, ''),
  );
  await expect(supervisor.getByTestId('figure-scheduled')).toBeInViewport();
  await screenshots(supervisor, 'dashboard');
  await openTab(supervisor, /^Referrals/);
  const referrals = supervisor.getByTestId('referrals');
  const row = referrals.getByRole('row').filter({ hasText: second! });
  await expect(row).toContainText(note);
  await row.getByRole('combobox', { name: 'Outcome' }).selectOption('Admitted');
  await row.getByRole('textbox', { name: 'Note' }).fill('Goods declared and cleared');
  await row.getByRole('button', { name: 'Sign off' }).click();
  await expect(row).toContainText('Admitted · supervisor');
  await expect(row).toContainText('Goods declared and cleared');
  const list = await download(supervisor, 'Export Referrals to secondary inspection as CSV');
  await openTab(supervisor, /^The day/);
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

test('a flag is reviewed from its case and evidence, and the daily report downloads as PDF', async ({
  browser,
}) => {
  const supervisor = await signIn(browser, 'supervisor', 'supervisor-demo-pass');
  await expect(supervisor.getByTestId('figure-scheduled')).toBeVisible();
  await openTab(supervisor, /^Flags to review/);
  // The tab is in the address: a reload opens it again, with the same port-day.
  expect(new URL(supervisor.url()).hash).toMatch(/^#\/dashboard\/review/);
  await supervisor.reload();
  await expect(supervisor.getByRole('tab', { name: /^Flags to review/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const queue = supervisor.getByRole('region', { name: 'Flags to review' });
  // The first flag still to review: it opens its case and evidence in place.
  const row = queue
    .getByTestId('review-flag')
    .filter({ has: supervisor.getByRole('button', { name: 'Confirm' }) })
    .first();
  await expect(row).toBeVisible();
  const flagId = await row.getAttribute('data-flag-id');
  const flagged = supervisor.locator(`[data-testid="review-flag"][data-flag-id="${flagId}"]`);
  // From the keyboard: focus the flag's button and press Enter.
  await flagged.getByRole('button', { name: 'Case and evidence' }).focus();
  await supervisor.keyboard.press('Enter');
  const opened = flagged.getByTestId('flag-case');
  await expect(opened.getByRole('heading', { name: /^Case of / })).toBeVisible();
  await expect(opened.getByTestId('flag')).toBeVisible();
  await expect(
    opened
      .getByRole('table', { name: /^Evidence/ })
      .getByRole('row')
      .nth(1),
  ).toBeVisible();
  await flagged.scrollIntoViewIfNeeded();
  await screenshots(supervisor, 'dashboard-review');
  // The verdict, with a note, from beside the evidence, by keyboard; the row then says who gave it, and why.
  await flagged.getByRole('textbox', { name: /^Review note/ }).focus();
  await supervisor.keyboard.type('Same sponsor at both addresses, checked');
  await supervisor.keyboard.press('Tab'); // the first verdict button: False positive
  await supervisor.keyboard.press('Tab');
  await expect(flagged.getByRole('button', { name: 'Confirm' })).toBeFocused();
  await supervisor.keyboard.press('Enter');
  await expect(flagged.getByTestId('review-verdict')).toContainText('Confirmed · supervisor');
  await expect(flagged.getByTestId('review-verdict')).toContainText(
    'Same sponsor at both addresses, checked',
  );
  await expect(flagged.getByRole('button', { name: 'Confirm' })).toHaveCount(0);
  const d = db();
  try {
    const row = d
      .prepare('SELECT applicant_id, feedback, feedback_by, feedback_note FROM flags WHERE id = ?')
      .get(Number(flagId)) as Record<string, string>;
    expect(row).toMatchObject({
      feedback: 'confirmed',
      feedback_by: 'supervisor',
      feedback_note: 'Same sponsor at both addresses, checked',
    });
    const seen = (action: string, subject: string) =>
      d
        .prepare("SELECT COUNT(*) FROM audit_log WHERE actor = 'supervisor' AND action = ? AND subject = ?")
        .pluck()
        .get(action, subject) as number;
    const subject = `applicant:${row.applicant_id}`;
    expect(seen('applicant.view', subject), 'the case opened is audited').toBeGreaterThan(0);
    expect(seen('flag.feedback', subject)).toBe(1);
    expect(
      d
        .prepare("SELECT COUNT(*) FROM audit_log WHERE actor = 'supervisor' AND action = 'flags.review.view'")
        .pluck()
        .get(),
    ).toBeGreaterThan(0);
  } finally {
    d.close();
  }

  // The daily report: a PDF with the port-day and the figures the dashboard shows, as text.
  await openTab(supervisor, /^The day/);
  const figure = async (key: string) =>
    Number((await supervisor.getByTestId(`figure-${key}`).textContent())!.replace(/\D/g, ''));
  const shown = {
    Scheduled: await figure('scheduled'),
    Completed: await figure('completed'),
    'Referred to secondary': await figure('referred'),
    'Still to come': await figure('stillToCome'),
    'Open referrals': await figure('openReferrals'),
  };
  const pdf = await download(supervisor, 'Daily report (PDF)');
  expect(pdf.name).toMatch(/^SYS-\d{4}-\d{2}-\d{2}-daily-report\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const date = pdf.name.slice(4, 14);
  const text = (await extractText(new Uint8Array(pdf.bytes), { mergePages: true })).text.replace(/\s+/g, ' ');
  expect(text).toContain(`Daily report: San Ysidro (SYS), ${date}`);
  for (const [label, n] of Object.entries(shown)) expect(text, label).toMatch(new RegExp(`${label} ${n}\\b`));
  expect(text).toContain('Verification outcomes');
  expect(text).toContain('Goods declared and cleared');
  const e = db();
  try {
    const details = e
      .prepare(
        "SELECT details FROM audit_log WHERE actor = 'supervisor' AND action = 'report.export' ORDER BY seq DESC LIMIT 1",
      )
      .pluck()
      .get() as string;
    expect(JSON.parse(details)).toMatchObject({ format: 'pdf' });
  } finally {
    e.close();
  }
});
