// Runs in: tests (Node, Playwright). One case at the booth at 1366×768, by keyboard alone, with
// Chromium's fake camera playing a y4m made from the applicant's own submitted photo: a scanner
// types the registration id and Enter; C starts the camera and captures (MATCH); A acknowledges
// the flags; D and the keyboard complete the case; the decision is in the outbox and the audit
// log. A different face three times (F, a picture file) offers the manual identity check, and the
// case is referred with a reason. With the feed stopped the decision waits in the outbox and
// uploads when it is back; meanwhile the applicant-facing screen follows the case in two
// languages and shows no score or flag.
import { test, type Page } from '@playwright/test';
import { checkAxe } from './axe';
import { cameraFile, fakeCamera, writeCameraFrame } from './fake-camera';
import { api, demoFeedUrl, setupWithDemoAccounts, startShell, type RunningShell } from './shell';
import { expect, STEP_MS, SYNC_MS, TEST_MS } from './waits';
import { openDatabaseFile } from '../../main/db/database';

const y4m = cameraFile();
// The booth machine's clock is set to another zone than the port's: times must still be the port's.
test.use({
  viewport: { width: 1366, height: 768 },
  launchOptions: fakeCamera(y4m),
  timezoneId: 'Asia/Tokyo',
});

let shell: RunningShell;
test.describe.configure({ mode: 'serial', timeout: TEST_MS });
test.beforeAll(async () => {
  test.setTimeout(TEST_MS);
  await cameraShows(null);
  shell = await startShell({ env: { ARRIVALS_DEMO_SIZE: '200' } });
  // First-run setup through the bridge (an administrator's one-time step, not the booth's flow).
  await setupWithDemoAccounts(shell);
});
test.afterAll(async () => shell?.stop());

/** The camera's picture from now on: this JPEG's face large in a 1280×720 frame (or none). */
const cameraShows = (photo: Buffer | null) => writeCameraFrame(y4m, photo);

const db = () => openDatabaseFile(shell.dataDir, { readonly: true });

interface Person {
  id: string;
  group: string;
  flags: number;
  embedding: Float32Array;
}

