// Runs in: renderer. Flags per rule with the precision the supervisors' reviews give it
// (props only).
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleSummaryView } from '../../../../../ipc/channels/flags';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';
import { useLabels } from '../../../i18n/labels';

export function FlagsByRuleTable({ rules }: { rules: RuleSummaryView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  return (
    <Section title={t('dashboard.flags.title')}>
      <Table aria-label={t('dashboard.flags.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.flags.rule')}</Table.Th>
            <Table.Th>{t('dashboard.flags.open')}</Table.Th>
            <Table.Th>{t('dashboard.flags.acknowledged')}</Table.Th>
            <Table.Th>{t('dashboard.flags.confirmed')}</Table.Th>
            <Table.Th>{t('dashboard.flags.falsePositive')}</Table.Th>
            <Table.Th>{t('dashboard.flags.precision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((r) => (
            <Table.Tr key={r.ruleId}>
              <Table.Td title={r.description}>
                {labels.rule(r.ruleId)}{' '}
                <Text span size="xs" c="dimmed">
                  {t('dashboard.flags.version', { version: r.version })}
                </Text>
              </Table.Td>
              <Table.Td>{format.number(r.open)}</Table.Td>
              <Table.Td>{format.number(r.acknowledged)}</Table.Td>
              <Table.Td>{format.number(r.confirmed)}</Table.Td>
              <Table.Td>{format.number(r.falsePositive)}</Table.Td>
              <Table.Td data-testid={`precision-${r.ruleId}`}>
                {r.precision === null ? '—' : format.percent(r.precision, 0)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
