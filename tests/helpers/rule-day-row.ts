// Runs in: tests. A rule's row of a port-day's flags (RuleDayRow) with every count at zero and no
// precision yet, unless the test gives them: what a day with no flag for the rule shows.
import type { RuleDayRow } from '../../ipc/channels/reporting';

export const ruleDayRow = (
  r: Pick<RuleDayRow, 'ruleId' | 'description' | 'version'> & Partial<RuleDayRow>,
): RuleDayRow => ({
  open: 0,
  acknowledged: 0,
  reviewed: 0,
  confirmed: 0,
  falsePositive: 0,
  precision: null,
  precisionAllDays: null,
  ...r,
});
