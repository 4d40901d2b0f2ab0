// Runs in: renderer. Import a signed offline bundle the admin picks or drops (e.g. from a USB
// stick): its bytes go to main, never its path; while they are sent, how much has arrived; then
// what was applied, or why the bundle was refused (props only).
import { useState } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../../ipc/contract';
import { useFormat } from '../../../format';
import { FileDropZone } from '../../../ui/FileDropZone';
import { InlineError } from '../../../ui/InlineError';

export type BundleResult = ResponseOf<'bundle.import'>;

export interface BundleImportFormProps {
  onImport: (file: File) => void;
  importing: boolean;
  /** Bytes main has received of the file being sent; null once all are in (checking, importing). */
  received?: number | null;
  result?: BundleResult | null;
  error?: string | null;
}

export function BundleImportForm({ onImport, importing, received, result, error }: BundleImportFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const sending = importing && file !== null && typeof received === 'number';
  return (
    <Stack gap="sm">
      <FileDropZone
        onFile={setFile}
        chooseLabel={t('admin.bundle.choose')}
        hint={t('admin.bundle.dropHint')}
        inputLabel={t('admin.bundle.file')}
        disabled={importing}
        testId="bundle-drop"
      />
      {file && (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" data-testid="bundle-file">
            {t('admin.bundle.chosen', { name: file.name, size: format.number(Math.ceil(file.size / 1024)) })}
          </Text>
          <Button onClick={() => onImport(file)} loading={importing}>
            {t('admin.bundle.submit')}
          </Button>
        </Group>
      )}
      {sending && (
        <Stack gap={4}>
          <Progress
            value={file.size ? (100 * received) / file.size : 100}
            aria-label={t('admin.bundle.sending')}
          />
          <Text size="xs" c="dimmed">
            {t('admin.bundle.sent', {
              sent: format.number(Math.floor(received / 1024)),
              size: format.number(Math.ceil(file.size / 1024)),
            })}
          </Text>
        </Stack>
      )}
      {importing && !sending && (
        <Text size="sm" c="dimmed" role="status">
          {t('admin.bundle.checking')}
        </Text>
      )}
      {result && <BundleResultLine result={result} />}
      {error && <InlineError message={error} />}
    </Stack>
  );
}

function BundleResultLine({ result: r }: { result: BundleResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const values = {
    port: r.port,
    date: format.date(r.serviceDate),
    batches: format.number(r.batchesApplied),
    records: format.number(r.recordsApplied),
    photos: format.number(r.photosStored),
  };
  return (
    <Alert color="green" role="status">
      {r.lookoutVersion
        ? t('admin.bundle.doneLookout', { ...values, lookout: r.lookoutVersion })
        : t('admin.bundle.done', values)}
    </Alert>
  );
}
