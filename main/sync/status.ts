// Runs in: main process.
// What the status area shows: last successful sync, pending uploads, the last error in plain
// words, and whether today's manifest (in the port's own time zone) is here and fresh.
import type { SyncStatusView } from '../../ipc/channels/sync';
import type { AppContext } from '../app-context';
import { portByCode, serviceDateAt, type Port } from '../domain/ports';
import { Outbox } from './outbox';
import { SyncStateRepository } from './sync-state-repository';

/** A manifest not refreshed for this long while the app runs is called stale. */
export const STALE_AFTER_MS = 2 * 60 * 60_000;

export function activePortCode(app: AppContext): string | null {
  return app.config?.port ?? app.demo?.port ?? null;
}

/** The port this console serves (configured, or the demo's), if it is a known one. */
export function activePort(app: AppContext): Port | undefined {
  const code = activePortCode(app);
  return code ? portByCode(code) : undefined;
}

export function syncStatus(app: AppContext, now = new Date()): SyncStatusView {
  const port = activePort(app);
  const outbox = new Outbox(app.db).status();
  const base: SyncStatusView = {
    port: port ? { code: port.code, name: port.name, timeZone: port.timeZone } : null,
    mode: app.config ? 'configured' : app.demo ? 'demo' : 'unconfigured',
    feedUrl: app.config?.feedUrl ?? app.demo?.feedUrl ?? null,
    state: 'never',
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    pendingUploads: outbox.pending,
    todaysManifest: 'missing',
    serviceDate: null,
    applicants: 0,
    progress: app.sync?.progress
      ? {
          phase: app.sync.progress.phase,
          appliedSeq: app.sync.progress.appliedSeq,
          lastSeq: app.sync.progress.lastSeq,
          photosDone: app.sync.progress.photosDone,
          photosTotal: app.sync.progress.photosTotal,
        }
      : null,
    window: app.sync?.window?.status(now) ?? null,
  };
  if (!port) return base;
  const today = serviceDateAt(port, now);
  const st = new SyncStateRepository(app.db).get(port.code);
  const manifest = app.db
    .prepare<[string, string], { applied_seq: number; last_seq: number; completed_at: string | null }>(
      'SELECT applied_seq, last_seq, completed_at FROM manifests WHERE port = ? AND service_date = ?',
    )
    .get(port.code, today);
  const applicants = (
    app.db
      .prepare('SELECT COUNT(*) AS n FROM applicants WHERE port = ? AND service_date = ?')
      .get(port.code, today) as { n: number }
  ).n;
  const lastSuccess = st?.last_success_at ?? null;
  const fresh = lastSuccess !== null && now.getTime() - new Date(lastSuccess).getTime() < STALE_AFTER_MS;
  return {
    ...base,
    state: st?.state ?? 'never',
    lastSuccessAt: lastSuccess,
    lastAttemptAt: st?.last_attempt_at ?? null,
    lastError: st?.last_error ?? null,
    serviceDate: today,
    applicants,
    todaysManifest:
      !manifest || manifest.applied_seq === 0
        ? 'missing'
        : manifest.completed_at && fresh
          ? 'current'
          : 'stale',
  };
}
