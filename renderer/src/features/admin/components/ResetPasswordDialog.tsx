// Runs in: renderer. An admin sets a one-time password for an account: what it does (the user
// must choose their own at the next sign-in; their sessions end; a lockout ends), the password,
// and why it was refused if it was (props only).
import { useState } from 'react';
import { PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../../ipc/channels/users';
import { bindText } from '../../../ui/bind';
import { DialogForm } from '../../../ui/ConfirmDialog';

export interface ResetPasswordDialogProps {
  /** The account, or null when the dialog is closed. */
  user: UserView | null;
  onSubmit: (password: string) => void;
  onClose: () => void;
  submitting: boolean;
  error?: string | null;
}

export function ResetPasswordDialog({
  user,
  onSubmit,
  onClose,
  submitting,
  error,
}: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const close = () => {
    setPassword('');
    onClose();
  };
  return (
    <DialogForm
      opened={user !== null}
      onClose={close}
      title={t('admin.users.resetTitle', { username: user?.username ?? '' })}
      submit={t('admin.users.resetSubmit')}
      onSubmit={() => onSubmit(password)}
      busy={submitting}
      error={error}
    >
      <Text size="sm">{t('admin.users.resetIntro')}</Text>
      <PasswordInput
        label={t('admin.users.oneTimePassword')}
        autoComplete="new-password"
        {...bindText(password, setPassword)}
        required
        data-autofocus
      />
    </DialogForm>
  );
}
