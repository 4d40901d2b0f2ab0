// Runs in: renderer. First run (props only): the administrator's account, and in demo mode
// whether to also create the documented demo accounts; then the list of what was created.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  createDemoAccounts: boolean;
}

export function SetupForm({
  demoMode,
  error,
  busy,
  onSubmit,
}: {
  demoMode: boolean;
  error: string | null;
  busy: boolean;
  onSubmit: (v: SetupValues) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [demo, setDemo] = useState(demoMode);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ username, displayName, password, createDemoAccounts: demo });
  };
  return (
    <form onSubmit={submit} aria-label={t('session.setup.formLabel')}>
      <Stack>
        <Title order={1} size="h2">
          {t('session.setup.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('session.setup.intro')}
        </Text>
        <TextInput
          label={t('session.setup.username')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('session.setup.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          required
        />
        <PasswordInput
          label={t('session.setup.password')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          required
        />
        {demoMode && (
          <Checkbox
            checked={demo}
            onChange={(e) => setDemo(e.currentTarget.checked)}
            label={t('session.setup.demoAccounts')}
          />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={busy}>
          {t('session.setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function SetupDone({ accounts, onContinue }: { accounts: string[]; onContinue: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h3">
        {t('session.setup.doneTitle')}
      </Title>
      <Text>{t('session.setup.doneIntro')}</Text>
      <List>
        {accounts.map((u) => (
          <List.Item key={u}>{u}</List.Item>
        ))}
      </List>
      <Button onClick={onContinue}>{t('session.setup.continue')}</Button>
    </Stack>
  );
}
