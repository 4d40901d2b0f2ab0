// Runs in: renderer. First run: create the administrator (and, in demo mode, demo accounts).
import { useState } from 'react';
import { Alert, Button, Center, Checkbox, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ResponseOf } from '../../../ipc/contract';
import { call } from '../api';

export function SetupScreen({ info, onDone }: { info: ResponseOf<'app.info'>; onDone: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [demo, setDemo] = useState(info.mode === 'demo');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string[] | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await call('auth.setup', { username, displayName, password, createDemoAccounts: demo });
      if (r.demoAccounts.length) setCreated(r.demoAccounts);
      else onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  if (created) {
    return (
      <Center h="100vh" bg="gray.1">
        <Paper withBorder p="xl" w={480}>
          <Stack>
            <Title order={3}>Console set up</Title>
            <Text>Demo accounts were created (passwords are in the README, for demo use only):</Text>
            <List>{created.map((u) => <List.Item key={u}>{u}</List.Item>)}</List>
            <Button onClick={onDone}>Continue to sign in</Button>
          </Stack>
        </Paper>
      </Center>
    );
  }

  return (
    <Center h="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={480}>
        <form onSubmit={submit} aria-label="Set up">
          <Stack>
            <Title order={2}>Set up Arrivals Console</Title>
            <Text size="sm" c="dimmed">No accounts exist yet. Create the administrator for this site.</Text>
            <TextInput label="Administrator username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} required />
            <TextInput label="Full name" value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} required />
            <PasswordInput label="Password (at least 10 characters)" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
            {info.mode === 'demo' && (
              <Checkbox checked={demo} onChange={(e) => setDemo(e.currentTarget.checked)} label="Demo mode: also create the documented demo accounts (officer, supervisor, admin)" />
            )}
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <Button type="submit">Create administrator</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
