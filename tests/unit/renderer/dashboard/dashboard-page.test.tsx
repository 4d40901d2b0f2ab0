// Runs in: tests (jsdom). The dashboard container over a stand-in for main: it asks for its
// sources once, shows a failing one in place without hiding the others, a verdict refreshes the
// review queue, the day's figures and the audit log by invalidation, a flag opens its case in
// place, a sign-off refreshes the referrals and the figures, an export hands main's CSV and the
// daily report main's PDF to the browser's download.
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { ChannelName } from '../../../../ipc/contract';
import { VerificationCounts } from '../../../../ipc/channels/reporting';
import { renderUi } from '../render';
import { reviewFlag as flagFixture } from './review-flag';

const answers: Partial<Record<ChannelName, (req: unknown) => unknown>> = {};
const call = vi.fn(async (channel: ChannelName, req: unknown) => {
  const answer = answers[channel];
  if (!answer) throw Object.assign(new Error(`no answer for ${channel}`), { code: 'INTERNAL' });
  return answer(req);
});
vi.mock('../../../../renderer/src/api', () => ({ call: (c: ChannelName, r: unknown) => call(c, r) }));

const { default: DashboardPage } =
  await import('../../../../renderer/src/features/dashboard/pages/DashboardPage');

const reviewFlag = flagFixture({
  id: 7,
  ruleId: 'SHARED_PHONE',
  severity: 'medium',
  explanation: 'Three unrelated households gave +1 555 0100.',
  applicantId: 'A7',
});

let verdict: string | null;

const zeroCounts = Object.fromEntries(
  Object.keys(VerificationCounts.shape).map((k) => [k, 0]),
) as VerificationCounts;

/** The flagged applicant's case as applicant.get answers it. */
const caseOf = {
  applicantId: 'A7',
  groupId: 'G1',
  port: 'SYS',
  timeZone: 'America/Los_Angeles',
  serviceDate: '2026-12-01',
  givenNames: 'Ana',
  familyNames: 'Lopez',
  nameAsWritten: 'Ana Lopez',
  dob: '1990-01-01',
  sex: 'F',
  nationality: 'VEN',
  countryOfBirth: 'VEN',
  document: null,
  address: { line1: '12 Elm St', line2: null, city: 'San Diego', state: 'CA', zip: '92101' },
  phone: '+1 555 0100',
  email: 'ana@example.com',
  language: 'es',
  deviceId: 'd1',
  photo: null,
  photoMissingReason: 'none',
  photoCapturedAt: null,
  group: [],
  appointments: [],
  flags: [
    {
      ...reviewFlag,
      evidence: {
        others: [
          {
            applicantId: 'A9',
            name: 'Luis Diaz',
            port: 'ELP',
            serviceDate: '2026-11-30',
            groupId: 'G9',
            matched: '+1 555 0100',
          },
        ],
      },
    },
  ],
  encounters: [],
};
let signed: { outcome: 'admitted'; note: string; supervisor: string; at: string } | null;

const referral = {
  encounterId: 'E1',
  applicantId: 'A1',
  name: 'Ana Lopez',
  slot: '2026-12-01T17:00:00Z',
  officer: 'ofc',
  booth: 'Booth 1',
  referredAt: '2026-12-01T17:20:00Z',
  note: 'Bags to secondary',
  flags: ['SHARED_PHONE'],
};

