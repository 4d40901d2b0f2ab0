// Runs in: renderer. The queue's filters in one compact block (props only): the time window,
// "not yet processed", open flags, and the day's counts per status, each a toggle; a way back to
// everyone when any is on. The search's own switch (other ports) may lead the block.
import type { ReactNode } from 'react';
import { Button, Group, NativeSelect, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { isFiltered, NO_FILTER, type QueueFilter, type TimeWindow } from '../queue-filter';
import { QueueCounts } from './QueueCounts';

const WINDOWS: ReadonlyArray<{ value: TimeWindow; labelKey: ParseKeys }> = [
  { value: 'all', labelKey: 'booth.queue.filters.windows.all' },
  { value: 'now', labelKey: 'booth.queue.filters.windows.now' },
  { value: 'next2h', labelKey: 'booth.queue.filters.windows.next2h' },
  { value: 'earlier', labelKey: 'booth.queue.filters.windows.earlier' },
  { value: 'later', labelKey: 'booth.queue.filters.windows.later' },
];

export function TimeWindowSelect({
  value,
  onChange,
}: {
  value: TimeWindow;
  onChange: (w: TimeWindow) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      size="sm"
      w={150}
      aria-label={t('booth.queue.filters.time')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as TimeWindow)}
      data={WINDOWS.map((w) => ({ value: w.value, label: t(w.labelKey) }))}
    />
  );
}

export function QueueFilters({
  filter,
  onChange,
  counts,
  leading,
}: {
  filter: QueueFilter;
  onChange: (f: QueueFilter) => void;
  counts: Record<string, number>;
  leading?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="wrap" align="center">
      {leading}
      <Switch
        size="xs"
        label={t('booth.queue.filters.notProcessed')}
        checked={filter.notProcessed}
        onChange={(e) => onChange({ ...filter, notProcessed: e.currentTarget.checked })}
      />
      <Switch
        size="xs"
        label={t('booth.queue.onlyFlagged')}
        checked={filter.flagged}
        onChange={(e) => onChange({ ...filter, flagged: e.currentTarget.checked })}
      />
      <QueueCounts
        counts={counts}
        selected={filter.statuses}
        onChange={(statuses) => onChange({ ...filter, statuses })}
      />
      {isFiltered(filter) && (
        <Button size="compact-xs" variant="subtle" onClick={() => onChange(NO_FILTER)}>
          {t('booth.queue.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
