// Runs in: renderer. The line a section shows in place of a list that has nothing in it yet
// (props only).
import type { ReactNode } from 'react';
import { Text, type MantineSpacing } from '@mantine/core';

export function EmptyNote({ children, mt }: { children: ReactNode; mt?: MantineSpacing }) {
  return (
    <Text size="sm" c="dimmed" mt={mt}>
      {children}
    </Text>
  );
}
