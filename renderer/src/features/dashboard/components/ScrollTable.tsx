// Runs in: renderer. A dashboard table that grows to a height and then scrolls under its header
// row, so a tab keeps to one screen however many hours, booths or officers the day has. The
// scrolling box is a named, focusable region (arrow keys scroll it). Props only.
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableProps } from '../../../ui/DataTable';
import { ScrollRegion } from '../../../ui/ScrollRegion';

export function ScrollTable<Row>({
  maxHeight,
  label,
  ...table
}: DataTableProps<Row> & { label: string; maxHeight?: number }) {
  const { t } = useTranslation();
  if (maxHeight === undefined) return <DataTable label={label} {...table} />;
  return (
    <ScrollRegion
      label={t('dashboard.scrollable', { table: label })}
      mah={maxHeight}
      type="auto"
      offsetScrollbars="y"
    >
      <DataTable label={label} stickyHeader {...table} />
    </ScrollRegion>
  );
}
