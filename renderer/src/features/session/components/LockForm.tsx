// Runs in: renderer. The idle-lock card (props only): who is locked out and why, the password,
// and a way out for someone else to sign in instead.
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LockForm({
  displayName,
  idleLockMinutes,
  error,
  busy,
  onUnlock,
  onSignOut,
}: {
  displayName: string;
  idleLockMinutes: number;
  error: string | null;
  busy: boolean;
  /** Rejects when the password is refused. */
  onUnlock: (password: string) => Promise<unknown>;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const passwordField = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onUnlock(password).catch(() => {
      setPassword('');
      passwordField.current?.focus();
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('session.lock.formLabel')}>
      <Stack>
        <Title order={1} size="h3">
          {t('session.lock.title')}
        </Title>
        <Text size="sm">{t('session.lock.explanation', { count: idleLockMinutes, name: displayName })}</Text>
        <PasswordInput
          ref={passwordField}
          label={t('session.lock.password')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          required
          autoFocus
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="subtle" onClick={onSignOut}>
            {t('session.lock.signOut')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('session.lock.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
