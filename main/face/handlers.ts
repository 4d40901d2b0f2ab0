// Runs in: main process.
// 1:1 face verification at the booth (advisory, audited; in blind-first mode the score is held
// back until the officer's own judgement), capture guidance, and face-match accuracy per model version.
import type { faceChannels } from '../../ipc/channels/face';
import { AppError } from '../platform/app-error';
import { counterOf } from '../counter/counter-service';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { faceAccuracyReport } from './accuracy-report';
import type { BoothVerification } from './face-service';
import { loadManifest } from './model-manifest';

/** What the booth sees of a verification: the capture's timings only; nothing that hints at the score before a blind judgement. */
function boothView(r: BoothVerification) {
  const { totalMs, capture, captureModels } = r.timings;
  const view = { ...r, timings: { totalMs, capture, captureModels } };
  if (!r.blind || r.judgement) return view;
  return {
    ...view,
    band: null,
    score: null,
    liveness: null,
    livenessWarning: null,
    capture: { ...view.capture, liveness: null },
    explanation: [],
  };
}

export const faceHandlers: DomainHandlers<typeof faceChannels> = {
  'face.verify': async (req, ctx) => {
    const bytes = Buffer.from(req.imageBase64, 'base64');
    if (!bytes.length) throw new AppError('INVALID_REQUEST', 'The picture is empty.');
    // A verification under way holds updates back until it has finished, however it ends.
    const done = ctx.app.cases.verificationStarted();
    const r = await ctx.app.face.verifyApplicant(req.applicantId, bytes, actor(ctx)).finally(done);
    return boothView(r);
  },

  'face.judge': (req, ctx) => boothView(ctx.app.face.judge(actor(ctx), req.verificationId, req.judgement)),

  'face.guide': async (req, ctx) => {
    const frame = Buffer.from(req.imageBase64, 'base64');
    if (!frame.length) throw new AppError('INVALID_REQUEST', 'The frame is empty.');
    const g = await ctx.app.face.guide(ctx.connectionId, frame, req.scale);
    // The person at the counter reads the same line, in their language.
    counterOf(ctx.app).hint(ctx.connectionId, g.hint);
    return g;
  },

  // Aggregates only: no one's personal data leaves in this answer.
  'face.accuracy': (_req, { app }) => faceAccuracyReport(app.db, loadManifest().modelVersion),
};
