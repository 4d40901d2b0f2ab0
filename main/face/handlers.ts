// Runs in: main process.
// 1:1 face verification at the booth (advisory, audited), and face-match accuracy per model version.
import type { faceChannels } from '../../ipc/channels/face';
import { AppError } from '../platform/app-error';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { faceAccuracyReport } from './accuracy-report';
import { loadManifest } from './model-manifest';

export const faceHandlers: DomainHandlers<typeof faceChannels> = {
  'face.verify': async (req, ctx) => {
    const bytes = Buffer.from(req.imageBase64, 'base64');
    if (!bytes.length) throw new AppError('INVALID_REQUEST', 'The picture is empty.');
    const r = await ctx.app.face.verifyApplicant(req.applicantId, bytes, actor(ctx));
    // The capture's timings only: the reference side's are of no use to the booth.
    const { totalMs, capture, captureModels } = r.timings;
    return { ...r, timings: { totalMs, capture, captureModels } };
  },

  // Aggregates only: no one's personal data leaves in this answer.
  'face.accuracy': (_req, { app }) => faceAccuracyReport(app.db, loadManifest().modelVersion),
};
