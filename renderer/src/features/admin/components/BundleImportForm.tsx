// Runs in: renderer. Import a signed offline bundle from a path on this machine (e.g. a USB
// stick): what was applied, or why the bundle was refused (props only).
import { useState } from 'react';
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../../ipc/contract';
import { useFormat } from '../../../format';
import { InlineError } from '../../../ui/InlineError';

export type BundleResult = ResponseOf<'bundle.import'>;

export interface BundleImportFormProps {
  onImport: (path: string) => void;
  importing: boolean;
  result?: BundleResult | null;
  error?: string | null;
}

export function BundleImportForm({ onImport, importing, result, error }: BundleImportFormProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) onImport(file);
      }}
    >
      <Group align="flex-end">
        <TextInput
          label={t('admin.bundle.file')}
          placeholder={t('admin.bundle.placeholder')}
          value={file}
          onChange={(e) => setFile(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button type="submit" loading={importing} disabled={!file}>
          {t('admin.bundle.submit')}
        </Button>
      </Group>
      {result && <BundleResultLine result={result} />}
      {error && <InlineError message={error} mt="sm" />}
    </form>
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
    <Alert mt="sm" color="green" role="status">
      {r.lookoutVersion
        ? t('admin.bundle.doneLookout', { ...values, lookout: r.lookoutVersion })
        : t('admin.bundle.done', values)}
    </Alert>
  );
}
