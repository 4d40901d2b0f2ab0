// Runs in: main process.
// Sync state for the status area, sync on demand, and offline bundle import (the file's bytes
// received first: bundle-uploads.ts).
import type { syncChannels } from '../../ipc/channels/sync';
import { AppError } from '../platform/app-error';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { importBundle } from './bundle-import';
import { uploadsOf } from './bundle-uploads';
import { syncStatus } from './status';

export const syncHandlers: DomainHandlers<typeof syncChannels> = {
  'sync.status': (_req, { app }) => syncStatus(app),

  'sync.now': async (_req, { app }) => {
    if (!app.sync) {
      throw new AppError('NOT_FOUND', 'No feed is configured for this console; import a bundle instead.');
    }
    await app.sync.syncNow();
    return syncStatus(app);
  },

  'bundle.upload': (req, { app, connectionId }) => uploadsOf(app).begin(connectionId, req.name, req.size),

  'bundle.import': async (req, ctx) => {
    const bundle = await uploadsOf(ctx.app).take(req.uploadId, ctx.connectionId);
    const r = await importBundle(ctx.app, bundle, actor(ctx));
    return {
      port: r.port,
      serviceDate: r.serviceDate,
      batchesApplied: r.batchesApplied,
      recordsApplied: r.recordsApplied,
      photosStored: r.photosStored,
      lookoutVersion: r.lookoutVersion,
    };
  },
};
