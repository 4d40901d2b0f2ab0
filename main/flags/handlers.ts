// Runs in: main process.
// Vetting flags: officers acknowledge, supervisors give feedback and review, admins set thresholds.
import type { flagsChannels } from '../../ipc/channels/flags';
import type { lookoutChannels } from '../../ipc/channels/lookout';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { importLookout, lookoutStatus, previewLookout } from './lookout-import';

export const flagsHandlers: DomainHandlers<typeof flagsChannels> = {
  'flags.acknowledge': (req, ctx) =>
    ctx.app.flags.acknowledge(req.flagId, actor(ctx), req.note?.trim() || null),

  'flags.feedback': (req, ctx) =>
    ctx.app.flags.feedback(req.flagId, actor(ctx), req.verdict, req.note?.trim() || null),

  // An empty request reads the thresholds; anything else changes them.
  'flags.config': (req, ctx) =>
    Object.keys(req).length ? ctx.app.flags.updateConfig(actor(ctx), req) : ctx.app.flags.config(),

  'flags.overview': (req, ctx) => ctx.app.flags.overview(actor(ctx), req.rule),
};

// The lookout list: its state, and an admin's import (previewed, then applied whole).
export const lookoutHandlers: DomainHandlers<typeof lookoutChannels> = {
  'lookout.status': (_req, { app }) => lookoutStatus(app),
  'lookout.preview': (req, { app }) => previewLookout(app, req),
  'lookout.import': (req, ctx) => importLookout(ctx.app, actor(ctx), req),
};
