// Runs in: main process and CLI. The printable daily report of a port-day, as PDF (pdfkit): the
// day's figures, completions per hour against scheduled and flags by rule as drawn vector bars,
// per booth and officer, verification outcomes (small groups suppressed), and the referral list
// with the officer's notes and sign-offs. One module for the app's channel and `arrivals report
// daily`; every report is audited (the referral list names people).
import PDFDocument from 'pdfkit';
import type {
  DashboardView,
  PortDayRequest,
  ReferralView,
  VerificationCounts,
  VerificationGroup,
} from '../../ipc/channels/reporting';
import type { AppContext } from '../app-context';
import { portByCode } from '../domain/ports';
import { AppError } from '../platform/app-error';
import { arrivalsDashboard, daySubject, resolvePortDay } from './dashboard';
import { FIGURE_NAMES } from './export';
import { ReferralRepository } from './referral-repository';
import { toReferralView } from './referrals';
import { reportFont, toWinAnsi, type ReportFont } from './report-font';

export interface DailyReport {
  filename: string;
  bytes: Buffer;
  pages: number;
  font: ReportFont;
}

const MARGIN = 40;
const GREY = '#6b7280';
const LINE = '#d1d5db';
const COLOURS = {
  scheduled: '#9ca3af',
  completed: '#1c7ed6',
  open: '#f08c00',
  acknowledged: '#4dabf7',
  reviewed: '#37b24d',
};

type Align = 'left' | 'right';
interface Column {
  header: string;
  /** Share of the line's width. */
  width: number;
  align?: Align;
}

