// Runs in: renderer. Cases completed per local hour against appointments scheduled in it (props
// only). The chart beside it draws the same rows.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HourRow } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import type { DataColumn } from '../../../ui/DataTable';
import { EmptyNote } from '../../../ui/EmptyNote';
import { Section } from '../../../ui/Section';
import { ScrollTable } from './ScrollTable';

export function HoursTable({
  rows,
  actions,
  chart,
  maxHeight,
}: {
  rows: HourRow[];
  actions?: ReactNode;
  chart?: ReactNode;
  /** The table scrolls past this height. */
  maxHeight?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: DataColumn<HourRow>[] = [
    { key: 'hour', header: t('dashboard.hours.hour'), cell: (r) => r.hour },
    { key: 'scheduled', header: t('dashboard.hours.scheduled'), cell: (r) => format.number(r.scheduled) },
    { key: 'completed', header: t('dashboard.hours.completed'), cell: (r) => format.number(r.completed) },
  ];
  return (
    <Section title={t('dashboard.hours.title')} actions={actions}>
      {rows.length === 0 ? (
        <EmptyNote>{t('dashboard.hours.none')}</EmptyNote>
      ) : (
        <>
          {chart}
          <ScrollTable
            label={t('dashboard.hours.table')}
            maxHeight={maxHeight}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.hour}
            striped
            verticalSpacing={2}
          />
        </>
      )}
    </Section>
  );
}
