// Runs in: main process and CLI. A port-day's figures for the supervisor (default: today at this
// port): cases by their latest decision, per local hour, per booth and officer, open referrals,
// verification outcomes (overall and by group, small groups suppressed), flags by rule, uploads
// waiting and photos enrolled. Every count comes from the repository. The verification figures
// are for supervisors' accountability only: nothing here feeds a flag or a decision.
import {
  GROUP_DIMENSIONS,
  type DashboardView,
  type HourRow,
  type PortDayRequest,
  type RuleDayRow,
  type VerificationView,
} from '../../ipc/channels/reporting';
import type { AppContext } from '../app-context';
import { portByCode, serviceDateAt } from '../domain/ports';
import { AppError } from '../platform/app-error';
import { activePort } from '../sync/status';
import { Outbox } from '../sync/outbox';
import { loadCalibration } from '../face/calibration';
import { RULES } from '../flags/rules/index';
import {
  ReportingRepository,
  type FlagRuleDb,
  type PortDay,
  type VerificationRowDb,
} from './reporting-repository';
import { MIN_GROUP, suppressSmallGroups } from './suppression';

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

/** Everyone's counts, then each dimension's groups in the contract's order, small ones suppressed. */
export function verificationView(rows: VerificationRowDb[]): VerificationView {
  const counts = ({ dimension: _d, grp: _g, ...c }: VerificationRowDb) => c;
  const overall = rows.find((r) => r.dimension === 'all')!;
  const groups = GROUP_DIMENSIONS.flatMap((d) =>
    rows
      .filter((r) => r.dimension === d)
      .map((r) => ({ dimension: d, group: r.grp ?? '', counts: counts(r) }))
      .sort((a, b) => a.group.localeCompare(b.group)),
  );
  return { overall: counts(overall), groups: suppressSmallGroups(groups), minGroup: MIN_GROUP };
}

/** Every rule, in the order flags are shown, with the day's counts and the precision of reviews. */
export function ruleRows(
  day: FlagRuleDb[],
  allDays: { ruleId: string; precision: number | null }[],
): RuleDayRow[] {
  const byRule = new Map(day.map((r) => [r.ruleId, r]));
  const all = new Map(allDays.map((r) => [r.ruleId, r.precision]));
  const known = new Set(RULES.map((r) => r.id));
  const rules = [
    ...RULES.map((r) => ({ ruleId: r.id, description: r.description, version: r.version })),
    // A rule no longer defined whose flags the day still holds.
    ...day
      .filter((r) => !known.has(r.ruleId))
      .map((r) => ({ ruleId: r.ruleId, description: '', version: 0 })),
  ];
  return rules.map((r) => {
    const c = byRule.get(r.ruleId);
    const reviewed = (c?.confirmed ?? 0) + (c?.falsePositive ?? 0);
    return {
      ...r,
      open: c?.open ?? 0,
      acknowledged: c?.acknowledged ?? 0,
      reviewed: c?.reviewed ?? 0,
      confirmed: c?.confirmed ?? 0,
      falsePositive: c?.falsePositive ?? 0,
      precision: reviewed ? c!.confirmed / reviewed : null,
      precisionAllDays: all.get(r.ruleId) ?? null,
    };
  });
}

/** How the audit log names a port-day. */
export const daySubject = (day: PortDay) => `manifest:${day.port}:${day.date}`;

/** The port-day a request names: a known port, and a date (both default to this console's today). */
export function resolvePortDay(app: AppContext, req: PortDayRequest, now = new Date()): PortDay | null {
  const code = req.port ?? activePort(app)?.code;
  if (!code) return null;
  const port = portByCode(code);
  if (!port) throw new AppError('NOT_FOUND', `Unknown port ${code}.`);
  return { port: port.code, date: req.date ?? serviceDateAt(port, now) };
}

/**
 * The port-day's figures: worked out afresh (`fresh`: what a first report costs), or from the
 * working state this connection keeps, brought up to date from what changed since the last report.
 */
function dashboardView(app: AppContext, req: PortDayRequest, now: Date, fresh: boolean): DashboardView {
  const pendingUploads = new Outbox(app.db).status().pending;
  const day = resolvePortDay(app, req, now);
  const repo = new ReportingRepository(app.db);
  const advisoryOf = (model: string) => loadCalibration(model).livenessAdvisory;
  // One transaction: every figure is of the same moment, even while booths decide.
  return app.db.transaction(() => {
    const { perUtcHour, verification, flagRules, ...figures } = fresh
      ? repo.day(day ?? NO_DAY, advisoryOf)
      : repo.dayKept(day ?? NO_DAY, advisoryOf);
    return {
      port: day?.port ?? null,
      serviceDate: day?.date ?? null,
      timeZone: day ? portByCode(day.port)!.timeZone : null,
      ...figures,
      perHour: day ? localHours(perUtcHour, portByCode(day.port)!.timeZone) : [],
      appointments: repo.appointmentsByStatus(),
      verification: verificationView(verification),
      flagRules: ruleRows(flagRules, app.flags.engine.repo.precision()),
      pendingUploads,
      // Counted from the stored templates (not this run's progress), so it holds after a restart.
      enrolment: { running: app.face.enrolment.running, ...repo.photos(day ?? NO_DAY) },
    };
  })();
}

/** The figures worked out afresh (what the first report of a port-day costs). */
export function computeDashboard(app: AppContext, req: PortDayRequest = {}, now = new Date()): DashboardView {
  return dashboardView(app, req, now, true);
}

// The last answer per database, with the write mark it was read at: the dashboard asks every few
// seconds, and a port-day's figures only change when something is written (here or by another
// process), so an unchanged mark answers from memory; otherwise the kept working state follows
// what was written.
const lastAnswer = new WeakMap<AppContext, { key: string; mark: string; view: DashboardView }>();

export function arrivalsDashboard(
  app: AppContext,
  req: PortDayRequest = {},
  now = new Date(),
): DashboardView {
  const repo = new ReportingRepository(app.db);
  const day = resolvePortDay(app, req, now);
  const key = day ? daySubject(day) : '';
  const hit = lastAnswer.get(app);
  const running = app.face.enrolment.running;
  if (hit && hit.key === key && hit.mark === repo.writeMark())
    return { ...hit.view, enrolment: { ...hit.view.enrolment, running } };
  const view = dashboardView(app, req, now, false);
  // Read after: the report's own temporary tables count as writes of this connection.
  lastAnswer.set(app, { key, mark: repo.writeMark(), view });
  return view;
}
