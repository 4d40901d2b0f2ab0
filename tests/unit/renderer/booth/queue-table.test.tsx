// Runs in: tests (jsdom). The queue as the officer sees it: times at the port, names linking to
// their cases, the open flags' count with its severity in words, the open case's row marked.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { QueueItemView } from '../../../../ipc/channels/queue';
import { QueueTable } from '../../../../renderer/src/features/booth/components/QueueTable';
import { renderUi } from '../render';

const item = (over: Partial<QueueItemView>): QueueItemView => ({
  appointmentId: 'A1',
  applicantId: 'SYS-20261201-00001',
  groupId: 'G1',
  groupSize: 1,
  slot: '2026-12-01T15:00:00Z',
  status: 'scheduled',
  givenNames: 'Ana',
  familyNames: 'López',
  nameAsWritten: 'Ana López',
  dob: '1990-01-01',
  hasPhoto: true,
  openFlags: 0,
  topSeverity: null,
  ...over,
});

const items = [
  item({}),
  item({
    appointmentId: 'A2',
    applicantId: 'SYS-20261201-00002',
    givenNames: 'Jing',
    familyNames: 'Li',
    nameAsWritten: '李静',
    groupSize: 3,
    openFlags: 2,
    topSeverity: 'high',
    status: 'no_show',
  }),
];

function show(selectedId?: string, onOpen = vi.fn()) {
  renderUi(
    <MemoryRouter>
      <QueueTable items={items} selectedId={selectedId} linkTo={(id) => `/booth/${id}`} onOpen={onOpen} />
    </MemoryRouter>,
  );
  return screen.getByRole('table', { name: 'Arrivals queue' });
}

describe('QueueTable', () => {
  it('shows each arrival with the slot in the port time zone, group, status in words', () => {
    const table = show();
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('07:00'); // 15:00Z in Los Angeles (the test render's port)
    expect(within(row).getByRole('link', { name: 'López, Ana' })).toHaveAttribute(
      'href',
      '/booth/SYS-20261201-00001',
    );
    expect(row).toHaveTextContent('alone');
    expect(row).toHaveTextContent('scheduled');
    const second = within(table).getAllByRole('row')[2]!;
    expect(second).toHaveTextContent('李静'); // the name as written, under the transliteration
    expect(second).toHaveTextContent('3 people');
    expect(second).toHaveTextContent('no show');
  });

  it('says the flag count with its severity in text, not by colour alone', () => {
    const table = show();
    const flags = within(table).getByTestId('queue-flags');
    expect(flags).toHaveTextContent('2 · high'); // what is drawn
    expect(flags).toHaveTextContent('2 open flags, highest severity high'); // what is read out
    expect(within(within(table).getAllByRole('row')[1]!).queryByTestId('queue-flags')).toBeNull();
  });

  it("marks the open case's row as current, for screen readers and by more than a tint", () => {
    const table = show('SYS-20261201-00002');
    const [, first, second] = within(table).getAllByRole('row');
    expect(second).toHaveAttribute('aria-current', 'true');
    expect(within(second!).getByRole('link')).toHaveAttribute('aria-current', 'page');
    expect(first).not.toHaveAttribute('aria-current');
    // A bar at the row's edge (the first cell's left border), besides the tint.
    expect(within(second!).getAllByRole('cell')[0]!.getAttribute('style')).toContain(
      '4px solid var(--mantine-color-indigo-8)',
    );
    expect(within(first!).getAllByRole('cell')[0]!.getAttribute('style')).toContain('4px solid transparent');
  });

  it('opens a case from a click anywhere on its row', async () => {
    const onOpen = vi.fn();
    const table = show(undefined, onOpen);
    await userEvent.click(within(table).getByText('3 people'));
    expect(onOpen).toHaveBeenCalledWith('SYS-20261201-00002');
  });
});
