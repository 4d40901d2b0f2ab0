// Runs in: tests (jsdom). Flags by rule and the review list as a supervisor sees them: rule
// names from the catalogue, precision as a percentage, a verdict per flag.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RuleSummaryView } from '../../../../ipc/channels/flags';
import { FlagsByRuleTable } from '../../../../renderer/src/features/dashboard/components/FlagsByRuleTable';
import { ReviewFlagList } from '../../../../renderer/src/features/dashboard/components/ReviewFlagList';
import { renderUi } from '../render';
import { reviewFlag } from './review-flag';

const rule = (r: Partial<RuleSummaryView>): RuleSummaryView => ({
  ruleId: 'SHARED_PHONE',
  description: 'The same phone number among unrelated households',
  version: 2,
  open: 0,
  acknowledged: 0,
  confirmed: 0,
  falsePositive: 0,
  precision: null,
  ...r,
});

describe('FlagsByRuleTable', () => {
  it('names each rule, counts its flags, and gives the precision of the reviewed ones', () => {
    renderUi(
      <FlagsByRuleTable
        rules={[
          rule({ open: 1204, acknowledged: 3, confirmed: 2, falsePositive: 1, precision: 2 / 3 }),
          rule({ ruleId: 'LOOKOUT_MATCH', version: 1 }),
          rule({ ruleId: 'NEW_RULE_FROM_MAIN', version: 1 }),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Flags by rule' });
    const phone = within(table).getByRole('row', { name: /^Shared phone v2/ });
    expect(
      within(phone)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Shared phone v2', '1,204', '3', '2', '1', '67 %']);
    expect(screen.getByTestId('precision-LOOKOUT_MATCH')).toHaveTextContent('—');
    expect(within(table).getByRole('row', { name: /^Lookout list match v1/ })).toBeInTheDocument();
    // A rule the catalogue does not name yet shows its id, not a missing key.
    expect(within(table).getByRole('row', { name: /^NEW_RULE_FROM_MAIN v1/ })).toBeInTheDocument();
  });
});

const flag = reviewFlag;

describe('ReviewFlagList', () => {
  it('shows each flag with its severity, rule and applicant, and passes on the verdict', async () => {
    const onVerdict = vi.fn();
    renderUi(
      <ReviewFlagList
        flags={[
          flag({}),
          flag({ id: 2, ruleId: 'SHARED_EMAIL', severity: 'low', feedback: 'false_positive' }),
        ]}
        onVerdict={onVerdict}
      />,
    );
    const [first, second] = screen.getAllByTestId('review-flag');
    expect(first).toHaveTextContent('high');
    expect(first).toHaveTextContent('Shared address');
    expect(first).toHaveTextContent('Ana Lopez · SYS Dec 1, 2026');
    expect(first).toHaveTextContent('12 Elm St');
    await userEvent.click(within(first!).getByRole('button', { name: 'False positive' }));
    expect(onVerdict).toHaveBeenCalledWith(1, 'false_positive');
    await userEvent.click(within(second!).getByRole('button', { name: 'Confirm' }));
    expect(onVerdict).toHaveBeenLastCalledWith(2, 'confirmed');
    // A verdict already given shows, and its button reads as pressed.
    expect(second).toHaveTextContent('false positive');
    expect(within(second!).getByRole('button', { name: 'False positive' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Each button says which flag it decides.
    expect(within(first!).getByRole('button', { name: 'Confirm' })).toHaveAccessibleDescription(
      /Shared address/,
    );
  });

  it('holds the buttons while a verdict is being saved', () => {
    renderUi(
      <ReviewFlagList
        flags={[flag({})]}
        onVerdict={() => undefined}
        pending={{ flagId: 1, verdict: 'confirmed' }}
      />,
    );
    expect(screen.getByRole('button', { name: 'False positive' })).toBeDisabled();
  });

  it('says when there is nothing to review', () => {
    renderUi(<ReviewFlagList flags={[]} onVerdict={() => undefined} />);
    expect(screen.getByRole('region', { name: 'Flags to review' })).toHaveTextContent(
      'No open flags to review.',
    );
  });
});
