// Runs in: renderer. What went wrong, shown where it happened: a panel that could not load, a
// form that was refused (props only).
import { Alert } from '@mantine/core';

export function InlineError({ message, mt }: { message: string; mt?: 'sm' | 'md' }) {
  return (
    <Alert color="red" role="alert" mt={mt}>
      {message}
    </Alert>
  );
}