const ruleName = (id: string) => id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, ' ');
const percent = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)} %` : '—');
const SEX: Record<string, string> = { F: 'female', M: 'male', X: 'unspecified' };
const AGE: Record<string, string> = {
  under18: 'under 18',
  '18-29': '18–29',
  '30-44': '30–44',
  '45-59': '45–59',
  '60plus': '60 and over',
  unknown: 'unknown',
};
const DIMENSION: Record<VerificationGroup['dimension'], string> = {
  sex: 'Sex',
  age: 'Age',
  nationality: 'Nationality',
  language: 'Language',
};
const OUTCOME: Record<string, string> = {
  admitted: 'Admitted',
  not_admitted: 'Not admitted',
  further_action: 'Further action',
};

/** Page layout over a pdfkit document: headings, paragraphs, tables that break across pages. */
class Layout {
  readonly doc: PDFKit.PDFDocument;
  private readonly text: (s: string) => string;

  constructor(
    readonly font: ReportFont,
    title: string,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      info: { Title: title, Creator: 'Arrivals Console' },
    });
    this.doc.registerFont('body', font.regular);
    this.doc.registerFont('bold', font.bold);
    this.doc.font('body');
    this.text = font.unicode ? (s) => s : toWinAnsi;
  }

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }
  private get bottom(): number {
    return this.doc.page.height - MARGIN - 16;
  }

  /** Room for `h` points on this page, else a new page. */
  need(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  heading(s: string, size = 13): void {
    this.need(size * 4);
    this.doc.moveDown(0.6).font('bold').fontSize(size).fillColor('black').text(this.text(s), MARGIN);
    this.doc.font('body').fontSize(9).moveDown(0.3);
  }

  para(s: string, opts: { size?: number; colour?: string; bold?: boolean } = {}): void {
    const { size = 9, colour = 'black', bold = false } = opts;
    this.doc
      .font(bold ? 'bold' : 'body')
      .fontSize(size)
      .fillColor(colour)
      .text(this.text(s), MARGIN, undefined, { width: this.width });
    this.doc.font('body').fillColor('black');
  }

  /** A table; a row too tall for the rest of the page starts the next one, under the header again. */
  table(columns: Column[], rows: (string | number)[][], opts: { size?: number } = {}): void {
    const size = opts.size ?? 8.5;
    const { doc } = this;
    const widths = columns.map((c) => c.width * this.width);
    const pad = 3;
    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return (
        Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad
      );
    };
    const draw = (cells: string[], font: string, fill?: string) => {
      const h = rowHeight(cells, font);
      const y = doc.y;
      if (fill) doc.rect(MARGIN, y, this.width, h).fill(fill);
      let x = MARGIN;
      doc.fillColor('black').font(font).fontSize(size);
      cells.forEach((c, i) => {
        doc.text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
        x += widths[i]!;
      });
      doc
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + this.width, y + h)
        .lineWidth(0.5)
        .strokeColor(LINE)
        .stroke();
      doc.x = MARGIN;
      doc.y = y + h;
    };
    const header = columns.map((c) => this.text(c.header));
    this.need(rowHeight(header, 'bold') * 2);
    draw(header, 'bold', '#f1f3f5');
    for (const row of rows) {
      const cells = row.map((c) => this.text(String(c)));
      if (doc.y + rowHeight(cells, 'body') > this.bottom) {
        doc.addPage();
        draw(header, 'bold', '#f1f3f5');
      }
      draw(cells, 'body');
    }
    doc.font('body').fontSize(9).moveDown(0.5);
  }

  /** A key for the colours of a chart, on one line. */
  legend(items: [string, string][]): void {
    const { doc } = this;
    let x = MARGIN;
    const y = doc.y;
    doc.fontSize(8);
    for (const [label, colour] of items) {
      doc.rect(x, y + 1, 8, 8).fill(colour);
      doc.fillColor('black').text(this.text(label), x + 11, y, { lineBreak: false });
      x += 11 + doc.widthOfString(this.text(label)) + 14;
    }
    doc.x = MARGIN;
    doc.y = y + 14;
  }

  /** Page numbers and the port-day at the foot of every page (drawn last, over the bottom margin). */
  footer(label: string): number {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('body')
        .fontSize(7.5)
        .fillColor(GREY)
        .text(this.text(`${label} · page ${i + 1} of ${range.count}`), MARGIN, doc.page.height - MARGIN + 8, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    return range.count;
  }
}

function figures(l: Layout, d: DashboardView): void {
  const { doc } = l;
  const tiles: [string, number][] = [
    ...FIGURE_NAMES.map(([k, label]): [string, number] => [label, d.figures[k]]),
    ['Open referrals', d.openReferrals],
  ];
  const perRow = 5;
  const w = l.width / perRow;
  const h = 34;
  l.need(h * Math.ceil(tiles.length / perRow) + 10);
  const top = doc.y;
  tiles.forEach(([label, n], i) => {
    const x = MARGIN + (i % perRow) * w;
    const y = top + Math.floor(i / perRow) * (h + 4);
    doc
      .roundedRect(x + 2, y, w - 4, h, 3)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    doc
      .font('body')
      .fontSize(7.5)
      .fillColor(GREY)
      .text(label, x + 7, y + 4, { width: w - 14, lineBreak: false });
    doc
      .font('bold')
      .fontSize(14)
      .fillColor('black')
      .text(String(n), x + 7, y + 15, { width: w - 14, lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = top + Math.ceil(tiles.length / perRow) * (h + 4);
  doc.font('body').fontSize(9);
  l.para('Each case counts once, by its latest decision: a correction replaces the decision it corrects.', {
    size: 7.5,
    colour: GREY,
  });
}

/** A chart's gridline step: a whole 1, 2, 3 or 5 times a power of ten, with `n` under four steps. */
function niceStep(n: number): number {
  const raw = Math.max(1, n / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 3, 5, 10].map((m) => m * p).find((m) => m >= raw)!;
}

function hourChart(l: Layout, rows: DashboardView['perHour']): void {
  const { doc } = l;
  if (!rows.length) return l.para('Nothing scheduled or completed on this day.', { colour: GREY });
  const h = 130;
  const left = MARGIN + 28;
  const w = l.width - 28;
  l.need(h + 40);
  const top = doc.y + 4;
  const step = niceStep(Math.max(...rows.map((r) => Math.max(r.scheduled, r.completed))));
  const max = 4 * step;
  doc.fontSize(7).fillColor(GREY);
  for (let k = 0; k <= 4; k++) {
    const y = top + h - (h * k) / 4;
    doc
      .moveTo(left, y)
      .lineTo(left + w, y)
      .lineWidth(0.3)
      .strokeColor(LINE)
      .stroke();
    doc
      .fillColor(GREY)
      .text(String(step * k), MARGIN, y - 4, { width: 24, align: 'right', lineBreak: false });
  }
  const slot = w / rows.length;
  const bar = Math.min(14, slot * 0.36);
  const every = Math.ceil(26 / slot);
  rows.forEach((r, i) => {
    const x = left + i * slot + slot / 2;
    const hs = (h * r.scheduled) / max;
    const hc = (h * r.completed) / max;
    if (hs) doc.rect(x - bar - 1, top + h - hs, bar, hs).fill(COLOURS.scheduled);
    if (hc) doc.rect(x + 1, top + h - hc, bar, hc).fill(COLOURS.completed);
    if (i % every === 0)
      doc
        .fillColor(GREY)
        .fontSize(7)
        .text(r.hour, x - 14, top + h + 3, { width: 28, align: 'center', lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = top + h + 14;
  l.legend([
    ['Scheduled', COLOURS.scheduled],
    ['Completed', COLOURS.completed],
  ]);
}

function flagChart(l: Layout, rules: DashboardView['flagRules']): void {
  const { doc } = l;
  const shown = rules.filter((r) => r.open + r.acknowledged + r.reviewed > 0);
  if (!shown.length) return l.para('No flags on this day’s applicants.', { colour: GREY });
  const label = 120;
  const w = l.width - label - 40;
  const max = Math.max(...shown.map((r) => r.open + r.acknowledged + r.reviewed));
  l.need(shown.length * 14 + 30);
  for (const r of shown) {
    const y = doc.y;
    doc
      .fillColor('black')
      .fontSize(8)
      .text(ruleName(r.ruleId), MARGIN, y + 1, { width: label - 6, lineBreak: false });
    let x = MARGIN + label;
    for (const part of ['open', 'acknowledged', 'reviewed'] as const) {
      const pw = (w * r[part]) / max;
      if (pw) doc.rect(x, y, pw, 10).fill(COLOURS[part]);
      x += pw;
    }
    const total = r.open + r.acknowledged + r.reviewed;
    doc.fillColor('black').text(String(total), x + 4, y + 1, { lineBreak: false });
    doc.x = MARGIN;
    doc.y = y + 14;
  }
  l.legend([
    ['Open', COLOURS.open],
    ['Acknowledged', COLOURS.acknowledged],
    ['Reviewed', COLOURS.reviewed],
  ]);
}

function verification(l: Layout, v: DashboardView['verification']): void {
  const o = v.overall;
  if (!o.applicants)
    return l.para('No face comparisons or manual identity checks on this day.', { colour: GREY });
  const bands = `MATCH ${percent(o.match, o.verifications)} (${o.match}), INCONCLUSIVE ${percent(o.inconclusive, o.verifications)} (${o.inconclusive}), NO MATCH ${percent(o.noMatch, o.verifications)} (${o.noMatch}), no result ${o.noResult}`;
  l.para(`Face comparisons: ${o.verifications} for ${o.applicants} applicants. ${bands}.`);
  l.para(
    `Retries: ${o.retries} (${o.retried} applicants compared more than once). Manual identity checks: ${o.manualChecks} (${o.decidedOnManualCheck} decisions rest on one). Liveness advisories: ${o.livenessAdvisories}.`,
  );
  l.para(
    `Officer overrides: identity confirmed after a non-match ${o.confirmedAfterNonMatch}, not confirmed after a match ${o.notConfirmedAfterMatch}. Blind-first comparisons: ${o.blind} (judgement agreed with the band ${o.blindAgreed}, disagreed ${o.blindDisagreed}).`,
  );
  const cells = (c: VerificationCounts) => [
    c.applicants,
    c.verifications,
    percent(c.match, c.verifications),
    percent(c.inconclusive, c.verifications),
    percent(c.noMatch, c.verifications),
    c.retries,
    c.manualChecks,
    c.livenessAdvisories,
    c.confirmedAfterNonMatch + c.notConfirmedAfterMatch,
  ];
  const groupName = (g: VerificationGroup) =>
    `${DIMENSION[g.dimension]}: ${g.dimension === 'sex' ? (SEX[g.group] ?? g.group) : g.dimension === 'age' ? (AGE[g.group] ?? g.group) : g.group}`;
  l.doc.moveDown(0.3);
  l.table(
    [
      { header: 'Group', width: 0.17 },
      ...[
        'People',
        'Attempts',
        'MATCH',
        'INCONCL.',
        'NO MATCH',
        'Retries',
        'Manual',
        'Liveness',
        'Overrides',
      ].map((header) => ({ header, width: 0.83 / 9, align: 'right' as const })),
    ],
    v.groups.map((g) =>
      g.counts
        ? [groupName(g), ...cells(g.counts)]
        : [groupName(g), `fewer than ${v.minGroup}`, '', '', '', '', '', '', '', ''],
    ),
    { size: 7.5 },
  );
  l.para(
    `People: applicants compared or checked by hand; attempts: face comparisons; manual: manual identity checks; liveness: liveness advisories; overrides: decisions against the band; age in whole years on the day. Groups of fewer than ${v.minGroup} applicants are not shown (nor, where that alone would reveal one, the next smallest). These figures hold the matcher and the booths to account; they never feed a flag or a decision.`,
    { size: 7.5, colour: GREY },
  );
}

function referrals(l: Layout, list: ReferralView[], time: (iso: string) => string): void {
  if (!list.length) return l.para('No referrals on this day.', { colour: GREY });
  l.table(
    [
      { header: 'Applicant', width: 0.2 },
      { header: 'Referred', width: 0.1 },
      { header: 'Officer · booth', width: 0.14 },
      { header: 'Officer’s reason and note', width: 0.28 },
      { header: 'Sign-off', width: 0.28 },
    ],
    list.map((r) => [
      `${r.name || '(purged)'}\n${r.applicantId}`,
      time(r.referredAt),
      `${r.officer} · ${r.booth}`,
      [r.note || 'No note', r.flags.length ? `Flags: ${r.flags.map(ruleName).join(', ')}` : '']
        .filter(Boolean)
        .join('\n'),
      r.signOff
        ? `${OUTCOME[r.signOff.outcome] ?? r.signOff.outcome} · ${r.signOff.supervisor}, ${time(r.signOff.at)}\n${r.signOff.note}`
        : 'open',
    ]),
  );
}

const work = (l: Layout, first: string, rows: DashboardView['booths']) =>
  rows.length
    ? l.table(
        [
          { header: first, width: 0.36 },
          { header: 'Cases', width: 0.16, align: 'right' },
          { header: 'Median min', width: 0.16, align: 'right' },
          { header: '90th pct min', width: 0.16, align: 'right' },
          { header: 'Referrals', width: 0.16, align: 'right' },
        ],
        rows.map((r) => [r.key, r.cases, r.medianMinutes ?? '—', r.p90Minutes ?? '—', r.referrals]),
      )
    : l.para('No completed cases on this day.', { colour: GREY });

/** Renders the report; audited as an export of the port-day (with whose referrals it lists). */
export async function dailyReportPdf(
  app: AppContext,
  viewer: string,
  req: PortDayRequest,
  opts: { now?: Date; font?: ReportFont } = {},
): Promise<DailyReport> {
  const now = opts.now ?? new Date();
  const day = resolvePortDay(app, req, now);
  if (!day) throw new AppError('CONFLICT', 'This console has no port yet: choose a port for the report.');
  const port = portByCode(day.port)!;
  const d = arrivalsDashboard(app, day, now);
  const list = new ReferralRepository(app.db).forDay(day).map(toReferralView);
  const at = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: port.timeZone, ...opts });
  const time = (iso: string) => at({ hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const longDate = at({
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    weekday: 'long',
  }).format(new Date(`${day.date}T12:00:00Z`));
  const font = opts.font ?? reportFont();
  const title = `Daily report: ${port.name} (${port.code}), ${day.date}`;
  const l = new Layout(font, title);
  l.para(title, { size: 17, bold: true });
  l.para(
    `${longDate} · generated ${at({ dateStyle: 'medium', timeStyle: 'short' }).format(now)} (${port.timeZone}) by ${viewer}`,
    { colour: GREY },
  );
  l.heading('The day at a glance');
  figures(l, d);
  l.heading('Completions per hour against scheduled');
  hourChart(l, d.perHour);
  l.heading('Per booth', 11);
  work(l, 'Booth', d.booths);
  l.heading('Per officer', 11);
  work(l, 'Officer', d.officers);
  l.heading('Verification outcomes');
  verification(l, d.verification);
  l.heading('Flags by rule');
  flagChart(l, d.flagRules);
  const reviewed = d.flagRules.filter((r) => r.open + r.acknowledged + r.reviewed > 0);
  if (reviewed.length)
    l.table(
      [
        { header: 'Rule', width: 0.28 },
        ...['Open', 'Acknowledged', 'Reviewed', 'Confirmed', 'False positive', 'Precision'].map((header) => ({
          header,
          width: 0.12,
          align: 'right' as const,
        })),
      ],
      reviewed.map((r) => [
        ruleName(r.ruleId),
        r.open,
        r.acknowledged,
        r.reviewed,
        r.confirmed,
        r.falsePositive,
        r.precision === null ? '—' : `${Math.round(r.precision * 100)} %`,
      ]),
    );
  l.heading(`Referrals to secondary inspection (${list.length}, ${d.openReferrals} open)`);
  referrals(l, list, time);
  if (!font.unicode)
    l.para(
      'Names are shown without the letters the built-in PDF font lacks: install the Noto Sans font package for every script.',
      { size: 7.5, colour: GREY },
    );
  const pages = l.footer(`${port.code} · ${day.date} · Arrivals Console daily report`);
  const bytes = await finish(l.doc);
  app.audit.append({
    actor: viewer,
    action: 'report.export',
    subject: daySubject(day),
    details: {
      table: 'daily',
      format: 'pdf',
      pages,
      referrals: list.length,
      applicants: list.map((r) => r.applicantId),
    },
  });
  return { filename: `${day.port}-${day.date}-daily-report.pdf`, bytes, pages, font };
}

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
