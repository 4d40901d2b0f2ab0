// Runs in: renderer. The manual identity check (props only): the officer confirms they inspected
// the travel document and says why the face comparison is not relied on; recorded as such.
import { useState } from 'react';
import { Checkbox, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bindChecked, bindText } from '../../../ui/bind';
import { DialogForm } from '../../../ui/ConfirmDialog';

/** Shortest reason main accepts (ipc/channels/encounter.ts). */
const MIN_REASON = 3;

export function ManualCheckDialog({
  opened,
  attempts,
  saving,
  error,
  onClose,
  onRecord,
}: {
  opened: boolean;
  /** Comparisons so far without a match. */
  attempts: number;
  saving: boolean;
  error: string | null;
  onClose: () => void;
  onRecord: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [inspected, setInspected] = useState(false);
  const [reason, setReason] = useState('');
  const ready = inspected && reason.trim().length >= MIN_REASON;
  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={t('booth.identity.manual.title')}
      submit={t('booth.identity.manual.record')}
      onSubmit={() => ready && onRecord(reason.trim())}
      busy={saving}
      submitDisabled={!ready}
      error={error}
    >
      <Text size="sm">{t('booth.identity.manual.intro', { count: attempts })}</Text>
      <Checkbox
        label={t('booth.identity.manual.inspected')}
        {...bindChecked(inspected, setInspected)}
        required
      />
      <Textarea
        label={t('booth.identity.manual.reason')}
        description={t('booth.identity.manual.reasonHint')}
        {...bindText(reason, setReason)}
        autosize
        minRows={2}
        maxLength={500}
        required
      />
    </DialogForm>
  );
}
