// Runs in: tests (Node, Playwright). The shared setup of the specs that drive one app over the
// 400-person demo feed: serial tests against a single shell, started once and stopped at the end.
import { test } from '@playwright/test';
import { startShell, type RunningShell } from './shell';
import { TEST_MS } from './waits';

export interface DemoShell {
  /** The running shell; only there once beforeAll has run (i.e. inside a test). */
  readonly shell: RunningShell;
}

/** Registers the describe config and the beforeAll/afterAll hooks in the calling spec file. */
export function useDemoShell(): DemoShell {
  let running: RunningShell | undefined;
  test.describe.configure({ mode: 'serial', timeout: TEST_MS });
  test.beforeAll(async () => {
    test.setTimeout(TEST_MS);
    running = await startShell({ env: { ARRIVALS_DEMO_SIZE: '400' } });
  });
  test.afterAll(async () => {
    await running?.stop();
  });
  return {
    get shell() {
      if (!running) throw new Error('the demo shell is used before beforeAll started it');
      return running;
    },
  };
}
