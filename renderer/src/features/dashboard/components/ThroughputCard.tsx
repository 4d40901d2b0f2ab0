// Runs in: renderer. Cases completed per hour today, uploads still waiting, photos enrolled
// (props only).
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';
import { EmptyNote } from '../../../ui/EmptyNote';

export function ThroughputCard({
  perHour,
  pendingUploads,
  enrolment,
}: Pick<DashboardView, 'perHour' | 'pendingUploads' | 'enrolment'>) {
  const { t } = useTranslation();
  const format = useFormat();
  const { done, total, unusable } = enrolment;
  return (
    <Section title={t('dashboard.throughput.title')}>
      {perHour.length === 0 ? (
        <EmptyNote>{t('dashboard.throughput.none')}</EmptyNote>
      ) : (
        <Stack gap={0}>
          {perHour.map((h) => (
            <Group key={h.hour} justify="space-between">
              <Text size="sm">{h.hour}</Text>
              <Text size="sm" fw={600}>
                {format.number(h.completed)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <Text size="sm" mt="sm">
        {t('dashboard.throughput.pendingUploads', { n: format.number(pendingUploads) })}
      </Text>
      <Text size="sm">
        {unusable
          ? t('dashboard.throughput.enrolledUnusable', { done, total, unusable })
          : t('dashboard.throughput.enrolled', { done, total })}
      </Text>
    </Section>
  );
}
