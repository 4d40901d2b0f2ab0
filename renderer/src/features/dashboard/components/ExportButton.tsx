// Runs in: renderer. A table's "Export CSV" button, named for its table (props only).
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ExportButton({
  table,
  onExport,
  pending,
  disabled,
}: {
  /** The table's name as the user reads it. */
  table: string;
  onExport: () => void;
  pending: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-sm"
      variant="default"
      onClick={onExport}
      loading={pending}
      disabled={disabled}
      aria-label={t('dashboard.export.label', { table })}
    >
      {t('dashboard.export.csv')}
    </Button>
  );
}
