// Runs in: main process.
// Today's queue at this port, and one applicant's case (both audited views).
import type { applicantChannels } from '../../ipc/channels/applicant';
import type { queueChannels } from '../../ipc/channels/queue';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { ApplicantService } from './applicant-service';

export const queueHandlers: DomainHandlers<typeof queueChannels> = {
  'queue.today': (req, ctx) =>
    new ApplicantService(ctx.app).todaysQueue(actor(ctx), req.search, req.otherPorts),
};

export const applicantHandlers: DomainHandlers<typeof applicantChannels> = {
  'applicant.get': (req, ctx) => {
    const file = new ApplicantService(ctx.app).caseFile(actor(ctx), req.applicantId);
    // An officer who opens an undecided case is mid-case until its disposition; a decided one is
    // only looked at (updates wait for the first: update/case-activity.ts).
    if (ctx.session?.role === 'officer' && file.encounters.length === 0)
      ctx.app.cases.opened(ctx.connectionId, req.applicantId);
    return file;
  },
};
