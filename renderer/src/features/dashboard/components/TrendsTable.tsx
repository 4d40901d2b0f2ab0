// Runs in: renderer. The same address, phone, email or booking device among unrelated
// households across ports and days (props only).
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrendView } from '../../../../../ipc/channels/flags';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';
import { isTrendKind } from '../labels';

export function TrendsTable({ trends }: { trends: TrendView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('dashboard.trends.title')}>
      <Table aria-label={t('dashboard.trends.table')} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.trends.kind')}</Table.Th>
            <Table.Th>{t('dashboard.trends.value')}</Table.Th>
            <Table.Th>{t('dashboard.trends.applicants')}</Table.Th>
            <Table.Th>{t('dashboard.trends.households')}</Table.Th>
            <Table.Th>{t('dashboard.trends.ports')}</Table.Th>
            <Table.Th>{t('dashboard.trends.days')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trends.map((tr, i) => (
            <Table.Tr key={`${tr.kind}:${tr.example}:${i}`}>
              <Table.Td>{isTrendKind(tr.kind) ? t(`dashboard.trends.kinds.${tr.kind}`) : tr.kind}</Table.Td>
              <Table.Td>{tr.example}</Table.Td>
              <Table.Td>{format.number(tr.applicants)}</Table.Td>
              <Table.Td>{format.number(tr.households)}</Table.Td>
              <Table.Td>{tr.ports.join(', ')}</Table.Td>
              <Table.Td>{format.number(tr.days)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {trends.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('dashboard.trends.none')}
        </Text>
      )}
    </Section>
  );
}
