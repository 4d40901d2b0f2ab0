// Runs in: main process.
// The supervisor's day: figures (aggregates only), referrals and their sign-off, the flag review
// queue and trends, CSV exports and the daily report PDF.
import type { reportingChannels } from '../../ipc/channels/reporting';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { blindFirst } from './blind-first';
import { arrivalsDashboard } from './dashboard';
import { dailyReportPdf } from './daily-report-pdf';
import { exportCsv } from './export';
import { flagReview } from './flag-review';
import { referralList, signOffReferral } from './referrals';
import { ReportingRepository } from './reporting-repository';

export const reportingHandlers: DomainHandlers<typeof reportingChannels> = {
  'arrivals.dashboard': (req, { app }) => arrivalsDashboard(app, req),
  'reporting.portDays': (_req, { app }) =>
    new ReportingRepository(app.db).portDays().map((d) => ({ port: d.port, serviceDate: d.date })),
  'reporting.referrals': (req, ctx) => referralList(ctx.app, actor(ctx), req),
  'reporting.signOff': (req, ctx) => signOffReferral(ctx.app, actor(ctx), req),
  'reporting.flagReview': (req, ctx) => flagReview(ctx.app, actor(ctx), req),
  // The bytes travel as base64 (the bridge and IPC carry JSON); the renderer saves them.
  'reporting.dailyReport': async (req, ctx) => {
    const r = await dailyReportPdf(ctx.app, actor(ctx), req);
    return { filename: r.filename, pdfBase64: r.bytes.toString('base64'), pages: r.pages };
  },
  'reporting.blindFirst': (req, ctx) => blindFirst(ctx.app, actor(ctx), req),
  'reporting.exportCsv': (req, ctx) => exportCsv(ctx.app, actor(ctx), req),
};
