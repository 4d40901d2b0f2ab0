// Runs in: tests (jsdom). The booth over a stand-in for main: a search looks at today's manifest
// only, unless the officer switches on "Other ports"; then main is asked to look up the id at the
// vetting window's other ports too (main records that in the audit log, queue.view otherPorts),
// and a booking found there says where and on which day it is.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ChannelName } from '../../../../ipc/contract';
import type { QueueView } from '../../../../ipc/channels/queue';
import { renderUi } from '../render';
import { layOutLists } from './list-layout';
import { queueItem } from './queue-item';

layOutLists();

const call = vi.fn(async (channel: ChannelName, req: unknown): Promise<unknown> => {
  if (channel !== 'queue.today')
    throw Object.assign(new Error(`no answer for ${channel}`), { code: 'INTERNAL' });
  return queueToday(req as { search?: string; otherPorts?: boolean });
});
vi.mock('../../../../renderer/src/api', () => ({ call: (c: ChannelName, r: unknown) => call(c, r) }));

const { default: BoothPage } = await import('../../../../renderer/src/features/booth/BoothPage');

const row = queueItem;

/** Booked at Tijuana's crossing two days later: only an id lookup with otherPorts finds it. */
const ELSEWHERE_ID = 'TIJ-20261203-00042';
const elsewhere = row({
  appointmentId: 'AP-TIJ-20261203-00042',
  applicantId: ELSEWHERE_ID,
  givenNames: 'Marta',
  familyNames: 'Ruiz',
  nameAsWritten: 'Marta Ruiz',
  slot: '2026-12-03T18:00:00Z',
  match: 'id',
  port: 'TIJ',
  serviceDate: '2026-12-03',
});

function queueToday(req: { search?: string; otherPorts?: boolean }): QueueView {
  const base = { port: 'SYS', timeZone: 'America/Los_Angeles', serviceDate: '2026-12-01' };
  const today = [row({})];
  if (!req.search) return { ...base, items: today, counts: { scheduled: 1 } };
  const found = req.search === ELSEWHERE_ID && req.otherPorts ? [elsewhere] : [];
  return { ...base, items: found, counts: { scheduled: 1 } };
}

function renderBooth() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderUi(
    <MemoryRouter initialEntries={['/booth']}>
      <QueryClientProvider client={client}>
        <Routes>
          <Route path="/booth" element={<BoothPage />}>
            <Route index element={null} />
          </Route>
        </Routes>
      </QueryClientProvider>
    </MemoryRouter>,
  );
}

const searches = () =>
  call.mock.calls.filter(([c, r]) => c === 'queue.today' && (r as { search?: string }).search);

beforeEach(() => {
  call.mockClear();
});

describe('searching other ports', () => {
  it('asks main for other ports only when the officer switches it on, and says where the booking is', async () => {
    renderBooth();
    await screen.findByRole('table', { name: 'Arrivals queue' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Search arrivals' }), ELSEWHERE_ID);
    expect(await screen.findByText("Nobody in today's manifest matches that search.")).toBeVisible();
    expect(searches().every(([, r]) => !(r as { otherPorts?: boolean }).otherPorts)).toBe(true);

    await userEvent.click(screen.getByRole('switch', { name: 'Other ports' }));
    const found = (await screen.findByRole('link', { name: 'Ruiz, Marta' })).closest('tr')!;
    expect(within(found).getByTestId('queue-elsewhere')).toHaveTextContent('TIJ · 2026-12-03');
    expect(searches().at(-1)![1]).toEqual({ search: ELSEWHERE_ID, otherPorts: true });

    // Off again: today's manifest only, and the "no match" says so.
    await userEvent.click(screen.getByRole('switch', { name: 'Other ports' }));
    expect(await screen.findByText("Nobody in today's manifest matches that search.")).toBeVisible();
    expect(searches().at(-1)![1]).toEqual({ search: ELSEWHERE_ID });
  });

  it('with the switch on, a search that finds nothing says other ports were looked at too', async () => {
    renderBooth();
    await screen.findByRole('table', { name: 'Arrivals queue' });
    await userEvent.click(screen.getByRole('switch', { name: 'Other ports' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Search arrivals' }), 'TIJ-20261203-99999');
    expect(
      await screen.findByText(
        "Nobody in today's manifest matches that search, and no booking at another port has that id.",
      ),
    ).toBeVisible();
  });
});
