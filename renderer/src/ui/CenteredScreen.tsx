// Runs in: renderer. A whole-window screen before the app (setup, sign-in, lock, "not
// available"): the page's main landmark with one card in it. The card's content brings the h1.
// Props only.
import type { ReactNode } from 'react';
import { Center, Paper } from '@mantine/core';

export function CenteredScreen({
  children,
  width = 420,
  bg = 'gray.1',
}: {
  children: ReactNode;
  width?: number;
  bg?: string;
}) {
  return (
    <Center component="main" h="100vh" bg={bg}>
      <Paper withBorder shadow="sm" p="xl" w={width}>
        {children}
      </Paper>
    </Center>
  );
}
