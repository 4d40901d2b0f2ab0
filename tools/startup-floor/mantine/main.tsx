// Runs in: renderer (a reference page built and timed by tools/measure-startup.js, never shipped).
// The stack's floor for our first screen: Mantine's provider, its whole stylesheet (as the app
// loads it) and a sign-in form of the same parts, with nothing of ours.
import '@mantine/core/styles.css';
import { Button, MantineProvider, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <MantineProvider>
    <Paper maw={420} mx="auto" mt="xl" p="lg" withBorder>
      <Stack>
        <Title order={1}>Arrivals Console</Title>
        <TextInput label="Username" autoComplete="username" />
        <PasswordInput label="Password" autoComplete="current-password" />
        <Button type="submit">Sign in</Button>
      </Stack>
    </Paper>
  </MantineProvider>,
);
