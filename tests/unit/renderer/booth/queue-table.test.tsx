// Runs in: tests (jsdom). The queue as the officer sees it: times at the port, names linking to
// their cases, the open flags' count with its severity in words, the open case's row marked;
// only the rows in view rendered however long the day; moved through and opened by keyboard.
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import {
  QueueTable,
  ROW_HEIGHT,
  type QueueTableHandle,
} from '../../../../renderer/src/features/booth/components/QueueTable';
import { renderUi } from '../render';
import { layOutLists } from './list-layout';
import { queueItem } from './queue-item';

// jsdom lays nothing out: the list's box is 600 px high (about 21 rows), as list-layout.ts gives it.
const VIEW_HEIGHT = 600;
layOutLists(VIEW_HEIGHT);

const item = queueItem;

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

/** A day of n arrivals, A0000…, in slot order. */
const day = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    item({
      appointmentId: `AP${i}`,
      applicantId: `A${String(i).padStart(4, '0')}`,
      givenNames: `Given${i}`,
      familyNames: `Family${i}`,
      nameAsWritten: `Given${i} Family${i}`,
    }),
  );

function showDay(n: number, onOpen = vi.fn(), onLeaveTop = vi.fn()) {
  const ref = createRef<QueueTableHandle>();
  renderUi(
    <MemoryRouter>
      <QueueTable
        ref={ref}
        items={day(n)}
        selectedId={undefined}
        linkTo={(id) => `/booth/${id}`}
        onOpen={onOpen}
        onLeaveTop={onLeaveTop}
      />
    </MemoryRouter>,
  );
  const table = screen.getByRole('table', { name: 'Arrivals queue' });
  const dataRows = () => within(table).getAllByRole('row').slice(1);
  return { ref, table, dataRows, onOpen, onLeaveTop };
}

describe('QueueTable, a whole day', () => {
  it('renders only the rows in view for 1,500 arrivals, and says how many there are', async () => {
    const { table, dataRows } = showDay(1500);
    expect(table).toHaveAttribute('aria-rowcount', '1501');
    const shown = dataRows().length;
    expect(shown).toBeGreaterThanOrEqual(Math.floor(VIEW_HEIGHT / ROW_HEIGHT));
    expect(shown).toBeLessThan(60);
    expect(dataRows()[0]).toHaveAttribute('aria-rowindex', '2');
    // Scrolled to the end: the last arrivals are there, the first are gone.
    const scroller = screen.getByRole('region', { name: "Today's arrivals, scrollable list" });
    await act(async () => scroller.scrollTo({ top: 1500 * ROW_HEIGHT }));
    expect(within(table).getByRole('link', { name: 'Family1499, Given1499' })).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'Family0, Given0' })).toBeNull();
  });

  it('is one Tab stop; ↑/↓, End and Home move; Enter opens; ↑ from the first row leaves', async () => {
    const { dataRows, onOpen, onLeaveTop, table } = showDay(300);
    const tabbable = dataRows().filter((r) => r.tabIndex === 0);
    expect(tabbable).toHaveLength(1); // the current row only: Tab does not walk every row
    expect(within(table).getByRole('link', { name: 'Family0, Given0' })).toHaveAttribute('tabindex', '-1');
    await userEvent.tab();
    expect(dataRows()[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-applicant', 'A0002');
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith('A0002');
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-applicant', 'A0299');
    await userEvent.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('data-applicant', 'A0000');
    expect(onLeaveTop).toHaveBeenCalledTimes(1);
  });

  it('focuses a given row on request, scrolling it into view (Esc back from a case)', async () => {
    const { ref } = showDay(1000);
    await act(async () => ref.current!.focusRow('A0700'));
    expect(document.activeElement).toHaveAttribute('data-applicant', 'A0700');
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
  });

  it('a capital letter or a key with Ctrl on a row is not a move (a scanner types capitals)', () => {
    const { dataRows, onOpen } = showDay(50);
    const first = dataRows()[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(first, { key: 'ArrowDown', altKey: true });
    expect(onOpen).not.toHaveBeenCalled();
    expect(first).toHaveFocus();
  });
});
