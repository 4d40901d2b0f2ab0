// Runs in: renderer. The idle-lock card (props only): who is locked out and why, the password,
// and a way out for someone else to sign in instead.
import { PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bindText } from '../../../ui/bind';
import { FormActions } from '../../../ui/FormActions';
import { InlineError } from '../../../ui/InlineError';
import { ScreenForm } from '../../../ui/ScreenForm';
import { useRetryPassword } from './retry-password';

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
  const { password, setPassword, field, refused } = useRetryPassword();
  const submit = () => {
    onUnlock(password).catch(() => refused(password));
  };
  return (
    <ScreenForm label={t('session.lock.formLabel')} title={t('session.lock.title')} onSubmit={submit}>
      <Text size="sm">{t('session.lock.explanation', { count: idleLockMinutes, name: displayName })}</Text>
      <PasswordInput
        ref={field}
        label={t('session.lock.password')}
        {...bindText(password, setPassword)}
        required
        autoFocus
      />
      {error && <InlineError message={error} />}
      <FormActions
        apart
        back={{ label: t('session.lock.signOut'), onClick: onSignOut }}
        submit={t('session.lock.submit')}
        busy={busy}
      />
    </ScreenForm>
  );
}
