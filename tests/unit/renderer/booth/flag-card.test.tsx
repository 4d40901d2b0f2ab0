// Runs in: tests (jsdom). A flag card as the officer sees it: severity in words, the rule, its
// explanation and evidence; an Acknowledge button only while the flag can still be acknowledged.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FlagView } from '../../../../ipc/channels/flags';
import { FlagCard } from '../../../../renderer/src/features/booth/components/FlagCard';
import { renderUi } from '../render';

const others = Array.from({ length: 11 }, (_, i) => ({
  applicantId: `SYS-20261201-${String(100 + i)}`,
  name: `Person ${i}`,
  port: 'SYS',
  serviceDate: '2026-12-01',
  groupId: `G-${i}`,
  matched: '11923 washington st',
}));

const flag: FlagView = {
  id: 7,
  ruleId: 'SHARED_ADDRESS',
  ruleVersion: 1,
  ruleDescription: 'Same US address as unrelated households',
  severity: 'high',
  explanation:
    'Ana López gave the US address 11923 WASHINGTON ST, which 11 other unrelated households also gave.',
  evidence: { summary: '11 households', others, othersTotal: 11 },
  status: 'open',
  computedAt: '2026-12-01T08:00:00Z',
  acknowledgedBy: null,
  acknowledgedAt: null,
  ackNote: null,
  feedback: null,
  feedbackBy: null,
};

describe('FlagCard', () => {
  it('shows the severity in words, the rule, the explanation and the evidence rows', () => {
    renderUi(<FlagCard flag={flag} canAcknowledge />);
    const card = screen.getByTestId('flag');
    expect(within(card).getByText('high')).toBeVisible();
    expect(within(card).getByText('Shared address')).toBeVisible();
    expect(within(card).getByText(/which 11 other unrelated households also gave/)).toBeVisible();
    const evidence = within(card).getByRole('table', { name: 'Evidence for Shared address' });
    // Eight rows shown (and the header); the rest counted.
    expect(within(evidence).getAllByRole('row')).toHaveLength(9);
    expect(within(evidence).getByRole('cell', { name: 'Person 0' })).toBeVisible();
    expect(within(evidence).queryByRole('cell', { name: 'Person 8' })).toBeNull();
    expect(within(card).getByText('… and 3 more')).toBeVisible();
  });

  it('acknowledges with the note typed', async () => {
    const onAcknowledge = vi.fn();
    renderUi(<FlagCard flag={flag} canAcknowledge onAcknowledge={onAcknowledge} />);
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Note for Shared address' }),
      'asked: shelter address',
    );
    const button = screen.getByRole('button', { name: 'Acknowledge' });
    // The button says which flag it acknowledges to a screen reader.
    expect(button).toHaveAccessibleDescription('Shared address');
    await userEvent.click(button);
    expect(onAcknowledge).toHaveBeenCalledWith('asked: shelter address');
  });

  it('has no Acknowledge button once acknowledged, and shows who did it and the note', () => {
    const done = {
      ...flag,
      acknowledgedAt: '2026-12-01T09:00:00Z',
      acknowledgedBy: 'officer',
      ackNote: 'shelter',
    };
    renderUi(<FlagCard flag={done} canAcknowledge />);
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    expect(screen.getByText('acknowledged by officer')).toBeVisible();
    expect(screen.getByText('Note: shelter')).toBeVisible();
  });

  it('has no Acknowledge button where acknowledging is not offered', () => {
    renderUi(<FlagCard flag={flag} canAcknowledge={false} />);
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });

  it('shows a refused acknowledgement in place', () => {
    renderUi(<FlagCard flag={flag} canAcknowledge error="The session was locked." />);
    expect(screen.getByRole('alert')).toHaveTextContent('The session was locked.');
  });
});
