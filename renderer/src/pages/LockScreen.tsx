// Runs in: renderer.
import { useState } from 'react';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { SessionView } from '../../../ipc/contract';
import { call } from '../api';

export function LockScreen({ session, onUnlocked, onSignedOut }: { session: SessionView; onUnlocked: (s: SessionView) => void; onSignedOut: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      onUnlocked(await call('auth.unlock', { password }));
    } catch (err) {
      setError((err as Error).message);
      setPassword('');
      const s = await call('auth.session', {});
      if (!s.user) onSignedOut();
    }
  }
  return (
    <Center h="100vh" bg="gray.2">
      <Paper withBorder p="xl" w={420}>
        <form onSubmit={submit} aria-label="Unlock">
          <Stack>
            <Title order={3}>Session locked</Title>
            <Text size="sm">Locked after {session.idleLockMinutes} minutes without activity. {session.user?.displayName}, enter your password to continue.</Text>
            <PasswordInput label="Password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoFocus />
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => void call('auth.signOut', {}).then(onSignedOut)}>Sign out</Button>
              <Button type="submit">Unlock</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
