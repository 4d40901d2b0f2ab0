// Runs in: main process and CLI. Each of a port-day's tables as CSV, from the same figures the
// dashboard shows; every export is audited (the referral list holds personal data).
import type {
  CsvTable,
  DashboardView,
  PortDayRequest,
  ReferralView,
  VerificationCounts,
} from '../../ipc/channels/reporting';
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { type Cell, toCsv } from './csv';
import { arrivalsDashboard, daySubject, resolvePortDay } from './dashboard';
import { ReferralRepository } from './referral-repository';
import { toReferralView } from './referrals';
import { trends } from '../flags/trends';
import { TRENDS_PER_KIND } from './flag-review';

type Table = { header: string[]; rows: Cell[][] };

export const FIGURE_NAMES: [keyof DashboardView['figures'], string][] = [
  ['scheduled', 'Scheduled'],
  ['arrived', 'Arrived'],
  ['completed', 'Completed'],
  ['processed', 'Processed'],
  ['referred', 'Referred to secondary'],
  ['identityNotConfirmed', 'Identity not confirmed'],
  ['noShow', 'No-show'],
  ['stillToCome', 'Still to come'],
];

const workTable = (first: string, rows: DashboardView['booths']): Table => ({
  header: [first, 'Cases', 'Median minutes per case', 'P90 minutes per case', 'Referrals'],
  rows: rows.map((r) => [r.key, r.cases, r.medianMinutes, r.p90Minutes, r.referrals]),
});

const referralTable = (rows: ReferralView[]): Table => ({
  header: [
    'Applicant',
    'Name',
    'Slot',
    'Officer',
    'Booth',
    'Referred at',
    'Officer note',
    'Flags',
    'Sign-off',
    'Sign-off note',
    'Signed by',
    'Signed at',
  ],
  rows: rows.map((r) => [
    r.applicantId,
    r.name,
    r.slot,
    r.officer,
    r.booth,
    r.referredAt,
    r.note,
    r.flags.join(' '),
    r.signOff?.outcome ?? 'open',
    r.signOff?.note ?? '',
    r.signOff?.supervisor ?? '',
    r.signOff?.at ?? '',
  ]),
});

const COUNT_NAMES: [keyof VerificationCounts, string][] = [
  ['applicants', 'Applicants'],
  ['verifications', 'Face comparisons'],
  ['match', 'MATCH'],
  ['inconclusive', 'INCONCLUSIVE'],
  ['noMatch', 'NO_MATCH'],
  ['noResult', 'No result'],
  ['retries', 'Retries'],
  ['retried', 'Applicants compared more than once'],
  ['manualChecks', 'Manual identity checks'],
  ['decidedOnManualCheck', 'Decisions on a manual check'],
  ['livenessAdvisories', 'Liveness advisories'],
  ['blind', 'Blind-first comparisons'],
  ['blindAgreed', 'Blind-first judgement agreed'],
  ['blindDisagreed', 'Blind-first judgement disagreed'],
  ['confirmedAfterNonMatch', 'Confirmed after non-match'],
  ['notConfirmedAfterMatch', 'Not confirmed after match'],
];

// Everyone, then each group; a suppressed group says so in place of its numbers.
const verificationTable = (v: DashboardView['verification']): Table => ({
  header: ['Dimension', 'Group', ...COUNT_NAMES.map(([, label]) => label)],
  rows: [
    ['all', '', ...COUNT_NAMES.map(([k]) => v.overall[k])],
    ...v.groups.map((g) => [
      g.dimension,
      g.group,
      ...COUNT_NAMES.map(([k], i) => (g.counts ? g.counts[k] : i === 0 ? `fewer than ${v.minGroup}` : null)),
    ]),
  ],
});

const flagRulesTable = (rules: DashboardView['flagRules']): Table => ({
  header: [
    'Rule',
    'Version',
    'Open',
    'Acknowledged',
    'Reviewed',
    'Confirmed',
    'False positive',
    'Precision (day)',
    'Precision (all days)',
  ],
  rows: rules.map((r) => [
    r.ruleId,
    r.version,
    r.open,
    r.acknowledged,
    r.reviewed,
    r.confirmed,
    r.falsePositive,
    r.precision,
    r.precisionAllDays,
  ]),
});

function table(app: AppContext, name: CsvTable, req: PortDayRequest): Table {
  if (name === 'referrals') {
    const day = resolvePortDay(app, req)!;
    return referralTable(new ReferralRepository(app.db).forDay(day).map(toReferralView));
  }
  if (name === 'trends')
    return {
      header: [
        'Kind',
        'Shared value',
        'Applicants',
        'Unrelated households',
        'Applicants per port',
        'Days',
        'First',
        'Last',
      ],
      rows: trends(app.db, TRENDS_PER_KIND).map((t) => [
        t.kind,
        t.example,
        t.applicants,
        t.households,
        t.perPort.map((p) => `${p.port} ${p.applicants}`).join(' '),
        t.days,
        t.firstDate,
        t.lastDate,
      ]),
    };
  const d = arrivalsDashboard(app, req);
  switch (name) {
    case 'figures':
      return {
        header: ['Figure', 'Cases'],
        rows: [
          ...FIGURE_NAMES.map(([k, label]) => [label, d.figures[k]]),
          ['Open referrals', d.openReferrals],
        ],
      };
    case 'perHour':
      return {
        header: ['Hour', 'Scheduled', 'Completed'],
        rows: d.perHour.map((h) => [h.hour, h.scheduled, h.completed]),
      };
    case 'booths':
      return workTable('Booth', d.booths);
    case 'officers':
      return workTable('Officer', d.officers);
    case 'verification':
      return verificationTable(d.verification);
    case 'flagRules':
      return flagRulesTable(d.flagRules);
  }
}

export function exportCsv(
  app: AppContext,
  viewer: string,
  req: PortDayRequest & { table: CsvTable },
): { filename: string; csv: string; rows: number } {
  const day = resolvePortDay(app, req);
  if (!day) throw new AppError('CONFLICT', 'This console has no port yet: choose a port to export.');
  const t = table(app, req.table, day);
  app.audit.append({
    actor: viewer,
    action: 'report.export',
    subject: daySubject(day),
    details: { table: req.table, format: 'csv', rows: t.rows.length },
  });
  return {
    filename: `${day.port}-${day.date}-${req.table}.csv`,
    csv: toCsv(t.header, t.rows),
    rows: t.rows.length,
  };
}
