// Runs in: main process. Today's arrivals at this port for the supervisor: appointments by status,
// decisions per hour (in the port's time zone) and by outcome, verification bands, uploads waiting.
import type { DashboardView } from '../../ipc/channels/reporting';
import type { AppContext } from '../app-context';
import { ApplicantRepository } from '../applicant/applicant-repository';
import { serviceDateAt } from '../domain/ports';
import { activePort } from '../sync/status';
import { Outbox } from '../sync/outbox';
import { ReportingRepository } from './reporting-repository';

/** Decisions per local hour ("08:00"), in hour order; hours without any are left out. */
export function perHour(times: string[], timeZone: string): DashboardView['perHour'] {
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hour12: false });
  const byHour = new Map<string, number>();
  for (const t of times) {
    const h = `${hourOf.format(new Date(t))}:00`;
    byHour.set(h, (byHour.get(h) ?? 0) + 1);
  }
  return [...byHour].sort().map(([hour, completed]) => ({ hour, completed }));
}

export function arrivalsDashboard(app: AppContext, now = new Date()): DashboardView {
  const port = activePort(app);
  const { running, done, total, unusable } = app.face.enrolment;
  const enrolment = { running, done, total, unusable };
  const pendingUploads = new Outbox(app.db).status().pending;
  if (!port) {
    const none = { appointments: {}, dispositions: {}, verificationBands: {}, perHour: [] };
    return { port: null, serviceDate: null, ...none, pendingUploads, enrolment };
  }
  const date = serviceDateAt(port, now);
  const repo = new ReportingRepository(app.db);
  return {
    port: port.code,
    serviceDate: date,
    appointments: new ApplicantRepository(app.db).countsByStatus(port.code, date),
    dispositions: repo.dispositions(port.code, date),
    verificationBands: repo.verificationBands(port.code, date),
    perHour: perHour(repo.completedTimes(port.code, date), port.timeZone),
    pendingUploads,
    enrolment,
  };
}
