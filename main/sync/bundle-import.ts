// Runs in: main process and CLI.
// Imports a signed offline bundle through the same engine as an online sync, so an import
// yields exactly what an online sync yields. The bundle is read and verified on a worker thread
// (bundle-source.ts); from the renderer it arrives as bytes (bundle-uploads.ts), from the CLI as
// a path to a regular file.
import fs from 'node:fs';
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { FeedError } from '../feed/feed-error';
import type { PinnedKeys } from '../feed/signing';
import { SyncEngine, type SyncReport } from './sync-engine';
import { BundleSource, type BundleInput, type BundleReadOptions } from './bundle-source';

/** A bundle file by path (the CLI), or one received from the renderer (an open descriptor; closed here). */
export type BundleRef = { file: string } | BundleInput;

export async function importBundle(
  app: AppContext,
  bundle: BundleRef,
  actor: string,
  pinned?: PinnedKeys,
  opts: BundleReadOptions = {},
): Promise<SyncReport> {
  const label = 'file' in bundle ? bundle.file : bundle.label;
  const keys = pinned ?? app.config?.publisherKeys ?? app.demo?.publisherKeys;
  if (!keys) {
    if (!('file' in bundle)) fs.closeSync(bundle.fd);
    throw new AppError('NOT_FOUND', 'No publisher keys are configured, so no bundle can be trusted.');
  }
  let source: BundleSource;
  try {
    source =
      'file' in bundle
        ? await BundleSource.openFile(bundle.file, keys, opts)
        : await BundleSource.open(bundle, keys, opts);
  } catch (e) {
    if (!(e instanceof FeedError)) throw e;
    // Refused before anything was applied: record the attempt, say why.
    app.audit.append({
      actor,
      action: 'sync.bundle_rejected',
      subject: `bundle:${label.slice(-120)}`,
      details: { code: e.code, message: e.message },
    });
    throw new AppError('INVALID_REQUEST', e.message);
  } finally {
    // The worker has read every byte (or refused them): the descriptor is not needed any more.
    if (!('file' in bundle)) fs.closeSync(bundle.fd);
  }
  const engine = SyncEngine.forApp(app, actor);
  try {
    const report = await engine.syncDay(source, source.port, source.serviceDate, {
      onBatchApplied: (r, keys) => app.flags.afterBatch(r.applicantIds, keys),
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
  } finally {
    await source.close();
  }
}
