// Runs in: renderer. After signing in with a one-time password an admin set: the user chooses
// their own before anything else (main refuses every other call until then), or signs out.
import { useState } from 'react';
import { PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../ipc/channels/auth';
import { bindText } from '../../ui/bind';
import { CenteredScreen } from '../../ui/CenteredScreen';
import { FormActions } from '../../ui/FormActions';
import { InlineError } from '../../ui/InlineError';
import { ScreenForm } from '../../ui/ScreenForm';
import { useChangePassword, useSignOut } from './mutations';

export function ChangePasswordScreen({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const signOut = useSignOut();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = () => {
    setMismatch(password !== again);
    if (password === again) change.mutate({ newPassword: password });
  };
  const error = mismatch ? t('session.changePassword.mismatch') : (change.error?.message ?? null);
  return (
    <CenteredScreen>
      <ScreenForm
        label={t('session.changePassword.formLabel')}
        title={t('session.changePassword.title')}
        onSubmit={submit}
      >
        <Text size="sm">{t('session.changePassword.intro', { name: session.user?.displayName ?? '' })}</Text>
        {(
          [
            [t('session.changePassword.password'), password, setPassword],
            [t('session.changePassword.again'), again, setAgain],
          ] as const
        ).map(([label, value, set], i) => (
          <PasswordInput
            key={label}
            label={label}
            autoComplete="new-password"
            {...bindText(value, set)}
            required
            autoFocus={i === 0}
          />
        ))}
        {error && <InlineError message={error} />}
        <FormActions
          apart
          back={{ label: t('session.changePassword.signOut'), onClick: () => signOut.mutate({}) }}
          submit={t('session.changePassword.submit')}
          busy={change.isPending}
        />
      </ScreenForm>
    </CenteredScreen>
  );
}