beforeEach(() => {
  call.mockClear();
  verdict = null;
  signed = null;
  answers['arrivals.dashboard'] = () => ({
    port: 'SYS',
    serviceDate: '2026-12-01',
    timeZone: 'America/Los_Angeles',
    figures: {
      scheduled: 3,
      arrived: 2,
      completed: 2,
      processed: 0,
      referred: 2,
      identityNotConfirmed: 0,
      noShow: 1,
      stillToCome: 0,
    },
    perHour: [{ hour: '09:00', scheduled: 3, completed: 2 }],
    booths: [{ key: 'Booth 1', cases: 2, medianMinutes: 4.5, p90Minutes: 7, referrals: 2 }],
    officers: [{ key: 'ofc', cases: 2, medianMinutes: 4.5, p90Minutes: 7, referrals: 2 }],
    appointments: { scheduled: 3, no_show: 1 },
    verificationBands: { MATCH: 2 },
    verification: {
      overall: {
        ...zeroCounts,
        applicants: 2,
        verifications: 3,
        match: 2,
        noMatch: 1,
        retries: 1,
        retried: 1,
      },
      groups: [
        { dimension: 'sex', group: 'F', suppressed: true, counts: null },
        { dimension: 'age', group: '30-44', suppressed: true, counts: null },
      ],
      minGroup: 10,
    },
    flagRules: [
      {
        ruleId: 'SHARED_PHONE',
        description: '',
        version: 1,
        open: verdict ? 0 : 1,
        acknowledged: 0,
        reviewed: verdict ? 1 : 0,
        confirmed: 0,
        falsePositive: verdict ? 1 : 0,
        precision: verdict ? 0 : null,
        precisionAllDays: verdict ? 0 : null,
      },
    ],
    openReferrals: signed ? 1 : 2,
    pendingUploads: 0,
    enrolment: { running: false, done: 4, total: 4, unusable: 0 },
  });
  answers['reporting.portDays'] = () => [
    { port: 'SYS', serviceDate: '2026-12-01' },
    { port: 'SYS', serviceDate: '2026-11-30' },
  ];
  answers['reporting.referrals'] = () => [
    { ...referral, signOff: signed },
    { ...referral, encounterId: 'E2', applicantId: 'A2', name: 'Luis Diaz', note: '' },
  ];
  answers['reporting.signOff'] = (req) => {
    const { outcome, note } = req as { outcome: 'admitted'; note: string };
    signed = { outcome, note, supervisor: 'sup', at: '2026-12-01T18:00:00Z' };
    return { ...referral, signOff: signed };
  };
  answers['reporting.exportCsv'] = () => ({
    filename: 'SYS-2026-12-01-booths.csv',
    csv: '\uFEFFBooth\r\n',
    rows: 1,
  });
  answers['reporting.flagReview'] = () => ({
    queue: [
      {
        ...reviewFlag,
        feedback: verdict,
        feedbackBy: verdict && 'sup',
        feedbackAt: verdict && '2026-12-01T18:00:00Z',
      },
    ],
    total: 1,
    trends: [],
  });
  answers['applicant.get'] = () => caseOf;
  answers['reporting.dailyReport'] = () => ({
    filename: 'SYS-2026-12-01-daily-report.pdf',
    pdfBase64: btoa('%PDF-1.3 x'),
    pages: 1,
  });
  answers['flags.feedback'] = (req) => {
    verdict = (req as { verdict: string }).verdict;
    return { ...reviewFlag, feedback: verdict };
  };
  answers['face.accuracy'] = () => {
    throw Object.assign(new Error('The face engine is not loaded.'), { code: 'INTERNAL' });
  };
  answers['audit.recent'] = () => [];
});

function renderPage() {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return renderUi(
    <MemoryRouter>
      <QueryClientProvider client={client}>
        <DashboardPage live={false} />
      </QueryClientProvider>
    </MemoryRouter>,
  );
}

