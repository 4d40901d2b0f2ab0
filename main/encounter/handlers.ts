// Runs in: main process.
// The officer's decision on a case, and the decisions recorded so far with their upload state.
import type { encounterChannels } from '../../ipc/channels/encounter';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { EncounterRepository, toEncounterView } from './encounter-repository';
import { EncounterService } from './encounter-service';

export const encounterHandlers: DomainHandlers<typeof encounterChannels> = {
  'encounter.list': (req, { app }) =>
    new EncounterRepository(app.db).forApplicant(req.applicantId).map(toEncounterView),

  'encounter.complete': (req, ctx) => {
    const row = new EncounterService(ctx.app).complete(actor(ctx), {
      applicantId: req.applicantId,
      disposition: req.disposition,
      note: req.note,
      arrivedAt: req.arrivedAt,
      verificationId: req.verificationId,
      supersedes: req.supersedes,
    });
    // Read back with its upload state (the row was just committed, so it is there).
    return toEncounterView(new EncounterRepository(ctx.app.db).get(row.client_id)!);
  },
};
