// Runs in: renderer. The vetting window on the admin's engine card (props only): what it covers,
// how much of it is current, the last cycle's requests, each port's share, and every port-day
// that is not current with why (its last error) and when it is tried again.
import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WindowDayView, WindowStatusView } from '../../../../../ipc/channels/sync';
import { useFormat } from '../../../format';
import { DataTable } from '../../../ui/DataTable';
import { WindowSummary } from '../../../ui/WindowSummary';

/** The card's two small tables, as wide as their content. */
const SMALL = { fz: 'xs', w: 'auto' } as const;

export function VettingWindowState({ window: w }: { window: WindowStatusView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const last = w.lastCycle;
  return (
    <Stack gap={4} mt="sm" data-testid="engine-window">
      <Title order={3} size="h5">
        {t('admin.engine.window.title')}
      </Title>
      <Text size="sm">
        {t('admin.engine.window.span', {
          ports: w.ports.join(', '),
          from: format.date(w.from),
          to: format.date(w.to),
          photos: t(
            w.faceTemplates ? 'admin.engine.window.photosTemplates' : 'admin.engine.window.photosNone',
          ),
        })}
      </Text>
      <WindowSummary window={w} />
      <Text size="sm" data-testid="window-cycle">
        {last
          ? t('admin.engine.window.lastCycle', {
              at: format.dateTime(last.finishedAt),
              requests: format.number(last.requests),
              checked: format.number(last.checked),
              updated: format.number(last.updated),
              ms: format.number(last.ms),
              cut: last.complete ? '' : t('admin.engine.window.cut'),
            })
          : t('admin.engine.window.noCycle')}
      </Text>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <DataTable
          {...SMALL}
          label={t('admin.engine.window.perPort')}
          columns={[
            { key: 'port', header: t('admin.engine.window.port'), cell: (p) => p.port },
            {
              key: 'current',
              header: t('admin.engine.window.current'),
              cell: (p) => `${p.current} / ${p.total}`,
            },
          ]}
          rows={w.perPort}
          rowKey={(p) => p.port}
        />
        {w.lagging.length > 0 && <Lagging days={w.lagging} />}
      </Group>
    </Stack>
  );
}

function Lagging({ days }: { days: WindowDayView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const states: Record<WindowDayView['state'], string> = {
    pending: t('admin.engine.window.states.pending'),
    failing: t('admin.engine.window.states.failing'),
    stale: t('admin.engine.window.states.stale'),
  };
  return (
    <DataTable
      {...SMALL}
      label={t('admin.engine.window.lagging')}
      columns={[
        { key: 'port', header: t('admin.engine.window.port'), cell: (d) => d.port },
        { key: 'date', header: t('admin.engine.window.date'), cell: (d) => format.date(d.serviceDate) },
        { key: 'state', header: t('admin.engine.window.state'), cell: (d) => states[d.state] },
        { key: 'error', header: t('admin.engine.window.error'), cell: (d) => d.lastError ?? '' },
        {
          key: 'retry',
          header: t('admin.engine.window.retry'),
          cell: (d) => (d.nextAttemptAt ? format.time(d.nextAttemptAt) : ''),
        },
      ]}
      rows={days}
      rowKey={(d) => `${d.port} ${d.serviceDate}`}
    />
  );
}
