// Runs in: renderer. A chart with its text equivalent: the drawing is for sight and hidden from
// screen readers, the caption says in words what it shows, and the table beside it lists every
// value. The drawing (Recharts, the dashboard's largest code) loads in its own chunk: the caption
// and the tables show at once, and the drawing's place is kept meanwhile (props only).
import { Suspense, type ReactNode } from 'react';
import { Box, Text } from '@mantine/core';

export function ChartFigure({
  summary,
  height,
  children,
}: {
  summary: string;
  /** The drawing's height, kept while its code loads (nothing below it moves when it arrives). */
  height: number;
  children: ReactNode;
}) {
  return (
    <Box component="figure" m={0} mb="sm">
      <div aria-hidden="true" style={{ minHeight: height }}>
        <Suspense fallback={null}>{children}</Suspense>
      </div>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        {summary}
      </Text>
    </Box>
  );
}

/** A stacked-rows chart's height for so many rows (the legend on top, then one row each). */
export const stackedHeight = (rows: number, rowHeight = 28) => 40 + rowHeight * rows;
