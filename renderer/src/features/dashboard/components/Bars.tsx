// Runs in: renderer. The dashboard's bar drawings over @mantine/charts (Recharts underneath), in a
// chunk of their own that lazy-bars.ts loads: completions per hour against scheduled, and rows of
// stacked bars (flags by rule, shared values by port). Props only; captions and values are the
// callers' (ChartFigure, the tables).
import { BarChart, type BarChartSeries } from '@mantine/charts';
// The charts' styles load with the charts, not with the first screen.
import '@mantine/charts/styles.css';
import type { HourRow } from '../../../../../ipc/channels/reporting';
import { stackedHeight } from './ChartFigure';

/**
 * Every bar chart here: a legend on top, no hover tooltip (the table has the values), and bars
 * drawn at once (the figures refresh every few seconds, and a bar should not grow each time).
 */
const BAR_CHART = {
  withLegend: true,
  legendProps: { verticalAlign: 'top', height: 28 },
  withTooltip: false,
  barProps: { isAnimationActive: false },
} as const;

export function HoursBars({
  rows,
  height,
  series,
}: {
  rows: HourRow[];
  height: number;
  series: BarChartSeries[];
}) {
  return (
    <BarChart
      {...BAR_CHART}
      h={height}
      data={rows}
      dataKey="hour"
      series={series}
      tickLine="y"
      gridAxis="y"
      maxBarWidth={14}
    />
  );
}

/** One stacked bar per row, each named on the left (every name shown, none skipped). */
export function StackedRows({
  data,
  dataKey,
  series,
  labelWidth,
  rowHeight = 28,
}: {
  data: Record<string, unknown>[];
  dataKey: string;
  series: BarChartSeries[];
  labelWidth: number;
  rowHeight?: number;
}) {
  return (
    <BarChart
      {...BAR_CHART}
      h={stackedHeight(data.length, rowHeight)}
      data={data}
      dataKey={dataKey}
      type="stacked"
      orientation="vertical"
      yAxisProps={{ width: labelWidth, interval: 0 }}
      series={series}
      gridAxis="x"
      maxBarWidth={16}
    />
  );
}