/** Today's applicants whose submitted photo the engine enrolled with no quality problem (by default, only those not decided yet). */
function enrolled(decidedToo = false): Person[] {
  const d = db();
  try {
    const rows = d
      .prepare(
        `SELECT a.applicant_id AS id, a.group_id AS grp, t.embedding AS e,
                (SELECT COUNT(*) FROM flags f WHERE f.applicant_id = a.applicant_id AND f.status = 'open') AS flags
         FROM applicants a JOIN face_templates t ON t.photo_sha256 = a.photo_sha256
         WHERE t.embedding IS NOT NULL AND t.quality_ok = 1
           AND (? OR NOT EXISTS (SELECT 1 FROM encounters e WHERE e.applicant_id = a.applicant_id))
         ORDER BY a.applicant_id`,
      )
      .all(decidedToo ? 1 : 0) as Array<{ id: string; grp: string; e: Buffer; flags: number }>;
    return rows.map((r) => ({
      id: r.id,
      group: r.grp,
      flags: r.flags,
      embedding: new Float32Array(new Uint8Array(r.e).buffer),
    }));
  } finally {
    d.close();
  }
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

async function photoOf(page: Page, applicantId: string): Promise<Buffer> {
  const a = await api<{ photo: string }>(page, 'applicant.get', { applicantId });
  return Buffer.from(a.photo.split(',')[1]!, 'base64');
}

/** Signs in with the keyboard only: the fields are filled by typing, Enter submits. */
async function signIn(page: Page): Promise<void> {
  await page.goto(shell.url);
  await page.getByLabel('Username').fill('officer');
  await page.keyboard.press('Tab');
  await page.keyboard.type('officer-demo-pass');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  // The demo's photos are enrolled in the background after the sync.
  await expect.poll(() => enrolled(true).length, { timeout: SYNC_MS }).toBeGreaterThanOrEqual(6);
}

/** A wedge scanner types the registration id and Enter, wherever the focus is. */
async function scan(page: Page, applicantId: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.type(applicantId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/booth/${applicantId}$`));
  // Focus lands on the case's name, not left in the search.
  await expect(page.locator('h2:focus')).toHaveCount(1);
}

/** The decision, keyboard only: D to the disposition, arrows to the option, Tab on to the button. */
async function decide(page: Page, disposition: string, note = ''): Promise<void> {
  await page.keyboard.press('d');
  const select = page.getByRole('textbox', { name: /^(Disposition|Record a correction)$/ });
  await expect(select).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const option = page.getByRole('option', { name: disposition });
  await expect(option).toBeVisible();
  for (let i = 0; i < 4 && (await option.getAttribute('data-combobox-selected')) === null; i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(select).toHaveValue(disposition);
  await page.keyboard.press('Tab');
  await page.keyboard.type(note);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^(Complete case|Record correction)$/ })).toBeFocused();
  await page.keyboard.press('Enter');
}

/** A, then A for each open flag: focus goes to the first open flag, each A acknowledges and moves on. */
async function acknowledgeAll(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Acknowledge' });
  const n = await buttons.count();
  if (n === 0) return;
  await page.keyboard.press('a');
  await expect(page.getByTestId('flag').first()).toBeFocused();
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('a');
    await expect(buttons).toHaveCount(n - i - 1);
  }
}

async function captureFromCamera(page: Page, beforeCapture?: () => Promise<void>): Promise<void> {
  await page.keyboard.press('c'); // starts the camera
  await expect
    .poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(2);
  // Guidance from the engine's own gates, a few times a second, while the preview shows.
  await expect(page.getByTestId('capture-hint')).toHaveText('Ready: capture now', { timeout: SYNC_MS });
  await beforeCapture?.();
  await page.keyboard.press('c'); // captures and compares
}

/** The applicant-facing screen is a route too: its landmark, one h1 and axe's WCAG 2.1 AA check. */
async function counterMeetsWcag(counter: Page, screen: string): Promise<void> {
  await expect(counter.getByRole('main')).toHaveCount(1);
  await expect(counter.getByRole('heading', { level: 1 })).toHaveCount(1);
  const axe = await checkAxe(counter, screen);
  expect(axe.blocking, axe.report).toEqual([]);
}

function auditActions(subject: string): string[] {
  const d = db();
  try {
    return (
      d.prepare('SELECT action FROM audit_log WHERE subject = ? ORDER BY seq').all(subject) as Array<{
        action: string;
      }>
    ).map((r) => r.action);
  } finally {
    d.close();
  }
}

/** When the applicant's latest decision was recorded. */
function decidedAt(applicantId: string): string {
  const d = db();
  try {
    return (
      d
        .prepare(
          'SELECT completed_at AS at FROM encounters WHERE applicant_id = ? ORDER BY completed_at DESC',
        )
        .get(applicantId) as { at: string }
    ).at;
  } finally {
    d.close();
  }
}

/** 14:05 at San Ysidro, the demo's port. */
const portTime = (iso: string) =>
  new Intl.DateTimeFormat('en-US', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'America/Los_Angeles',
  }).format(new Date(iso));

function outboxOf(applicantId: string): { acked: boolean; payload: Record<string, unknown> } | undefined {
  const d = db();
  try {
    const r = d
      .prepare('SELECT payload, acked_at FROM outbox WHERE applicant_id = ? ORDER BY rowid DESC LIMIT 1')
      .get(applicantId) as { payload: string; acked_at: string | null } | undefined;
    return r && { acked: r.acked_at !== null, payload: JSON.parse(r.payload) as Record<string, unknown> };
  } finally {
    d.close();
  }
}

test('keyboard only: a scanned id opens the case, the camera gives MATCH, flags are acknowledged, the case completes', async ({
  page,
}) => {
  await signIn(page);
  const people = enrolled();
  const me = people.find((p) => p.flags > 0) ?? people[0]!;
  await scan(page, me.id);
  // One screen: no page scroll, and the decision is in view as the case opens.
  await expect(page.getByRole('button', { name: 'Complete case' })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);

  await cameraShows(await photoOf(page, me.id));
  await captureFromCamera(page);
  await expect(page.getByTestId('verify-band')).toHaveText('Match', { timeout: SYNC_MS });
  await expect(page.getByTestId('attempts')).toHaveText('Attempt 1 · 0 without a match');
  await expect(page.getByRole('img', { name: 'Live capture' })).toBeVisible();

  await acknowledgeAll(page);
  await page.screenshot({ path: 'docs/screenshots/case-match.png' });
  await decide(page, 'Processed');
  await expect(page.getByTestId('decision-made')).toContainText('Processed');
  await expect(page.getByTestId('upload-state')).toHaveText('uploaded', { timeout: SYNC_MS });
  // The decision's time as the port tells it (San Ysidro), not the machine's (Tokyo).
  await expect(page.getByTestId('decision-made')).toContainText(`at ${portTime(decidedAt(me.id))}`);

  // In the outbox (acknowledged by the feed), resting on the comparison; and in the audit log.
  const sent = outboxOf(me.id);
  expect(sent?.acked).toBe(true);
  expect(sent?.payload).toMatchObject({ disposition: 'processed', verification: { band: 'MATCH' } });
  const actions = auditActions(`applicant:${me.id}`);
  expect(actions).toEqual(expect.arrayContaining(['applicant.view', 'face.verify', 'encounter.complete']));
  expect(actions.indexOf('face.verify')).toBeLessThan(actions.indexOf('encounter.complete'));
});

test('a different face three times offers the manual identity check; referred with a reason', async ({
  page,
}) => {
  await signIn(page);
  // Two people the model tells apart, both with usable photos.
  const everyone = enrolled(true);
  let pair: [Person, Person] | undefined;
  for (const a of enrolled()) {
    const b = everyone.find(
      (p) => p.id !== a.id && p.group !== a.group && cosine(a.embedding, p.embedding) < 0.2,
    );
    if (b) {
      pair = [a, b];
      break;
    }
  }
  expect(pair, 'two enrolled people with different faces').toBeDefined();
  const [me, other] = pair!;
  const otherPhoto = await photoOf(page, other.id);
  await scan(page, me.id);

  // One handler for every picture file asked for: interception stays on between the presses of F.
  page.on(
    'filechooser',
    (c) => void c.setFiles({ name: 'other.jpg', mimeType: 'image/jpeg', buffer: otherPhoto }),
  );
  // Playwright turns the interception on as the listener is added; one round trip to the page
  // makes sure it is on before the first F (a press alone is a single message and can overtake it).
  await page.evaluate(() => undefined);
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press('f');
    await expect(page.getByTestId('attempts')).toHaveText(`Attempt ${i} · ${i} without a match`, {
      timeout: SYNC_MS,
    });
    await expect(page.getByTestId('verify-band')).toHaveText('No match');
  }
  const offer = page.getByTestId('manual-offer');
  await expect(offer).toContainText('3 comparisons without a match.');
  await page.screenshot({ path: 'docs/screenshots/case-no-match.png' });

  // The manual check, by keyboard: its link, the document inspected (Space), the reason, Enter.
  await offer.getByRole('button', { name: 'Manual identity check' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Manual identity check' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  const reason = 'Passport inspected; the face does not match the booking selfie.';
  await page.keyboard.type(reason);
  await page.keyboard.press('Enter'); // a new line in the reason: still one reason
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Record manual check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('manual-check')).toContainText(reason);

  await acknowledgeAll(page);
  await decide(page, 'Referred to secondary inspection', 'Face did not match three times');
  await expect(page.getByTestId('decision-made')).toContainText('Referred to secondary inspection');

  const d = db();
  try {
    const e = d
      .prepare(
        `SELECT e.disposition, e.note, m.reason, m.document_inspected, m.attempts, m.unsuccessful
         FROM encounters e JOIN manual_checks m ON m.id = e.manual_check_id WHERE e.applicant_id = ?`,
      )
      .get(me.id);
    expect(e).toEqual({
      disposition: 'referred_secondary',
      note: 'Face did not match three times',
      reason,
      document_inspected: 1,
      attempts: 3,
      unsuccessful: 3,
    });
  } finally {
    d.close();
  }
  expect(auditActions(`applicant:${me.id}`)).toEqual(
    expect.arrayContaining(['identity.manual_check', 'encounter.complete']),
  );
});

test('feed stopped: the decision waits in the outbox and uploads when the feed is back; the applicant screen follows in two languages', async ({
  page,
  context,
}) => {
  await signIn(page);
  const feedUrl = await demoFeedUrl(page);
  // Cut the link (the demo feed's fault switch), from the test, not the page.
  await fetch(`${feedUrl}__faults`, { method: 'POST', body: JSON.stringify({ offline: true }) });
  const me = enrolled()[0]!;
  try {
    await scan(page, me.id);

    // The applicant-facing screen: a second window, following the case, in the person's language.
    const menu = page.getByTestId('counter-menu');
    await menu.focus();
    await page.keyboard.press('Enter');
    const [counter] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('menuitem', { name: 'Open the applicant screen' }).press('Enter'),
    ]);
    await counter.setViewportSize({ width: 1366, height: 768 });
    await expect(counter.getByTestId('counter-title')).toBeVisible();
    const choose = async (language: string) => {
      await menu.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: language }).press('Enter');
    };
    await choose('Español');
    await expect(counter.getByTestId('counter-title')).toHaveText('Le damos la bienvenida');
    await counterMeetsWcag(counter, 'applicant screen (es), welcome');

    await cameraShows(await photoOf(page, me.id));
    await captureFromCamera(page, async () => {
      // While the camera runs the person is asked to look at it, with the same gates' line.
      await expect(counter.getByTestId('counter-title')).toHaveText('Por favor, mire a la cámara');
      await expect(counter.getByTestId('counter-line')).toHaveText('Por favor, no se mueva');
      await counter.screenshot({ path: 'docs/screenshots/counter-es.png' });
    });
    await expect(page.getByTestId('verify-band')).toHaveText('Match', { timeout: SYNC_MS });
    await expect(counter.getByTestId('counter-title')).toHaveText('Por favor, espere');
    await acknowledgeAll(page);
    await decide(page, 'Processed');
    await expect(page.getByTestId('upload-state')).toHaveText('waiting to upload');
    expect(outboxOf(me.id)).toMatchObject({ acked: false, payload: { disposition: 'processed' } });

    await expect(counter.getByTestId('counter-title')).toHaveText('Gracias');
    await expect(counter.getByTestId('counter-line')).toHaveText('Puede continuar hacia la salida');
    await choose('Kreyòl ayisyen');
    await expect(counter.getByTestId('counter-title')).toHaveText('Mèsi');
    await expect(counter.getByTestId('counter-line')).toHaveText('Ou ka kontinye al nan sòti a');
    await counter.screenshot({ path: 'docs/screenshots/counter-ht.png' });
    await counterMeetsWcag(counter, 'applicant screen (ht), thank you');
    // Never a score, a band or a flag on the screen the person reads.
    const shown = (await counter.locator('body').innerText()).toLowerCase();
    for (const word of ['match', 'score', 'flag', '0.', me.id.toLowerCase()])
      expect(shown).not.toContain(word);
  } finally {
    await fetch(`${feedUrl}__faults`, { method: 'POST', body: JSON.stringify({}) });
  }
  // The link is back: the next sync uploads what waited.
  await page.getByRole('button', { name: 'Sync now' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('upload-state')).toHaveText('uploaded', { timeout: SYNC_MS });
  await expect.poll(() => outboxOf(me.id)?.acked, { timeout: STEP_MS }).toBe(true);
});
