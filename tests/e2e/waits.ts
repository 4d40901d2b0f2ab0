// Runs in: tests (Node). How long the e2e specs may wait. Every wait is on an observed condition
// (a text shown, a row present, a value polled); these are only caps against a hang, generous
// enough that a slow or loaded machine passes as a fast one does.
import { expect as baseExpect } from '@playwright/test';

/** One step of real work in the app: an IPC call into SQLite, a verification, an upload. */
export const STEP_MS = 30_000;
/** A whole sync of the demo data, or the first use of the face models. */
export const SYNC_MS = 120_000;
/** One test, or one beforeAll hook (which starts the shell and generates the demo feed). */
export const TEST_MS = 300_000;

/** Playwright's `expect`, waiting up to STEP_MS instead of 5 s by default. */
export const expect = baseExpect.configure({ timeout: STEP_MS });
