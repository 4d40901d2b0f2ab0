// Runs in: renderer. First run (props only): the administrator's account, and in demo mode
// whether to also create the documented demo accounts; then the list of what was created.
import { useState } from 'react';
import { Button, Checkbox, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bindChecked, bindText } from '../../../ui/bind';
import { InlineError } from '../../../ui/InlineError';
import { ScreenForm } from '../../../ui/ScreenForm';

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
  return (
    <ScreenForm
      label={t('session.setup.formLabel')}
      title={t('session.setup.title')}
      titleSize="h2"
      onSubmit={() => onSubmit({ username, displayName, password, createDemoAccounts: demo })}
    >
      <Text size="sm" c="dimmed">
        {t('session.setup.intro')}
      </Text>
      <TextInput label={t('session.setup.username')} {...bindText(username, setUsername)} required />
      <TextInput label={t('session.setup.displayName')} {...bindText(displayName, setDisplayName)} required />
      <PasswordInput label={t('session.setup.password')} {...bindText(password, setPassword)} required />
      {demoMode && <Checkbox {...bindChecked(demo, setDemo)} label={t('session.setup.demoAccounts')} />}
      {error && <InlineError message={error} />}
      <Button type="submit" loading={busy}>
        {t('session.setup.submit')}
      </Button>
    </ScreenForm>
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
