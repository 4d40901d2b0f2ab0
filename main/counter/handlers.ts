// Runs in: main process.
// The applicant-facing screen: opened and set by the officer's window, read by the counter window.
import type { counterChannels } from '../../ipc/channels/counter';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { counterOf } from './counter-service';

export const counterHandlers: DomainHandlers<typeof counterChannels> = {
  'counter.open': (_req, ctx) => {
    const opened = counterOf(ctx.app).open(ctx.connectionId);
    ctx.app.audit.append({
      actor: actor(ctx),
      action: 'counter.open',
      subject: 'counter',
      details: { openedByShell: opened.openedByShell },
    });
    return opened;
  },

  'counter.show': (req, ctx) => counterOf(ctx.app).show(ctx.connectionId, req),

  'counter.state': (req, { app }) => counterOf(app).state(req.token),
};
