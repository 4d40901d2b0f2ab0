// Runs in: main process and CLI.
// Imports a signed offline bundle through the same engine as an online sync, so an import
// yields exactly what an online sync yields.
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { FeedError } from '../feed/feed-error';
import type { PinnedKeys } from '../feed/signing';
import { SyncEngine, type SyncReport } from './sync-engine';
import { openBundleSource } from './bundle-source';

export async function importBundle(
  app: AppContext,
  file: string,
  actor: string,
  pinned?: PinnedKeys,
): Promise<SyncReport> {
  const keys = pinned ?? app.config?.publisherKeys ?? app.demo?.publisherKeys;
  if (!keys)
    throw new AppError('NOT_FOUND', 'No publisher keys are configured, so no bundle can be trusted.');
  let source;
  try {
    source = await openBundleSource(file, keys);
  } catch (e) {
    if (!(e instanceof FeedError)) throw e;
    // Refused before anything was applied: record the attempt, say why.
    app.audit.append({
      actor,
      action: 'sync.bundle_rejected',
      subject: `bundle:${file.slice(-120)}`,
      details: { code: e.code, message: e.message },
    });
    throw new AppError('INVALID_REQUEST', e.message);
  }
  const engine = new SyncEngine(app.db, app.photos, app.audit, actor);
  try {
    const report = await engine.syncDay(source, source.port, source.serviceDate, {
      onBatchApplied: (r) => app.flags.afterBatch(r.applicantIds),
    });
    if (report.lookoutVersion !== null) app.flags.engine.recomputeAll(['LOOKOUT_MATCH']);
    void app.face.enrolPending().catch(() => undefined);
    void app.flags.maintain().catch((err: Error) => console.error('[flags]', err.message));
    return report;
  } catch (e) {
    // The engine has already recorded and audited the failure.
    if (e instanceof FeedError || (e as { code?: string }).code)
      throw new AppError('INVALID_REQUEST', (e as Error).message);
    throw e;
  }
}
