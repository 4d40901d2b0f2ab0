// Runs in: tests (jsdom). The dashboard (its layout and its tabs, as routed) over a stand-in for
// main: the figures tab asks for the figures and nothing else, each tab asks for its own sources
// once and shows a failing one in place, the tabs are links that keep the port-day and follow the
// address (arrow keys and Enter), a verdict refreshes the review queue, the day's figures and the
// audit log by invalidation, a flag opens its case in place, a sign-off refreshes the referrals
// and the figures, the blind-first panel is on the verification tab, an export hands main's CSV
// and the daily report main's PDF to the browser's download.
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
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

const { default: DashboardLayout } =
  await import('../../../../renderer/src/features/dashboard/DashboardLayout');
const { dashboardTabs } = await import('../../../../renderer/src/features/dashboard/routes');

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
  answers['reporting.blindFirst'] = () => ({
    port: 'SYS',
    serviceDate: '2026-12-01',
    cells: [{ judgement: 'same', band: 'MATCH', count: 1 }],
    officers: [{ officer: 'ofc', judged: 1, agreed: 1, disagreed: 0, unsure: 0 }],
    pending: 0,
    disagreements: [],
  });
});

/** The dashboard at `path`, routed as the app routes it, without the polling. Answers stay fresh
 * until invalidated, so a second call is the invalidation's (or a refetch's) doing. */
function renderPage(path = '/dashboard') {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [{ path: '/dashboard', element: <DashboardLayout live={false} />, children: dashboardTabs }],
    { initialEntries: [path] },
  );
  renderUi(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

/** Opens a tab by its link, as a mouse user would. */
async function openTab(name: string | RegExp) {
  await userEvent.click(screen.getByRole('tab', { name }));
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

/** How many times each channel was asked, exactly. */
function expectCalls(expected: Partial<Record<ChannelName, number>>) {
  for (const [c, n] of Object.entries(expected)) expect(calls(c as ChannelName), c).toBe(n);
}

describe('Dashboard (layout and tabs)', () => {
  it("shows today's figures by name on the first tab, asking for nothing else", async () => {
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
    expect(screen.getByRole('tab', { name: 'The day' })).toHaveAttribute('aria-selected', 'true');
    // The figures tab reads the figures alone: the audited lists wait for their own tabs.
    expectCalls({
      'arrivals.dashboard': 1,
      'reporting.portDays': 1,
      'reporting.referrals': 0,
      'reporting.flagReview': 0,
      'reporting.blindFirst': 0,
      'face.accuracy': 0,
      'audit.recent': 0,
    });
  });

  it('asks each tab for its own sources once, and shows a failing one in place', async () => {
    renderPage();
    await screen.findByTestId('figure-scheduled');
    await openTab('Identity verification');
    expect(await screen.findByRole('alert')).toHaveTextContent('The face engine is not loaded.');
    // The other panels of the tab still show.
    expect(screen.getByRole('region', { name: 'Identity verification' })).toBeInTheDocument();
    expect(await screen.findByTestId('blind-first-summary')).toHaveTextContent('1 judged · 1 agreed');
    await openTab(/^Flags to review/);
    expect(await screen.findByRole('region', { name: 'Flags to review' })).toHaveTextContent('Ana Lopez');
    expect(screen.getByRole('table', { name: 'Flags by rule' })).toBeInTheDocument();
    await openTab(/^Referrals/);
    expect(
      await screen.findByRole('region', { name: 'Referrals to secondary inspection' }),
    ).toHaveTextContent('Bags to secondary');
    await openTab('Cross-port trends');
    expect(await screen.findByRole('region', { name: 'Shared across ports and days' })).toHaveTextContent(
      'Nothing shared across ports or days.',
    );
    await openTab('Audit log');
    expect(await screen.findByRole('region', { name: 'Audit log' })).toBeInTheDocument();
    // The panel shows before its query starts (on mount): its entries once main has answered.
    expect(await screen.findByRole('region', { name: 'Recent audit entries' })).toBeInTheDocument();
    expectCalls({
      'arrivals.dashboard': 1,
      'reporting.portDays': 1,
      'reporting.referrals': 1,
      // The review and trends tabs share one (audited) read.
      'reporting.flagReview': 1,
      'reporting.blindFirst': 1,
      'face.accuracy': 1,
      'audit.recent': 1,
    });
  });

  it('has a tab per part, each a link that keeps the port-day; the address picks the tab', async () => {
    const router = renderPage('/dashboard/referrals?port=SYS&date=2026-12-01');
    expect(
      await screen.findByRole('region', { name: 'Referrals to secondary inspection' }),
    ).toBeInTheDocument();
    const list = screen.getByRole('tablist', { name: 'Parts of the dashboard' });
    const tabs = within(list).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'The day',
      'Identity verification',
      'Flags to review1',
      'Referrals2',
      'Cross-port trends',
      'Audit log',
    ]);
    expect(tabs.map((t) => t.getAttribute('href'))).toEqual(
      ['', '/verification', '/review', '/referrals', '/trends', '/audit'].map(
        (p) => `/dashboard${p}?port=SYS&date=2026-12-01`,
      ),
    );
    expect(within(list).getByRole('tab', { selected: true })).toHaveTextContent('Referrals');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName(/^Referrals/);
    expect(call).toHaveBeenCalledWith('arrivals.dashboard', { port: 'SYS', date: '2026-12-01' });
    // Keyboard: the selected tab is the one in the tab order; arrows move along, Enter opens.
    await userEvent.tab();
    while (document.activeElement?.getAttribute('role') !== 'tab') await userEvent.tab();
    expect(document.activeElement).toHaveTextContent('Referrals');
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toHaveTextContent('Cross-port trends');
    expect(router.state.location.pathname).toBe('/dashboard/referrals');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('region', { name: 'Shared across ports and days' })).toBeInTheDocument();
    expect(router.state.location).toMatchObject({
      pathname: '/dashboard/trends',
      search: '?port=SYS&date=2026-12-01',
    });
    expect(within(list).getByRole('tab', { selected: true })).toHaveTextContent('Cross-port trends');
    // The address alone picks the tab too (a link followed, a reload).
    await router.navigate('/dashboard/verification?port=SYS&date=2026-12-01');
    expect(await screen.findByRole('region', { name: 'Identity verification' })).toBeInTheDocument();
    expect(within(list).getByRole('tab', { selected: true })).toHaveTextContent('Identity verification');
  });

  it('refreshes the review list and the audit log after a verdict', async () => {
    renderPage('/dashboard/audit');
    expect(await screen.findByRole('region', { name: 'Audit log' })).toBeInTheDocument();
    await openTab(/^Flags to review/);
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
    // The day's counts and precision per rule follow.
    expect(calls('arrivals.dashboard')).toBe(2);
    expect(await screen.findByTestId('precision-SHARED_PHONE')).toHaveTextContent('0 %');
    // The audit log was made stale by the verdict: back on its tab, it is asked again.
    await openTab('Audit log');
    await vi.waitFor(() => expect(calls('audit.recent')).toBe(2));
  });

  it('shows verification outcomes with small groups suppressed', async () => {
    renderPage('/dashboard/verification');
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
    renderPage('/dashboard/referrals');
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
    expect(await within(screen.getByRole('tab', { name: /^Referrals/ })).findByText('1')).toBeInTheDocument();
    expect(calls('reporting.referrals')).toBeGreaterThanOrEqual(2);
    await openTab('The day');
    expect(
      await within(await screen.findByTestId('figure-openReferrals')).findByText('1'),
    ).toBeInTheDocument();
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
