// Runs in: tests (jsdom). Flags by rule and the review queue as a supervisor sees them: rule
// names from the catalogue, the day's states and precision as percentages, a verdict with a note
// per flag, a reviewed flag's verdict and reviewer in place of the buttons, its case opened in
// place.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RuleDayRow } from '../../../../ipc/channels/reporting';
import { FlagsByRuleTable } from '../../../../renderer/src/features/dashboard/components/FlagsByRuleTable';
import { ReviewFlagList } from '../../../../renderer/src/features/dashboard/components/ReviewFlagList';
import { renderUi } from '../render';
import { ruleDayRow } from '../../../helpers/rule-day-row';
import { reviewFlag } from './review-flag';

const rule = (r: Partial<RuleDayRow>): RuleDayRow =>
  ruleDayRow({
    ruleId: 'SHARED_PHONE',
    description: 'The same phone number among unrelated households',
    version: 2,
    ...r,
  });

describe('FlagsByRuleTable', () => {
  it("names each rule, counts the day's flags by state, and gives the precision of the reviewed ones", () => {
    renderUi(
      <FlagsByRuleTable
        rules={[
          rule({
            open: 1204,
            acknowledged: 3,
            reviewed: 3,
            confirmed: 2,
            falsePositive: 1,
            precision: 2 / 3,
            precisionAllDays: 0.9,
          }),
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
    ).toEqual(['Shared phone v2', '1,204', '3', '3', '2', '1', '67 %', '90 %']);
    expect(screen.getByTestId('precision-LOOKOUT_MATCH')).toHaveTextContent('—');
    expect(within(table).getByRole('row', { name: /^Lookout list match v1/ })).toBeInTheDocument();
    // A rule the catalogue does not name yet shows its id, not a missing key.
    expect(within(table).getByRole('row', { name: /^NEW_RULE_FROM_MAIN v1/ })).toBeInTheDocument();
    // The chart's words: what it draws, for those who cannot see it.
    expect(screen.getByText(/1,204 open, 3 acknowledged and 3 reviewed across 1 rules/)).toBeInTheDocument();
  });
});

const flag = reviewFlag;

describe('ReviewFlagList', () => {
  it('shows each flag with its severity, rule, applicant and decision, and passes on the verdict and note', async () => {
    const onVerdict = vi.fn();
    renderUi(
      <ReviewFlagList
        flags={[
          flag({ decision: 'referred_secondary' }),
          flag({ id: 2, ruleId: 'SHARED_EMAIL', severity: 'low' }),
        ]}
        onVerdict={onVerdict}
      />,
    );
    const [first, second] = screen.getAllByTestId('review-flag');
    // Severity, rule, whom and where, the case's decision, and the evidence.
    for (const text of [
      'high',
      'Shared address',
      'Ana Lopez · SYS Dec 1, 2026',
      'Referred to secondary inspection',
      '12 Elm St',
    ])
      expect(first).toHaveTextContent(text);
    expect(second).toHaveTextContent('not decided yet');
    await userEvent.type(
      within(first!).getByRole('textbox', { name: 'Review note on Shared address for Ana Lopez (optional)' }),
      '  Same landlord, checked  ',
    );
    await userEvent.click(within(first!).getByRole('button', { name: 'False positive' }));
    expect(onVerdict).toHaveBeenCalledWith(1, 'false_positive', 'Same landlord, checked');
    await userEvent.click(within(second!).getByRole('button', { name: 'Confirm' }));
    expect(onVerdict).toHaveBeenLastCalledWith(2, 'confirmed', undefined);
    // Each button says which flag it decides.
    expect(within(first!).getByRole('button', { name: 'Confirm' })).toHaveAccessibleDescription(
      /Shared address/,
    );
  });

  it('shows a verdict given, who gave it and the note, with no buttons left to press', () => {
    renderUi(
      <ReviewFlagList
        flags={[
          flag({
            feedback: 'false_positive',
            feedbackBy: 'sup',
            feedbackAt: '2026-12-01T18:05:00Z',
            feedbackNote: 'Same landlord',
          }),
        ]}
        onVerdict={() => undefined}
      />,
    );
    const row = screen.getByTestId('review-flag');
    expect(within(row).getByTestId('review-verdict')).toHaveTextContent(
      /^False positive · sup, .+Same landlord$/,
    );
    expect(within(row).queryByRole('button', { name: 'False positive' })).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Confirm' })).toBeNull();
    expect(within(row).queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('region', { name: 'Flags to review' })).toHaveTextContent('0 to review');
  });

  it('opens the case and evidence in place, and closes it again', async () => {
    renderUi(
      <ReviewFlagList
        flags={[flag({})]}
        onVerdict={() => undefined}
        renderCase={(f) => <p>case of {f.applicantId}</p>}
      />,
    );
    const toggle = screen.getByRole('button', { name: 'Case and evidence' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('case of A1')).toBeNull();
    await userEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide case' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('case of A1')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Hide case' }));
    expect(screen.queryByText('case of A1')).toBeNull();
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

  it('says when there is nothing to review, and how many more there are than shown', () => {
    const { unmount } = renderUi(<ReviewFlagList flags={[]} onVerdict={() => undefined} />);
    expect(screen.getByRole('region', { name: 'Flags to review' })).toHaveTextContent(
      'No flags on this day’s applicants.',
    );
    unmount();
    renderUi(
      <ReviewFlagList
        flags={Array.from({ length: 40 }, (_, i) => flag({ id: i + 1 }))}
        total={140}
        onVerdict={() => undefined}
      />,
    );
    // A page at a time; the count says where the page stands and that the queue holds 40 of 140.
    expect(screen.getAllByTestId('review-flag')).toHaveLength(10);
    expect(screen.getByTestId('review-page')).toHaveTextContent(
      'Flags 1–10 of 40. The queue holds the first 40 of 140.',
    );
    expect(screen.getAllByTestId('review-flag')[0]).toHaveAttribute('data-flag-id', '1');
  });

  it('pages through the queue with the keyboard', async () => {
    renderUi(
      <ReviewFlagList
        flags={Array.from({ length: 25 }, (_, i) => flag({ id: i + 1 }))}
        onVerdict={() => undefined}
      />,
    );
    const pages = screen.getByRole('navigation', { name: 'Pages of flags to review' });
    expect(within(pages).getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    within(pages).getByRole('button', { name: 'Next page' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByTestId('review-page')).toHaveTextContent('Flags 11–20 of 25');
    expect(screen.getAllByTestId('review-flag').map((f) => f.dataset.flagId)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 11)),
    );
    within(pages).getByRole('button', { name: 'Page 3' }).focus();
    await userEvent.keyboard(' ');
    expect(screen.getByTestId('review-page')).toHaveTextContent('Flags 21–25 of 25');
    expect(screen.getAllByTestId('review-flag')).toHaveLength(5);
    expect(within(pages).getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
  });
});
