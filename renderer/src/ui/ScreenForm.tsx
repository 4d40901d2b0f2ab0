// Runs in: renderer. The form on a whole-window card (setup, sign-in, lock, a new password): named
// for screen readers, the screen's one h1 (with the line under it, if any), then its fields
// (props only). It submits without reloading the page.
import type { FormEvent, ReactNode } from 'react';
import { Stack, Text, Title, type TitleSize } from '@mantine/core';

export interface ScreenFormProps {
  /** The form's accessible name. */
  label: string;
  title: ReactNode;
  titleSize?: TitleSize;
  /** A dimmed line right under the title (the port a sign-in is for). */
  subtitle?: ReactNode;
  onSubmit: () => void;
  children: ReactNode;
}

export function ScreenForm({
  label,
  title,
  titleSize = 'h3',
  subtitle,
  onSubmit,
  children,
}: ScreenFormProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const heading = (
    <Title order={1} size={titleSize}>
      {title}
    </Title>
  );
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack>
        {subtitle === undefined ? (
          heading
        ) : (
          <div>
            {heading}
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          </div>
        )}
        {children}
      </Stack>
    </form>
  );
}
