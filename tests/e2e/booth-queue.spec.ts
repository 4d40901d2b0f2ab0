// Runs in: tests (Node, Playwright). The booth's queue at 1366×768 in Chromium: a search that
// forgives what officers type, a scanner's code and Enter opening the case, the queue worked by
// keyboard alone, and the idle lock: with a one-minute lock the booth locks after a minute
// without input although the status area keeps polling, and main refuses the locked session's
// call for an applicant. The page's clock (Playwright's clock API) stands in for the minute.
import { test, type Page } from '@playwright/test';
import { useDemoShell } from './fixtures';
import { api, setupAndSignIn } from './shell';
import { expect, SYNC_MS } from './waits';
import { openDatabaseFile } from '../../main/db/database';

test.use({ viewport: { width: 1366, height: 768 } });
const demo = useDemoShell();

const PLANTED = { given: 'Camila', family: 'Núñez Cortés', doc: 'G-4471 0093' };

/** Today's port day, as main sees it. */
async function today(page: Page): Promise<{ port: string; serviceDate: string }> {
  const q = await api<{ port: string; serviceDate: string }>(page, 'queue.today', {});
  return { port: q.port, serviceDate: q.serviceDate };
}

/**
 * One more arrival today, written into the console's database as a synced manifest leaves it:
 * "Núñez Cortés, Camila" with a document number typed with separators. Returns her ids.
 */
function plantCamila(dataDir: string, port: string, serviceDate: string) {
  const applicantId = `${port}-${serviceDate.replaceAll('-', '')}-90001`;
  const appointmentId = `AP-${applicantId}`;
  const db = openDatabaseFile(dataDir);
  try {
    db.prepare(
      `INSERT INTO applicants (applicant_id, group_id, port, service_date, given_names, family_names,
         name_as_written, dob, sex, nationality, country_of_birth, doc_type, doc_number, doc_issuer,
         addr_line1, addr_city, addr_state, addr_zip, phone, email, language, device_id, updated_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, '1991-04-09', 'F', 'COL', 'COL', 'passport', ?, 'COL',
         '12 Test Way', 'San Diego', 'CA', '92101', '+16195550199', 'camila@example.org', 'es', 'dev-planted', 1)`,
    ).run(
      applicantId,
      `G-${applicantId}`,
      port,
      serviceDate,
      PLANTED.given,
      PLANTED.family,
      `${PLANTED.given} ${PLANTED.family}`,
      PLANTED.doc,
    );
    db.prepare(
      `INSERT INTO appointments (appointment_id, applicant_id, group_id, port, service_date, slot, status, updated_seq)
       VALUES (?, ?, ?, ?, ?, ?, 'scheduled', 1)`,
    ).run(appointmentId, applicantId, `G-${applicantId}`, port, serviceDate, `${serviceDate}T21:00:00Z`);
  } finally {
    db.close();
  }
  return { applicantId, appointmentId };
}

const queue = (page: Page) => page.getByRole('table', { name: 'Arrivals queue' });
const dataRows = (page: Page) => queue(page).locator('tbody tr[data-index]');
const search = (page: Page) => page.getByLabel('Search arrivals');

let camila: { applicantId: string; appointmentId: string };

