// Runs in: tests (jsdom). The dashboard container over a stand-in for main: it asks for its
// four sources once, shows a failing one in place without hiding the others, and a verdict
// refreshes the flags and the audit log by invalidation.
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
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

beforeEach(() => {
  call.mockClear();
  verdict = null;
  answers['arrivals.dashboard'] = () => ({
    port: 'SYS',
    serviceDate: '2026-12-01',
    appointments: { scheduled: 3, no_show: 1 },
    dispositions: { referred_secondary: 2 },
    verificationBands: { MATCH: 2 },
    perHour: [{ hour: '09:00', completed: 2 }],
    pendingUploads: 0,
    enrolment: { running: false, done: 4, total: 4, unusable: 0 },
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
    <QueryClientProvider client={client}>
      <DashboardPage />
    </QueryClientProvider>,
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
      within(outcomes).getByRole('progressbar', { name: 'Referred to secondary inspection: 2 of 2' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Appointments' })).toHaveTextContent('no show');
    expect(await screen.findByRole('alert')).toHaveTextContent('The face engine is not loaded.');
    // The other panels still show.
    expect(screen.getByRole('region', { name: 'Flags to review' })).toHaveTextContent('Ana Lopez');
    expect(screen.getByRole('region', { name: 'Audit log' })).toBeInTheDocument();
    for (const c of ['arrivals.dashboard', 'flags.overview', 'face.accuracy', 'audit.recent'] as const) {
      expect(calls(c)).toBe(1);
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
});
