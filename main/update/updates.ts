// Runs in: main process. Wires the update policy to the app: its settings (channel, quiet hour,
// server address: Admin › Site settings), the booth id in the data folder, the port's time
// zone, the plain-Node backend by default (the Electron shell swaps in electron-updater), and
// the loop that checks, ticks the quiet hour and sends the fleet heartbeat.
import path from 'node:path';
import type { AppContext } from '../app-context';
import { activePort } from '../sync/status';
import { sendHeartbeat } from './fleet';
import { NodeUpdateBackend } from './node-backend';
import { loadBoothId } from './rollout';
import { UpdateService, type UpdateServiceDeps } from './update-service';

export function createUpdateService(
  app: AppContext,
  overrides: Partial<UpdateServiceDeps> = {},
): UpdateService {
  let boothId: string | undefined;
  return new UpdateService({
    currentVersion: app.version,
    // Made on first use, not when a CLI command opens the app.
    boothId: () => (boothId ??= loadBoothId(app.dataDir)),
    settings: () => {
      const s = app.settings.get();
      return { channel: s.updateChannel, feedUrl: s.updateFeedUrl, quietHour: s.updateQuietHour };
    },
    timeZone: () => activePort(app)?.timeZone,
    cases: app.cases,
    audit: app.audit,
    backend: new NodeUpdateBackend({
      cacheDir: path.join(app.dataDir, 'updates'),
      onInstall: (file, info) =>
        console.log(
          `[update] ${info.version} is downloaded and verified at ${file}; the browser shell does not run installers: install it with the system's package tools and restart.`,
        ),
    }),
    ...overrides,
  });
}

function envMs(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/**
 * Checks at once and then hourly (ARRIVALS_UPDATE_CHECK_MS), looks at the clock for the quiet
 * hour every minute, and reports to the feed every five minutes (ARRIVALS_HEARTBEAT_MS) and
 * after each check. Returns the stop function.
 */
export function startUpdateLoop(app: AppContext): () => void {
  const cycle = () =>
    void app.updates
      .check()
      .then(() => sendHeartbeat(app))
      .catch((e: Error) => console.error('[update]', e.message));
  cycle();
  const timers = [
    setInterval(cycle, envMs('ARRIVALS_UPDATE_CHECK_MS', 60 * 60_000)),
    setInterval(() => app.updates.tick(), 60_000),
    setInterval(() => void sendHeartbeat(app), envMs('ARRIVALS_HEARTBEAT_MS', 5 * 60_000)),
  ];
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}
