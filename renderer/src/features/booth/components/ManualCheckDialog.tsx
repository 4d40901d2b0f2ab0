// Runs in: renderer. The manual identity check (props only): the officer confirms they inspected
// the travel document and says why the face comparison is not relied on; recorded as such.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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
    <Modal opened={opened} onClose={onClose} title={t('booth.identity.manual.title')} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onRecord(reason.trim());
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('booth.identity.manual.intro', { count: attempts })}</Text>
          <Checkbox
            label={t('booth.identity.manual.inspected')}
            checked={inspected}
            onChange={(e) => setInspected(e.currentTarget.checked)}
            required
          />
          <Textarea
            label={t('booth.identity.manual.reason')}
            description={t('booth.identity.manual.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
            required
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} disabled={!ready}>
              {t('booth.identity.manual.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
