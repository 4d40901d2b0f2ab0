// Runs in: renderer. An admin sets a one-time password for an account: what it does (the user
// must choose their own at the next sign-in; their sessions end; a lockout ends), the password,
// and why it was refused if it was (props only).
import { useState } from 'react';
import { PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../../ipc/channels/users';
import { bindText } from '../../../ui/bind';
import { Dialog } from '../../../ui/ConfirmDialog';
import { FormActions } from '../../../ui/FormActions';
import { InlineError } from '../../../ui/InlineError';

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
    <Dialog
      opened={user !== null}
      onClose={close}
      title={t('admin.users.resetTitle', { username: user?.username ?? '' })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(password);
        }}
      >
        <Stack>
          <Text size="sm">{t('admin.users.resetIntro')}</Text>
          <PasswordInput
            label={t('admin.users.oneTimePassword')}
            autoComplete="new-password"
            {...bindText(password, setPassword)}
            required
            data-autofocus
          />
          {error && <InlineError message={error} />}
          <FormActions
            back={{ label: t('common.cancel'), onClick: close }}
            submit={t('admin.users.resetSubmit')}
            busy={submitting}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
