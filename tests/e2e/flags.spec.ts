import { test } from '@playwright/test';
import { useDemoShell } from './fixtures';
import { setupAndSignIn } from './shell';
import { expect, SYNC_MS } from './waits';

const demo = useDemoShell();

test('the officer must acknowledge every flag before completing the case; the decision uploads', async ({
  page,
}) => {
  await setupAndSignIn(page, demo.shell, 'officer', 'officer-demo-pass');
  await expect(page.getByTestId('manifest-state')).toContainText('is current', { timeout: SYNC_MS });
  await page.getByLabel('Only people with open flags').check();
  const rows = page.getByRole('table', { name: 'Arrivals queue' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await expect(rows.nth(1).getByTestId('queue-flags')).toBeVisible();
  await rows.nth(1).click();
  const flags = page.getByTestId('flag');
  await expect(flags.first()).toBeVisible();
  const n = await flags.count();
  await expect(flags.first()).toContainText(/also gave|appears as|resembles|matches the photo|document/);

  await page.getByRole('textbox', { name: 'Disposition', exact: true }).click();
  await page.getByRole('option', { name: 'Referred to secondary inspection' }).click();
  await page.getByRole('button', { name: 'Complete case' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Acknowledge every flag' })).toContainText(
    'Acknowledge every flag before completing the case',
  );

  for (let i = 0; i < n; i++) {
    await page.getByRole('button', { name: 'Acknowledge' }).first().click();
    await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(n - i - 1);
  }
  await page.screenshot({ path: 'docs/screenshots/flags.png', fullPage: true });
  await page.getByRole('button', { name: 'Complete case' }).click();
  await expect(page.getByText('Referred to secondary inspection').first()).toBeVisible();
  await expect(page.getByTestId('upload-state')).toHaveText('uploaded');
});

test('the supervisor sees flags by rule, cross-port trends and face-match accuracy, and marks a false positive', async ({
  page,
}) => {
  await setupAndSignIn(page, demo.shell, 'supervisor', 'supervisor-demo-pass');
  // Each part on its dashboard tab.
  const tab = (name: RegExp) => page.getByRole('tab', { name }).click();
  // Today's outcomes by name: the officer's case above was referred to secondary.
  await expect(page.getByRole('region', { name: 'Outcomes' })).toContainText(
    /Processed|Referred to secondary inspection/,
  );
  await tab(/^Cross-port trends/);
  await expect(page.getByRole('table', { name: 'Cross-port trends' }).getByRole('row').nth(1)).toBeVisible();
  await tab(/^Flags to review/);
  await expect(page.getByRole('table', { name: 'Flags by rule' })).toBeVisible();
  const first = page.getByTestId('review-flag').first();
  const rule = (await first.locator('p').nth(0).textContent()) ?? '';
  await first.getByRole('button', { name: 'False positive' }).click();
  await expect(page.getByTestId('review-flag').first().getByText('false positive')).toBeVisible();
  expect(rule.length).toBeGreaterThan(0);
  await expect(page.locator('[data-testid^="precision-"]').filter({ hasText: '0 %' }).first()).toBeVisible();
  // Face-match accuracy for the model in use: its calibration, and the booths' verifications.
  await tab(/^Identity verification/);
  const model = page.getByTestId(/^face-model-/).first();
  await expect(model).toContainText('in use');
  await expect(model).toContainText('on 1386 labelled pairs');
  await expect(model.getByRole('row', { name: /^All/ })).toBeVisible();
});
