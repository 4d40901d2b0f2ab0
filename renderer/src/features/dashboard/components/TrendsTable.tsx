// Runs in: renderer. The same address, phone, email or booking device among unrelated
// households across ports and days (the vetting window), with how many applicants each port saw:
// a chart by port, then the table (props only).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendView } from '../../../../../ipc/channels/flags';
import { useFormat } from '../../../format';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { Section } from '../../../ui/Section';
import { isTrendKind } from '../labels';
import { EmptyNote } from '../../../ui/EmptyNote';
import { TrendsChart } from './TrendsChart';

export function TrendsTable({ trends, actions }: { trends: TrendView[]; actions?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: DataColumn<TrendView>[] = [
    {
      key: 'kind',
      header: t('dashboard.trends.kind'),
      cell: (tr) => (isTrendKind(tr.kind) ? t(`dashboard.trends.kinds.${tr.kind}`) : tr.kind),
    },
    { key: 'value', header: t('dashboard.trends.value'), cell: (tr) => tr.example },
    {
      key: 'applicants',
      header: t('dashboard.trends.applicants'),
      cell: (tr) => format.number(tr.applicants),
    },
    {
      key: 'households',
      header: t('dashboard.trends.households'),
      cell: (tr) => format.number(tr.households),
    },
    {
      key: 'ports',
      header: t('dashboard.trends.ports'),
      // Applicants per port, most first: where across the vetting window it was seen.
      cell: (tr) =>
        tr.perPort.length
          ? tr.perPort
              .map((p) => t('dashboard.trends.perPort', { port: p.port, count: format.number(p.applicants) }))
              .join(' · ')
          : tr.ports.join(', '),
    },
    { key: 'days', header: t('dashboard.trends.days'), cell: (tr) => format.number(tr.days) },
  ];
  return (
    <Section title={t('dashboard.trends.title')} actions={actions}>
      <TrendsChart trends={trends} />
      <DataTable
        label={t('dashboard.trends.table')}
        fz="sm"
        columns={columns}
        rows={trends}
        rowKey={(tr, i) => `${tr.kind}:${tr.example}:${i}`}
      />
      {trends.length === 0 && <EmptyNote mt="xs">{t('dashboard.trends.none')}</EmptyNote>}
    </Section>
  );
}
