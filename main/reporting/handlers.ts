// Runs in: main process.
// The supervisor's day: figures (aggregates only), referrals and their sign-off, CSV exports.
import type { reportingChannels } from '../../ipc/channels/reporting';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { arrivalsDashboard } from './dashboard';
import { exportCsv } from './export';
import { referralList, signOffReferral } from './referrals';
import { ReportingRepository } from './reporting-repository';

export const reportingHandlers: DomainHandlers<typeof reportingChannels> = {
  'arrivals.dashboard': (req, { app }) => arrivalsDashboard(app, req),
  'reporting.portDays': (_req, { app }) =>
    new ReportingRepository(app.db).portDays().map((d) => ({ port: d.port, serviceDate: d.date })),
  'reporting.referrals': (req, ctx) => referralList(ctx.app, actor(ctx), req),
  'reporting.signOff': (req, ctx) => signOffReferral(ctx.app, actor(ctx), req),
  'reporting.exportCsv': (req, ctx) => exportCsv(ctx.app, actor(ctx), req),
};
