// Runs in: main process.
// Reading the audit log and checking its hash chain; a check is itself audited.
import type { auditChannels } from '../../ipc/channels/audit';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';

export const auditHandlers: DomainHandlers<typeof auditChannels> = {
  'audit.recent': (req, { app }) => app.audit.recent(req.limit),

  'audit.verify': (_req, ctx) => {
    const result = ctx.app.audit.verify();
    ctx.app.audit.append({
      actor: actor(ctx),
      action: 'audit.verify',
      subject: 'audit_log',
      details: { ok: result.ok, entries: result.entries },
    });
    return result;
  },
};
