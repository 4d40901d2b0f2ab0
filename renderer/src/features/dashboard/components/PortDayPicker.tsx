// Runs in: renderer. Which port-day the dashboard shows: a port and one of its synced service
// dates (props only).
import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format';

export function PortDayPicker({
  ports,
  dates,
  port,
  date,
  today,
  onChange,
}: {
  ports: string[];
  /** The chosen port's dates, newest first. */
  dates: string[];
  port: string | null;
  date: string | null;
  /** Today at the chosen port, marked as such. */
  today: string | null;
  onChange: (next: { port: string; date?: string }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label={t('dashboard.picker.port')}
        data={ports}
        value={port ?? ''}
        onChange={(e) => onChange({ port: e.currentTarget.value })}
        w={110}
      />
      <NativeSelect
        label={t('dashboard.picker.date')}
        data={dates.map((d) => ({
          value: d,
          label: d === today ? t('dashboard.picker.today', { date: format.date(d) }) : format.date(d),
        }))}
        value={date ?? ''}
        onChange={(e) => port && onChange({ port, date: e.currentTarget.value })}
        w={200}
      />
    </Group>
  );
}
