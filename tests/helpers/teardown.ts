// Runs in: tests (Node). What a test opens (an app, a feed or release server) is closed after it,
// passed or failed, the last opened first, so no test leaves a server or a database file open.
import { afterEach } from 'vitest';

export interface Closable {
  close(): unknown;
}

/** Call once per test file; wrap each thing a test opens: `const app = closing(testApp())`. */
export function closeAfterEach(): <T extends Closable>(opened: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });
  return (opened) => {
    open.push(opened);
    return opened;
  };
}
