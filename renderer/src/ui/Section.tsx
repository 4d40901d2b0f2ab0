// Runs in: renderer. A titled region of a page: a real <section> named by its own heading, so
// screen readers can jump between parts of a screen (props only).
import { useId, type ReactNode } from 'react';
import { Group, Paper, Title } from '@mantine/core';

export function Section({
  title,
  actions,
  children,
  testId,
  level = 2,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  level?: 2 | 3;
}) {
  const id = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id} data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={level} size={level === 2 ? 'h4' : 'h5'} id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
