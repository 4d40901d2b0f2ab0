// Runs in: renderer. A chart with its text equivalent: the drawing is for sight and hidden from
// screen readers, the caption says in words what it shows, and the table beside it lists every
// value; and the bar charts' shared settings (props only).
import type { ReactNode } from 'react';
import { BarChart, type BarChartSeries } from '@mantine/charts';
import { Box, Text } from '@mantine/core';

export function ChartFigure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <Box component="figure" m={0} mb="sm">
      <div aria-hidden="true">{children}</div>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        {summary}
      </Text>
    </Box>
  );
}

/**
 * Every bar chart here: a legend on top, no hover tooltip (the table has the values), and bars
 * drawn at once (the figures refresh every few seconds, and a bar should not grow each time).
 */
export const BAR_CHART = {
  withLegend: true,
  legendProps: { verticalAlign: 'top', height: 28 },
  withTooltip: false,
  barProps: { isAnimationActive: false },
} as const;

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
      h={40 + rowHeight * data.length}
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
