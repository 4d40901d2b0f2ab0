// Runs in: renderer. Flags per rule with the precision the supervisors' reviews give it
// (props only).
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleSummaryView } from '../../../../../ipc/channels/flags';
import { useFormat } from '../../../format';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { Section } from '../../../ui/Section';
import { useLabels } from '../../../i18n/labels';

export function FlagsByRuleTable({ rules }: { rules: RuleSummaryView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const count = (
    key: 'open' | 'acknowledged' | 'confirmed' | 'falsePositive',
    header: string,
  ): DataColumn<RuleSummaryView> => ({
    key,
    header,
    cell: (r) => format.number(r[key]),
  });
  const columns: DataColumn<RuleSummaryView>[] = [
    {
      key: 'rule',
      header: t('dashboard.flags.rule'),
      cellProps: (r) => ({ title: r.description }),
      cell: (r) => (
        <>
          {labels.rule(r.ruleId)}{' '}
          <Text span size="xs" c="dimmed">
            {t('dashboard.flags.version', { version: r.version })}
          </Text>
        </>
      ),
    },
    count('open', t('dashboard.flags.open')),
    count('acknowledged', t('dashboard.flags.acknowledged')),
    count('confirmed', t('dashboard.flags.confirmed')),
    count('falsePositive', t('dashboard.flags.falsePositive')),
    {
      key: 'precision',
      header: t('dashboard.flags.precision'),
      cellProps: (r) => ({ 'data-testid': `precision-${r.ruleId}` }),
      cell: (r) => (r.precision === null ? '—' : format.percent(r.precision, 0)),
    },
  ];
  return (
    <Section title={t('dashboard.flags.title')}>
      <DataTable label={t('dashboard.flags.title')} columns={columns} rows={rules} rowKey={(r) => r.ruleId} />
    </Section>
  );
}
