// Runs in: main process.
// Vetting flags: officers acknowledge, supervisors give feedback and review, admins set thresholds.
import type { flagsChannels } from '../../ipc/channels/flags';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';

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
