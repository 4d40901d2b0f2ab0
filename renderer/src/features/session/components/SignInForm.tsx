// Runs in: renderer. The sign-in card (props only): the page's h1, which port this console
// serves, the two fields; a refused attempt shows its reason and clears the password.
import { useState } from 'react';
import { Button, PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bindText } from '../../../ui/bind';
import { InlineError } from '../../../ui/InlineError';
import { ScreenForm } from '../../../ui/ScreenForm';
import { useRetryPassword } from './retry-password';

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
  const { password, setPassword, field, refused } = useRetryPassword();
  const submit = () => {
    // Refused: try again from the password, where the busy button left no focus.
    onSubmit({ username, password }).catch(() => refused(password));
  };
  return (
    <ScreenForm
      label={t('session.signIn.formLabel')}
      title={t('common.appName')}
      titleSize="h2"
      subtitle={subtitle}
      onSubmit={submit}
    >
      <TextInput
        label={t('session.signIn.username')}
        autoComplete="username"
        {...bindText(username, setUsername)}
        required
        autoFocus
      />
      <PasswordInput
        ref={field}
        label={t('session.signIn.password')}
        autoComplete="current-password"
        {...bindText(password, setPassword)}
        required
      />
      {error && <InlineError message={error} />}
      <Button type="submit" loading={busy} size="md">
        {t('session.signIn.submit')}
      </Button>
    </ScreenForm>
  );
}
