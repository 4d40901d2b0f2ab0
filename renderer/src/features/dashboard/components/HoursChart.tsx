// Runs in: renderer. Completions per local hour against appointments scheduled in it, as bars;
// the caption sums it up and the hours table lists every value (props only).
import { useTranslation } from 'react-i18next';
import type { HourRow } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { ChartFigure } from './ChartFigure';
import { HoursBars } from './lazy-bars';

const HEIGHT = 170;

export function HoursChart({ rows }: { rows: HourRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const peak = rows.reduce((a, b) => (b.completed > a.completed ? b : a), rows[0]!);
  const sum = (k: 'scheduled' | 'completed') => rows.reduce((s, r) => s + r[k], 0);
  return (
    <ChartFigure
      summary={t('dashboard.hours.chartSummary', {
        completed: format.number(sum('completed')),
        scheduled: format.number(sum('scheduled')),
        hour: peak.hour,
        peak: format.number(peak.completed),
      })}
      height={HEIGHT}
    >
      <HoursBars
        rows={rows}
        height={HEIGHT}
        series={[
          { name: 'scheduled', label: t('dashboard.hours.scheduled'), color: 'gray.5' },
          { name: 'completed', label: t('dashboard.hours.completed'), color: 'blue.6' },
        ]}
      />
    </ChartFigure>
  );
}
