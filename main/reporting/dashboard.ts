// Runs in: main process and CLI. A port-day's figures for the supervisor (default: today at this
// port): cases by their latest decision, per local hour, per booth and officer, open referrals,
// verification bands, uploads waiting and photos enrolled. Every count comes from the repository.
import type { DashboardView, HourRow, PortDayRequest } from '../../ipc/channels/reporting';
import type { AppContext } from '../app-context';
import { ApplicantRepository } from '../applicant/applicant-repository';
import { portByCode, serviceDateAt } from '../domain/ports';
import { AppError } from '../platform/app-error';
import { activePort } from '../sync/status';
import { Outbox } from '../sync/outbox';
import { ReportingRepository, type PortDay } from './reporting-repository';

const HOUR_MS = 3_600_000;
// No port configured: the same queries over a port-day that holds nothing (all zeros, no rows).
const NO_DAY: PortDay = { port: '', date: '' };

/**
 * UTC hours (epoch seconds / 3600) as local hours ("08:00") in the port's zone, every hour from the
 * first to the last shown (a quiet hour reads as 0, not as missing); the hour a clock goes back
 * twice is one row.
 */
export function localHours(
  rows: { h: number; scheduled: number; completed: number }[],
  timeZone: string,
): HourRow[] {
  if (!rows.length) return [];
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hour12: false });
  const byH = new Map(rows.map((r) => [r.h, r]));
  const out = new Map<string, HourRow>();
  for (let h = rows[0]!.h; h <= rows[rows.length - 1]!.h; h++) {
    const hour = `${hourOf.format(new Date(h * HOUR_MS))}:00`;
    const row = out.get(hour) ?? { hour, scheduled: 0, completed: 0 };
    row.scheduled += byH.get(h)?.scheduled ?? 0;
    row.completed += byH.get(h)?.completed ?? 0;
    out.set(hour, row);
  }
  return [...out.values()];
}

/** The port-day a request names: a known port, and a date (both default to this console's today). */
export function resolvePortDay(app: AppContext, req: PortDayRequest, now = new Date()): PortDay | null {
  const code = req.port ?? activePort(app)?.code;
  if (!code) return null;
  const port = portByCode(code);
  if (!port) throw new AppError('NOT_FOUND', `Unknown port ${code}.`);
  return { port: port.code, date: req.date ?? serviceDateAt(port, now) };
}

export function arrivalsDashboard(
  app: AppContext,
  req: PortDayRequest = {},
  now = new Date(),
): DashboardView {
  const pendingUploads = new Outbox(app.db).status().pending;
  const day = resolvePortDay(app, req, now);
  const repo = new ReportingRepository(app.db);
  // One transaction: every figure is of the same moment, even while booths decide.
  return app.db.transaction(() => {
    const { perUtcHour, ...figures } = repo.day(day ?? NO_DAY);
    return {
      port: day?.port ?? null,
      serviceDate: day?.date ?? null,
      timeZone: day ? portByCode(day.port)!.timeZone : null,
      ...figures,
      perHour: day ? localHours(perUtcHour, portByCode(day.port)!.timeZone) : [],
      appointments: day ? new ApplicantRepository(app.db).countsByStatus(day.port, day.date) : {},
      verificationBands: repo.verificationBands(day ?? NO_DAY),
      pendingUploads,
      // Counted from the stored templates (not this run's progress), so it holds after a restart.
      enrolment: { running: app.face.enrolment.running, ...repo.photos(day ?? NO_DAY) },
    };
  })();
}
