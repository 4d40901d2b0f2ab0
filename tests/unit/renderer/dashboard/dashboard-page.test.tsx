// Runs in: tests (jsdom). The dashboard container over a stand-in for main: it asks for its
// sources once, shows a failing one in place without hiding the others, a verdict refreshes the
// flags and the audit log by invalidation, a sign-off the referrals and the figures, and an
// export hands main's CSV to the browser's download.
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { ChannelName } from '../../../../ipc/contract';
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
  answers['flags.overview'] = () => ({
    rules: [],
    trends: [],
    recent: [{ ...reviewFlag, feedback: verdict }],
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
      'flags.overview',
      'face.accuracy',
      'audit.recent',
    ] as const) {
      expect(calls(c), c).toBe(1);
    }
  });

  it('refreshes the review list and the audit log after a verdict', async () => {
    renderPage();
    const flag = await screen.findByTestId('review-flag');
    await userEvent.click(within(flag).getByRole('button', { name: 'False positive' }));
    expect(
      await within(await screen.findByTestId('review-flag')).findByText('false positive'),
    ).toBeInTheDocument();
    expect(call).toHaveBeenCalledWith('flags.feedback', { flagId: 7, verdict: 'false_positive' });
    expect(calls('flags.overview')).toBe(2);
    expect(calls('audit.recent')).toBe(2);
    expect(calls('arrivals.dashboard')).toBe(1);
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
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:csv'));
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
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
