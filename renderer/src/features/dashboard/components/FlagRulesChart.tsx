// Runs in: renderer. The day's flags per rule as stacked bars: awaiting the officer, acknowledged,
// reviewed; the caption sums it up and the table below lists every value (props only).
import { useTranslation } from 'react-i18next';
import type { RuleDayRow } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { ChartFigure, stackedHeight } from './ChartFigure';
import { StackedRows } from './lazy-bars';

export function FlagRulesChart({ rules }: { rules: RuleDayRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const shown = rules.filter((r) => r.open + r.acknowledged + r.reviewed > 0);
  if (!shown.length) return null;
  const total = (k: 'open' | 'acknowledged' | 'reviewed') => shown.reduce((s, r) => s + r[k], 0);
  return (
    <ChartFigure
      summary={t('dashboard.flags.chartSummary', {
        open: format.number(total('open')),
        acknowledged: format.number(total('acknowledged')),
        reviewed: format.number(total('reviewed')),
        rules: shown.length,
      })}
      height={stackedHeight(shown.length)}
    >
      <StackedRows
        data={shown.map((r) => ({ ...r, rule: labels.rule(r.ruleId) }))}
        dataKey="rule"
        labelWidth={160}
        series={[
          { name: 'open', label: t('dashboard.flags.open'), color: 'orange.6' },
          { name: 'acknowledged', label: t('dashboard.flags.acknowledged'), color: 'cyan.5' },
          { name: 'reviewed', label: t('dashboard.flags.reviewed'), color: 'green.6' },
        ]}
      />
    </ChartFigure>
  );
}
