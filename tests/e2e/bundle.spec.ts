// Runs in: tests (Node, Playwright). An offline bundle as an admin imports it in the browser shell,
// at 1366×768: the file picked from the keyboard (its bytes streamed to main, never its path); a
// corrupt one refused with the reason and nothing applied; the good one applied and reported; no
// copy of either left in the data folder.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, type Page } from '@playwright/test';
import { useDemoShell } from './fixtures';
import { setupAndSignIn } from './shell';
import { expect } from './waits';
import { openDatabaseFile } from '../../main/db/database';

const demo = useDemoShell();
test.use({ viewport: { width: 1366, height: 768 } });

const DATE = '2026-10-05';

/** What tests/helpers/make-bundle.ts prints. */
interface MadeBundle {
  batches: number;
  applicants: number;
}

/**
 * A signed bundle of a generated SYS day and a corrupt copy, made by a Node script (main's feed
 * code stays out of this project's types).
 */
function bundleBytes(): MadeBundle & { good: Buffer; corrupt: Buffer } {
  const out = path.join(demo.shell.dataDir, '..', `e2e-${path.basename(demo.shell.dataDir)}.acb`);
  const made = JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../helpers/make-bundle.ts'), out, 'SYS', DATE, '200'],
      { encoding: 'utf8' },
    ),
  ) as MadeBundle;
  const [good, corrupt] = [out, `${out}.corrupt`].map((f) => fs.readFileSync(f));
  for (const f of [out, `${out}.corrupt`]) fs.rmSync(f);
  return { ...made, good: good!, corrupt: corrupt! };
}

const applicantsThatDay = () => {
  const db = openDatabaseFile(demo.shell.dataDir, { readonly: true });
  try {
    return (
      db.prepare('SELECT COUNT(*) AS n FROM applicants WHERE service_date = ?').get(DATE) as { n: number }
    ).n;
  } finally {
    db.close();
  }
};

async function choose(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a bundle file…' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('bundle-file')).toContainText(name);
}

test('a bundle file picked and sent: a corrupt one refused with nothing applied, the good one imported', async ({
  page,
}) => {
  const { good, corrupt, batches, applicants } = bundleBytes();
  await setupAndSignIn(page, demo.shell, 'admin', 'admin-demo-pass');
  await page
    .getByRole('navigation', { name: 'Admin sections' })
    .getByRole('link', { name: 'Offline bundle' })
    .click();
  await expect(page.getByRole('heading', { name: 'Import an offline bundle' })).toBeVisible();

  await choose(page, 'SYS-2026-10-05-damaged.acb', corrupt);
  await page.getByRole('button', { name: 'Verify and import' }).click();
  await expect(page.getByRole('alert')).toContainText(/signature/);
  expect(applicantsThatDay()).toBe(0);

  await choose(page, 'SYS-2026-10-05.acb', good);
  await page.getByRole('button', { name: 'Verify and import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported SYS' })).toContainText(
    `Imported SYS Oct 5, 2026: ${batches} batches`,
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(applicantsThatDay()).toBe(applicants);
  expect(fs.readdirSync(path.join(demo.shell.dataDir, 'uploads'))).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/admin-bundle.png' });
});
