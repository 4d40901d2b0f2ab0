// Runs in: renderer. The values shared by the most applicants across ports and days, each as a bar
// split by port; the caption sums it up and the trends table lists every value (props only).
import { useTranslation } from 'react-i18next';
import type { TrendView } from '../../../../../ipc/channels/flags';
import { useFormat } from '../../../format';
import { isTrendKind } from '../labels';
import { ChartFigure, stackedHeight } from './ChartFigure';
import { StackedRows } from './lazy-bars';

// One colour per port, in the order ports first appear.
const COLOURS = ['blue.6', 'orange.6', 'teal.6', 'grape.6', 'yellow.6', 'red.6', 'indigo.6', 'lime.7'];
const MAX_LABEL = 34;
const ROW_HEIGHT = 30;

export function TrendsChart({ trends }: { trends: TrendView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!trends.length) return null;
  const kind = (k: string) => (isTrendKind(k) ? t(`dashboard.trends.kinds.${k}`) : k);
  const ports = [...new Set(trends.flatMap((tr) => tr.perPort.map((p) => p.port)))];
  const data = trends.map((tr) => {
    const value = tr.example.length > MAX_LABEL ? `${tr.example.slice(0, MAX_LABEL - 1)}…` : tr.example;
    return {
      label: `${kind(tr.kind)}: ${value}`,
      ...Object.fromEntries(tr.perPort.map((p) => [p.port, p.applicants])),
    };
  });
  const widest = trends.reduce((a, b) => (b.ports.length > a.ports.length ? b : a), trends[0]!);
  return (
    <ChartFigure
      summary={t('dashboard.trends.chartSummary', {
        count: trends.length,
        ports: ports.join(', '),
        widest: widest.example,
        widestPorts: widest.ports.length,
        widestApplicants: format.number(widest.applicants),
      })}
      height={stackedHeight(data.length, ROW_HEIGHT)}
    >
      {/* Long values cut short: the table has them whole. */}
      <StackedRows
        data={data}
        dataKey="label"
        labelWidth={250}
        rowHeight={ROW_HEIGHT}
        series={ports.map((p, i) => ({ name: p, color: COLOURS[i % COLOURS.length]! }))}
      />
    </ChartFigure>
  );
}
