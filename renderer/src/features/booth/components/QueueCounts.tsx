// Runs in: renderer. How many appointments are in each status today (props only).
import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../i18n/labels';
import { StatusBadge } from '../../../ui/StatusBadge';

export function QueueCounts({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Group gap="xs">
      {Object.entries(counts).map(([status, n]) => (
        <StatusBadge key={status} status={status} variant="light">
          {t('booth.queue.count', { status: labels.status(status), count: n })}
        </StatusBadge>
      ))}
    </Group>
  );
}
