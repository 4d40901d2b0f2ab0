// Runs in: main process.
// The officer's decision on a case, the decisions recorded so far with their upload state, and
// how identity was checked (face comparisons, manual identity check).
import type { encounterChannels } from '../../ipc/channels/encounter';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { EncounterRepository, toEncounterView } from './encounter-repository';
import { EncounterService } from './encounter-service';
import { toManualCheckView } from './manual-check-repository';

export const encounterHandlers: DomainHandlers<typeof encounterChannels> = {
  'encounter.list': (req, { app }) =>
    new EncounterRepository(app.db).forApplicant(req.applicantId).map(toEncounterView),

  'encounter.identity': (req, { app }) => new EncounterService(app).identity(req.applicantId),

  'encounter.manualCheck': (req, ctx) =>
    toManualCheckView(
      new EncounterService(ctx.app).recordManualCheck(actor(ctx), {
        applicantId: req.applicantId,
        reason: req.reason,
      }),
    ),

  'encounter.complete': (req, ctx) => {
    const row = new EncounterService(ctx.app).complete(actor(ctx), {
      applicantId: req.applicantId,
      disposition: req.disposition,
      note: req.note,
      arrivedAt: req.arrivedAt,
      verificationId: req.verificationId,
      manualCheckId: req.manualCheckId,
      supersedes: req.supersedes,
    });
    ctx.app.cases.completed(ctx.connectionId, req.applicantId);
    // Read back with its upload state (the row was just committed, so it is there).
    return toEncounterView(new EncounterRepository(ctx.app.db).get(row.client_id)!);
  },
};
