// Runs in: renderer. A scrolling box keyboard users can reach and screen readers can name: the
// scrolling element itself takes focus (arrow keys scroll it) and is a named region. Props only.
import type { ReactNode } from 'react';
import { ScrollArea, type ScrollAreaProps } from '@mantine/core';

export function ScrollRegion({
  label,
  children,
  ...rest
}: { label: string; children: ReactNode } & ScrollAreaProps) {
  return (
    <ScrollArea {...rest} viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}>
      {children}
    </ScrollArea>
  );
}
