// Runs in: main process (both shells).
// Long-running work that starts with the app: demo feed, periodic sync, outbox upload.
// Grows with the sync issue; the shells only call start/stop.
import type { AppContext } from './app-context';

export interface Background {
  stop(): Promise<void>;
}

export async function startBackground(_app: AppContext): Promise<Background> {
  return { stop: async () => {} };
}