/** The files handed to the browser's download: each blob made, and each link clicked (its name). */
function captureDownloads() {
  const created: Blob[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:file'));
  URL.revokeObjectURL = vi.fn();
  const clicked: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
  return { created, clicked };
}

const calls = (channel: ChannelName) => call.mock.calls.filter(([c]) => c === channel).length;

describe('DashboardPage', () => {
  it("shows today's figures by name, and a failing source in place", async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    const outcomes = await screen.findByRole('region', { name: 'Outcomes' });
    expect(outcomes).toHaveTextContent('Referred to secondary inspection');
    expect(
      within(outcomes).getByRole('progressbar', { name: 'Referred to secondary inspection: 2 of 3' }),
    ).toBeInTheDocument();
    const glance = await screen.findByRole('region', { name: 'The day at a glance' });
    expect(within(glance).getByTestId('figure-referred')).toHaveTextContent('Referred2');
    expect(within(glance).getByTestId('figure-openReferrals')).toHaveTextContent('Open referrals2');
    const booths = screen.getByRole('table', { name: 'Per booth' });
    expect(within(booths).getByRole('row', { name: /Booth 1/ })).toHaveTextContent('Booth 124.572');
    expect(
      screen.getByRole('table', { name: 'Completions and scheduled appointments per hour' }),
    ).toHaveTextContent('09:0032');
    expect(screen.getByRole('region', { name: 'Appointments' })).toHaveTextContent('no show');
    expect(await screen.findByRole('alert')).toHaveTextContent('The face engine is not loaded.');
    // The other panels still show.
    expect(screen.getByRole('region', { name: 'Flags to review' })).toHaveTextContent('Ana Lopez');
    expect(screen.getByRole('region', { name: 'Audit log' })).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Referrals to secondary inspection' }),
    ).toHaveTextContent('Bags to secondary');
    for (const c of [
      'arrivals.dashboard',
      'reporting.portDays',
      'reporting.referrals',
      'reporting.flagReview',
      'face.accuracy',
      'audit.recent',
    ] as const) {
      expect(calls(c), c).toBe(1);
    }
  });

  it('refreshes the review list and the audit log after a verdict', async () => {
    renderPage();
    const flag = await screen.findByTestId('review-flag');
    // Opened in place: the case and the flag's evidence (applicant.get audits the view).
    await userEvent.click(within(flag).getByRole('button', { name: 'Case and evidence' }));
    const opened = await within(flag).findByTestId('flag-case');
    expect(opened).toHaveTextContent('Case of Ana Lopez');
    expect(within(opened).getByRole('table', { name: /Evidence/ })).toHaveTextContent('Luis Diaz');
    expect(call).toHaveBeenCalledWith('applicant.get', { applicantId: 'A7' });
    await userEvent.type(within(flag).getByRole('textbox', { name: /Review note/ }), 'Same sponsor');
    await userEvent.click(within(flag).getByRole('button', { name: 'False positive' }));
    expect(
      await within(await screen.findByTestId('review-flag')).findByText(/^False positive · sup/),
    ).toBeInTheDocument();
    expect(call).toHaveBeenCalledWith('flags.feedback', {
      flagId: 7,
      verdict: 'false_positive',
      note: 'Same sponsor',
    });
    expect(calls('reporting.flagReview')).toBe(2);
    expect(calls('audit.recent')).toBe(2);
    // The day's counts and precision per rule follow.
    expect(calls('arrivals.dashboard')).toBe(2);
    expect(await screen.findByTestId('precision-SHARED_PHONE')).toHaveTextContent('0 %');
  });

  it('shows verification outcomes with small groups suppressed', async () => {
    renderPage();
    const v = await screen.findByRole('region', { name: 'Identity verification' });
    expect(within(v).getByTestId('verification-verifications')).toHaveTextContent('3 for 2 applicants');
    expect(within(v).getByTestId('verification-match')).toHaveTextContent('67 %');
    expect(within(v).getByTestId('verification-retries')).toHaveTextContent('1 (1 people)');
    const table = within(v).getByRole('table', { name: 'Identity verification by Sex' });
    expect(within(table).getByRole('row', { name: /female/ })).toHaveTextContent('femalefewer than 10');
    await userEvent.click(within(v).getByText('Age band'));
    expect(within(v).getByRole('table', { name: 'Identity verification by Age band' })).toHaveTextContent(
      '30–44fewer than 10',
    );
  });

  it("downloads the day's report as PDF, named as main named it", async () => {
    const { created, clicked } = captureDownloads();
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Daily report (PDF)' }));
    expect(call).toHaveBeenCalledWith('reporting.dailyReport', {});
    await vi.waitFor(() => expect(clicked).toEqual(['SYS-2026-12-01-daily-report.pdf']));
    expect(created[0]!.type).toBe('application/pdf');
    expect(new TextDecoder().decode(await created[0]!.arrayBuffer())).toBe('%PDF-1.3 x');
  });

  it('signs off a referral with an outcome and a note, then the list and the open count refresh', async () => {
    renderPage();
    const cell = await screen.findByTestId('signoff-E1');
    const sign = within(cell).getByRole('button', { name: 'Sign off' });
    expect(sign).toBeDisabled();
    await userEvent.selectOptions(within(cell).getByRole('combobox', { name: 'Outcome' }), 'Admitted');
    await userEvent.type(within(cell).getByRole('textbox', { name: 'Note' }), 'Cleared at secondary');
    await userEvent.click(sign);
    expect(call).toHaveBeenCalledWith('reporting.signOff', {
      encounterId: 'E1',
      outcome: 'admitted',
      note: 'Cleared at secondary',
    });
    expect(
      await within(await screen.findByTestId('signoff-E1')).findByText(/Admitted · sup/),
    ).toBeInTheDocument();
    expect(await within(screen.getByTestId('figure-openReferrals')).findByText('1')).toBeInTheDocument();
    expect(calls('reporting.referrals')).toBeGreaterThanOrEqual(2);
  });

  it("exports a table: main's file goes to the browser's download, named as main named it", async () => {
    const { created, clicked } = captureDownloads();
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Export Per booth as CSV' }));
    expect(call).toHaveBeenCalledWith('reporting.exportCsv', { table: 'booths' });
    await vi.waitFor(() => expect(clicked).toEqual(['SYS-2026-12-01-booths.csv']));
    // The bytes as saved: UTF-8 with its byte-order mark (Blob.text() would hide the mark).
    expect([...new Uint8Array(await created[0]!.arrayBuffer())]).toEqual([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('Booth\r\n'),
    ]);
  });
});
