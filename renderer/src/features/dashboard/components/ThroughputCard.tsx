// Runs in: renderer. Decisions still waiting to upload, and the day's photos enrolled for face
// matching, counted from what is stored (props only).
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';

export function ThroughputCard({
  pendingUploads,
  enrolment,
}: Pick<DashboardView, 'pendingUploads' | 'enrolment'>) {
  const { t } = useTranslation();
  const format = useFormat();
  const { done, total, unusable } = enrolment;
  return (
    <Section title={t('dashboard.throughput.title')}>
      <Text size="sm">{t('dashboard.throughput.pendingUploads', { n: format.number(pendingUploads) })}</Text>
      <Text size="sm">
        {unusable
          ? t('dashboard.throughput.enrolledUnusable', { done, total, unusable })
          : t('dashboard.throughput.enrolled', { done, total })}
      </Text>
    </Section>
  );
}
