// Runs in: renderer.
import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ResponseOf, SessionView } from '../../../ipc/contract';
import { call } from '../api';

export function SignInScreen({ info, onSignedIn }: { info: ResponseOf<'app.info'>; onSignedIn: (s: SessionView) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await call('auth.signIn', { username, password }));
    } catch (err) {
      setError((err as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center h="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <form onSubmit={submit} aria-label="Sign in">
          <Stack>
            <div>
              <Title order={2}>Arrivals Console</Title>
              <Text c="dimmed" size="sm">
                {info.port ? `${info.port.name} (${info.port.code})` : 'No port configured'}
                {info.mode === 'demo' ? ' · demo data' : ''}
              </Text>
            </div>
            <TextInput label="Username" autoComplete="username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} required autoFocus />
            <PasswordInput label="Password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <Button type="submit" loading={busy} size="md">Sign in</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
