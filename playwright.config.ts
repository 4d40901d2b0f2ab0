// Runs in: test tooling. End-to-end tests drive the browser shell in Debian's Chromium.
import { defineConfig } from '@playwright/test';

/** Debian's Chromium, quiet and sandbox-free; specs that add switches (a fake camera) start from these. */
export const CHROMIUM = {
  executablePath: process.env.ARRIVALS_BROWSER ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--test-type',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  // A cap against a hang, not a target: a whole flow (sign-in, sync, inference) on a machine whose
  // cores another process keeps busy takes several times what it takes on a quiet one.
  timeout: 180_000,
  // Real work (IPC, scrypt, sync, inference) behind most waits: 5 s is too tight on a busy 2-core machine.
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    viewport: { width: 1280, height: 860 },
    launchOptions: CHROMIUM,
    screenshot: 'only-on-failure',
  },
});
