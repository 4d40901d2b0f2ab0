// Runs in: renderer. How many appointments are in each status today, each a toggle that shows
// only that status (props only; none pressed: every status).
import { Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../i18n/labels';
import { STATUS_COLOR } from '../../../ui/StatusBadge';

export function QueueCounts({
  counts,
  selected,
  onChange,
}: {
  counts: Record<string, number>;
  selected: readonly string[];
  onChange: (statuses: string[]) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Chip.Group multiple value={[...selected]} onChange={onChange}>
      <Group gap={6} role="group" aria-label={t('booth.queue.filters.status')}>
        {Object.entries(counts).map(([status, n]) => (
          <Chip key={status} value={status} size="xs" variant="light" color={STATUS_COLOR[status] ?? 'gray'}>
            {t('booth.queue.count', { status: labels.status(status), count: n })}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
