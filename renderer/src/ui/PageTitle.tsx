// Runs in: renderer. The one h1 of a screen, with what it is about beside it (props only).
import type { ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';

export function PageTitle({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <Group justify="space-between" align="baseline">
      <Title order={1} size="h2">
        {children}
      </Title>
      {aside && <Text c="dimmed">{aside}</Text>}
    </Group>
  );
}
