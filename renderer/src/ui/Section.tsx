// Runs in: renderer. A titled region of a page: a real <section> named by its own heading, so
// screen readers can jump between parts of a screen (props only).
import { useId, type ReactNode, type Ref } from 'react';
import { Group, Paper, Title, type TitleSize } from '@mantine/core';

export function Section({
  title,
  actions,
  children,
  testId,
  level = 2,
  titleSize,
  titleRef,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  level?: 2 | 3;
  /** How big the heading looks, when that differs from its level's default. */
  titleSize?: TitleSize;
  /** For moving focus to the section (e.g. a case just opened); makes the heading focusable. */
  titleRef?: Ref<HTMLHeadingElement>;
}) {
  const id = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id} data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title
          order={level}
          size={titleSize ?? (level === 2 ? 'h4' : 'h5')}
          id={id}
          ref={titleRef}
          tabIndex={titleRef ? -1 : undefined}
        >
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
