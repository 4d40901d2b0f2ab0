// Runs in: renderer. Dialogs: one frame (a title that names it, centred, a named close button;
// focus stays inside and Escape closes, so the keyboard alone works); on it a small form (fields,
// why it was refused, cancel or submit), or the question asked before a change that is risky or
// hard to take back (a face threshold, a shorter retention, the site's feed): what will happen,
// then confirm or cancel (props only).
import type { FormEvent, ReactNode } from 'react';
import { Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { InlineError } from './InlineError';

export interface DialogProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

export function Dialog({ opened, title, onClose, children }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      {children}
    </Modal>
  );
}

export interface DialogFormProps extends DialogProps {
  /** The submit button's label. */
  submit: string;
  onSubmit: () => void;
  busy: boolean;
  /** The submit button is off (the form is not complete yet). */
  submitDisabled?: boolean;
  /** Why main refused the last submit. */
  error?: string | null;
}

/** A dialog holding a form: its fields, why it was refused, then cancel (closes) or submit. */
export function DialogForm({
  submit,
  onSubmit,
  busy,
  submitDisabled,
  error,
  children,
  ...dialog
}: DialogFormProps) {
  const { t } = useTranslation();
  const submitted = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Dialog {...dialog}>
      <form onSubmit={submitted}>
        <Stack>
          {children}
          {error && <InlineError message={error} />}
          <FormActions
            back={{ label: t('common.cancel'), onClick: dialog.onClose }}
            submit={submit}
            busy={busy}
            submitDisabled={submitDisabled}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  /** What the change does, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} title={title} onClose={onCancel}>
      <Stack>
        {children}
        <FormActions
          back={{ label: t('common.cancel'), onClick: onCancel }}
          submit={confirmLabel}
          onSubmit={onConfirm}
          busy={busy}
        />
      </Stack>
    </Dialog>
  );
}