test('search forgives accents, case, word order and separators; a scanned code and Enter opens the case', async ({
  page,
}) => {
  await setupAndSignIn(page, demo.shell, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  const day = await today(page);
  camila = plantCamila(demo.shell.dataDir, day.port, day.serviceDate);
  const herRow = queue(page).locator(`tr[data-applicant="${camila.applicantId}"]`);

  // Each search starts from one that finds nobody, so what shows is that search's answer.
  const fromNobody = async (typed: string) => {
    await search(page).fill('zzzz qqqq');
    await expect(page.getByText("Nobody in today's manifest matches that search.")).toBeVisible();
    await search(page).fill(typed);
  };
  for (const typed of ['nunez', 'NUNEZ CAMILA', 'camila nunez']) {
    await fromNobody(typed);
    await expect(herRow, typed).toBeVisible();
    // Every match is a Núñez (folded both ways); names with both words come first.
    await expect(dataRows(page).first().getByRole('link')).toContainText(/Núñez/);
    if (typed !== 'nunez')
      await expect(dataRows(page).first().getByRole('link')).toHaveText(/Núñez .*, Camila/);
  }
  // The document number as typed from the passport, lower case and without the separators.
  await fromNobody('g44710093');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(herRow).toBeVisible();

  // A wedge scanner types the appointment code and Enter while focus is anywhere in the booth.
  await search(page).fill('');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.type(camila.appointmentId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/booth/${camila.applicantId}$`));
  await expect(page.getByRole('heading', { name: 'Núñez Cortés, Camila' })).toBeVisible();
  await expect(search(page)).toHaveValue(camila.appointmentId);
});

test('the queue by keyboard alone: / to search, ↓ into the list, ↑/↓ to move, Enter to open, Esc back, ? for the list', async ({
  page,
}) => {
  await setupAndSignIn(page, demo.shell, 'officer', 'officer-demo-pass');
  await expect(dataRows(page).nth(5)).toBeVisible();
  // At 1366×768 at least 14 rows are in view, each status as a whole word.
  const view = await page.evaluate(() => {
    const box = document.querySelector('[role="region"][aria-label^="Today"]')!.getBoundingClientRect();
    const rows = Array.from(document.querySelectorAll('tbody tr[data-index]')).filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= box.top && b.bottom <= Math.min(box.bottom, window.innerHeight);
    });
    const status = rows.map((r) => r.lastElementChild as HTMLElement);
    return { rows: rows.length, statusCut: status.filter((c) => c.scrollWidth > c.clientWidth).length };
  });
  expect(view.rows).toBeGreaterThanOrEqual(14);
  expect(view.statusCut).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
  // No time, date of birth, group, flags or status (nor their headers) is cut short ("11:…",
  // "1 · MEDIU") anywhere in the day: at the top, the middle and the end of the list, and among
  // the flagged (every severity).
  const scroller = page.getByRole('region', { name: "Today's arrivals, scrollable list" });
  const cut = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('thead tr, tbody tr[data-index]')).flatMap((r) =>
        Array.from(r.children)
          .filter((_, i) => i !== 1) // the name: cut at its end, shown whole on hover
          .filter((c) => c.scrollWidth > c.clientWidth)
          .map((c) => c.textContent),
      ),
    );
  expect(await cut()).toEqual([]);
  for (const at of [0.5, 1]) {
    await scroller.evaluate((el, at) => el.scrollTo({ top: at * el.scrollHeight }), at);
    await expect(dataRows(page).first()).not.toHaveAttribute('data-index', '0');
    expect(await cut()).toEqual([]);
  }
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.getByRole('switch', { name: 'Only people with open flags' }).click();
  await expect(queue(page).getByTestId('queue-flags').first()).toBeVisible();
  expect(await cut()).toEqual([]);
  await page.getByRole('switch', { name: 'Only people with open flags' }).click();
  await expect(dataRows(page).first()).toHaveAttribute('data-index', '0');
  await page.screenshot({ path: 'docs/screenshots/queue.png' });

  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await page.keyboard.type('nunez');
  await expect(queue(page).locator(`tr[data-applicant="${camila.applicantId}"]`)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(dataRows(page).nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dataRows(page).nth(1)).toBeFocused();
  const second = await dataRows(page).nth(1).getAttribute('data-applicant');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/booth/${second}$`));
  await expect(search(page)).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/booth$/);
  await expect(queue(page).locator(`tr[data-applicant="${second}"]`)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(
    new RegExp(`#/booth/${await dataRows(page).nth(0).getAttribute('data-applicant')}$`),
  );

  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const line of [
    'Capture from the camera and compare',
    'Acknowledge the focused flag',
    'Back to the queue',
  ])
    await expect(help).toContainText(line);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('with a one-minute idle lock the booth locks after a minute without input while the status area polls; main refuses the locked session', async ({
  browser,
  page,
}) => {
  // An admin sets the lock to one minute (in force at once).
  const admin = await browser.newPage();
  await setupAndSignIn(admin, demo.shell, 'admin', 'admin-demo-pass');
  await expect(admin.getByTestId('signed-in-user')).toBeVisible();
  await api(admin, 'settings.update', { idleLockMinutes: 1 });
  await admin.close();

  // The page's clock is Playwright's, so a minute passes in a few steps instead of in real time.
  await page.clock.install();
  const polls: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/api/sync.status')) polls.push(r.url());
  });
  await setupAndSignIn(page, demo.shell, 'officer', 'officer-demo-pass');
  await expect(dataRows(page).nth(3)).toBeVisible();
  // The officer's last input, then nothing.
  await page.keyboard.press('Shift');
  const lastInput = await page.evaluate(() => Date.now());
  const pollsBefore = polls.length;
  // Main's own clock runs in real time: were this machine to take a real minute over the steps,
  // main would lock first (rightly), so "not yet locked" is checked only well inside that minute.
  const realStart = Date.now();
  const locked = page.getByRole('heading', { name: 'Session locked' });
  const idleMs = async () => (await page.evaluate(() => Date.now())) - lastInput;
  // Up to 59 s without input, in steps of the status area's 5 s poll (real time adds a little
  // to each step: the page's clock also runs on its own).
  for (let idle = await idleMs(); idle < 59_000; idle = await idleMs()) {
    const step = Math.min(5_000, 59_000 - idle);
    const answered =
      step === 5_000 ? page.waitForResponse((r) => r.url().endsWith('/api/sync.status')) : null;
    await page.clock.fastForward(step);
    await answered; // the status area went on polling
    if (Date.now() - realStart < 45_000) {
      await expect(locked, `not locked after ${await idleMs()} ms without input`).toHaveCount(0);
      await expect(dataRows(page).first()).toBeVisible();
    }
  }
  expect(polls.length - pollsBefore).toBeGreaterThanOrEqual(10); // every 5 s, from the 59 s
  await page.clock.fastForward(2_000);
  await expect(locked).toBeVisible();
  // The queue and the case are gone from the page, not covered.
  await expect(queue(page)).toHaveCount(0);
  await expect(page.getByText('Núñez Cortés, Camila')).toHaveCount(0);

  // Main refuses the locked session's call for an applicant, as from a compromised renderer.
  await expect(api(page, 'applicant.get', { applicantId: camila.applicantId })).rejects.toThrow(
    /SESSION_LOCKED/,
  );

  // A wrong password says how many tries are left (and names no username); the right one unlocks.
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Wrong password. 4 attempts left before the account is locked.',
  );
  await page.getByLabel('Password').fill('officer-demo-pass');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(dataRows(page).first()).toBeVisible();
  expect(
    await api<{ applicantId: string }>(page, 'applicant.get', { applicantId: camila.applicantId }),
  ).toMatchObject({
    applicantId: camila.applicantId,
  });
});
