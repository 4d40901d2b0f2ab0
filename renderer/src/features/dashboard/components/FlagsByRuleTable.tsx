// Runs in: renderer. The day's flags per rule (chart and table): awaiting the officer,
// acknowledged, reviewed by a supervisor, and the precision reviews give it, that day and over all
// days (props only).
import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleDayRow } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { Section } from '../../../ui/Section';
import { useLabels } from '../../../i18n/labels';
import { FlagRulesChart } from './FlagRulesChart';

export function FlagsByRuleTable({ rules, actions }: { rules: RuleDayRow[]; actions?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const count = (
    key: 'open' | 'acknowledged' | 'reviewed' | 'confirmed' | 'falsePositive',
    header: string,
  ): DataColumn<RuleDayRow> => ({
    key,
    header,
    cell: (r) => format.number(r[key]),
  });
  const share = (p: number | null) => (p === null ? '—' : format.percent(p, 0));
  const columns: DataColumn<RuleDayRow>[] = [
    {
      key: 'rule',
      header: t('dashboard.flags.rule'),
      cellProps: (r) => ({ title: r.description }),
      cell: (r) => (
        <>
          {labels.rule(r.ruleId)}{' '}
          {r.version > 0 && (
            <Text span size="xs" c="dimmed">
              {t('dashboard.flags.version', { version: r.version })}
            </Text>
          )}
        </>
      ),
    },
    count('open', t('dashboard.flags.open')),
    count('acknowledged', t('dashboard.flags.acknowledged')),
    count('reviewed', t('dashboard.flags.reviewed')),
    count('confirmed', t('dashboard.flags.confirmed')),
    count('falsePositive', t('dashboard.flags.falsePositive')),
    {
      key: 'precision',
      header: t('dashboard.flags.precision'),
      cellProps: (r) => ({ 'data-testid': `precision-${r.ruleId}` }),
      cell: (r) => share(r.precision),
    },
    {
      key: 'precisionAllDays',
      header: t('dashboard.flags.precisionAllDays'),
      cell: (r) => share(r.precisionAllDays),
    },
  ];
  return (
    <Section title={t('dashboard.flags.title')} actions={actions}>
      <FlagRulesChart rules={rules} />
      <DataTable label={t('dashboard.flags.title')} columns={columns} rows={rules} rowKey={(r) => r.ruleId} />
    </Section>
  );
}
