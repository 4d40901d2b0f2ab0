// Runs in: renderer. The sign-in card (props only): the page's h1, which port this console
// serves, the two fields; a refused attempt shows its reason and clears the password.
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Credentials {
  username: string;
  password: string;
}

export function SignInForm({
  subtitle,
  error,
  busy,
  onSubmit,
}: {
  /** Port and mode, e.g. "San Ysidro (SYS) · demo data". */
  subtitle: string;
  error: string | null;
  busy: boolean;
  /** Rejects when the attempt is refused. */
  onSubmit: (c: Credentials) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const passwordField = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Refused: try again from the (cleared) password, where the busy button left no focus.
    onSubmit({ username, password }).catch(() => {
      setPassword('');
      passwordField.current?.focus();
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('session.signIn.formLabel')}>
      <Stack>
        <div>
          <Title order={1} size="h2">
            {t('common.appName')}
          </Title>
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        </div>
        <TextInput
          label={t('session.signIn.username')}
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          required
          autoFocus
        />
        <PasswordInput
          ref={passwordField}
          label={t('session.signIn.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          required
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={busy} size="md">
          {t('session.signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
