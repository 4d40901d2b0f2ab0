// Runs in: renderer. Dialogs: one frame (a title that names it, centred, a named close button;
// focus stays inside and Escape closes, so the keyboard alone works), and on it the question
// asked before a change that is risky or hard to take back (a face threshold, a shorter
// retention, the site's feed): what will happen, then confirm or cancel (props only).
import type { ReactNode } from 'react';
import { Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';

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
