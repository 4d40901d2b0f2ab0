// Runs in: main process.
// Today's queue at this port, and one applicant's case (both audited views).
import type { applicantChannels } from '../../ipc/channels/applicant';
import type { queueChannels } from '../../ipc/channels/queue';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { ApplicantService } from './applicant-service';

export const queueHandlers: DomainHandlers<typeof queueChannels> = {
  'queue.today': (req, ctx) => new ApplicantService(ctx.app).todaysQueue(actor(ctx), req.search),
};

export const applicantHandlers: DomainHandlers<typeof applicantChannels> = {
  'applicant.get': (req, ctx) => new ApplicantService(ctx.app).caseFile(actor(ctx), req.applicantId),
};
