// Runs in: renderer. Completed cases per booth or per officer: how many, median and 90th
// percentile minutes from arrival to decision, referrals (props only).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkRow } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import type { DataColumn } from '../../../ui/DataTable';
import { EmptyNote } from '../../../ui/EmptyNote';
import { Section } from '../../../ui/Section';
import { ScrollTable } from './ScrollTable';

export function WorkTable({
  by,
  rows,
  actions,
  maxHeight,
}: {
  by: 'booth' | 'officer';
  rows: WorkRow[];
  actions?: ReactNode;
  /** Scrolls past this height. */
  maxHeight?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const minutes = (m: number | null) => (m === null ? '—' : format.number(m));
  const columns: DataColumn<WorkRow>[] = [
    {
      key: 'key',
      header: by === 'booth' ? t('dashboard.work.booth') : t('dashboard.work.officer'),
      cell: (r) => r.key,
    },
    { key: 'cases', header: t('dashboard.work.cases'), cell: (r) => format.number(r.cases) },
    { key: 'median', header: t('dashboard.work.median'), cell: (r) => minutes(r.medianMinutes) },
    { key: 'p90', header: t('dashboard.work.p90'), cell: (r) => minutes(r.p90Minutes) },
    { key: 'referrals', header: t('dashboard.work.referrals'), cell: (r) => format.number(r.referrals) },
  ];
  const title = t(by === 'booth' ? 'dashboard.work.booths' : 'dashboard.work.officers');
  return (
    <Section title={title} actions={actions}>
      {rows.length === 0 ? (
        <EmptyNote>{t('dashboard.work.none')}</EmptyNote>
      ) : (
        <ScrollTable
          label={title}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.key}
          maxHeight={maxHeight}
        />
      )}
    </Section>
  );
}
