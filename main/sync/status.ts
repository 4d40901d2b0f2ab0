// Runs in: main process.
// What the status bar shows about sync. Filled in by the sync engine (issue 3); until a feed
// is configured or synced it reports honestly that nothing has been synced.
import type { SyncStatusView } from '../../ipc/contract';
import type { AppContext } from '../app-context';
import { portByCode } from '../domain/ports';

export function syncStatus(app: AppContext): SyncStatusView {
  const code = app.config?.port ?? null;
  const port = code ? portByCode(code) : null;
  return {
    port: port ? { code: port.code, name: port.name, timeZone: port.timeZone } : null,
    mode: app.config ? 'configured' : app.mode === 'demo' ? 'demo' : 'unconfigured',
    feedUrl: app.config?.feedUrl ?? null,
    state: 'never',
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    pendingUploads: 0,
    todaysManifest: 'missing',
    serviceDate: null,
    applicants: 0,
  };
}
