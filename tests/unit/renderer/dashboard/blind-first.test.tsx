// Runs in: tests (jsdom). The supervisor's blind-first comparison as drawn: the judgements against
// the bands in a cross table (every cell, zeros included), per officer, the summary line, the
// disagreements with whom they were about; a day without blind comparisons says so.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { BlindFirstView } from '../../../../ipc/channels/reporting';
import { BlindFirstTables } from '../../../../renderer/src/features/dashboard/components/BlindFirstPanel';
import { renderUi } from '../render';

const view: BlindFirstView = {
  port: 'SYS',
  serviceDate: '2026-12-01',
  cells: [
    { judgement: 'same', band: 'MATCH', count: 12 },
    { judgement: 'same', band: 'NO_MATCH', count: 1 },
    { judgement: 'different', band: 'NO_MATCH', count: 3 },
    { judgement: 'different', band: 'MATCH', count: 2 },
    { judgement: 'unsure', band: 'INCONCLUSIVE', count: 4 },
    { judgement: 'unsure', band: null, count: 1 },
  ],
  officers: [
    { officer: 'ofc1', judged: 15, agreed: 11, disagreed: 2, unsure: 2 },
    { officer: 'ofc2', judged: 8, agreed: 4, disagreed: 1, unsure: 3 },
  ],
  pending: 2,
  disagreements: [
    {
      verificationId: 9,
      applicantId: 'SYS-20261201-00042',
      name: 'Camila Núñez Cortés',
      officer: 'ofc2',
      at: '2026-12-01T19:05:00Z',
      judgement: 'different',
      band: 'MATCH',
      score: 0.61,
    },
  ],
};

const rowOf = (table: HTMLElement, first: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryAllByRole('cell')[0]?.textContent === first)!;
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('BlindFirstTables', () => {
  it('crosses judgements with bands, every cell, and totals the officers', () => {
    renderUi(<BlindFirstTables view={view} />);
    const cross = screen.getByRole('table', { name: 'Judgements by the band the score gave' });
    expect(
      within(cross)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(["Officer's judgement", 'Match', 'Inconclusive: compare yourself', 'No match', 'No result']);
    expect(cellsOf(rowOf(cross, 'Same person'))).toEqual(['Same person', '12', '0', '1', '0']);
    expect(cellsOf(rowOf(cross, 'Different person'))).toEqual(['Different person', '2', '0', '3', '0']);
    expect(cellsOf(rowOf(cross, 'Unsure'))).toEqual(['Unsure', '0', '4', '0', '1']);
    expect(screen.getByTestId('blind-first-summary')).toHaveTextContent(
      '23 judged · 15 agreed · 3 disagreed · 5 unsure · 2 waiting for a judgement',
    );
    const officers = screen.getByRole('table', { name: 'Blind-first judgements by officer' });
    expect(cellsOf(rowOf(officers, 'ofc2'))).toEqual(['ofc2', '8', '4', '1', '3']);
  });

  it('lists each disagreement: when (port time), who, which officer, the judgement, the band, the score', () => {
    renderUi(<BlindFirstTables view={view} />, { timeZone: 'America/Los_Angeles' });
    const list = screen.getByRole('table', { name: 'Comparisons where the judgement and the band disagree' });
    expect(cellsOf(within(list).getAllByRole('row')[1]!)).toEqual([
      '11:05',
      'Camila Núñez Cortés (SYS-20261201-00042)',
      'ofc2',
      'Different person',
      'Match',
      '0.61',
    ]);
  });

  it('says so for a day without blind-first comparisons, and when none disagreed', () => {
    const { rerender } = renderUi(
      <BlindFirstTables view={{ ...view, cells: [], officers: [], pending: 0, disagreements: [] }} />,
    );
    expect(screen.getByText(/No blind-first comparisons on this day/)).toBeVisible();
    rerender(<BlindFirstTables view={{ ...view, disagreements: [] }} />);
    expect(screen.getByText('No disagreements.')).toBeVisible();
  });
});
