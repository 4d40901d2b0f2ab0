// Runs in: renderer. Every booth of the port as its last heartbeat to the feed described it:
// version (and whether it lags behind its channel's newest), model, last sync, uploads waiting,
// when it was last heard from; above the table, how far the rollout has come (props only).
import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FleetBoothView, FleetView } from '../../../../../ipc/channels/update';
import { useFormat } from '../../../format';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { InlineError } from '../../../ui/InlineError';
import { WHOLE_BADGE } from '../../../ui/StatusBadge';

export function FleetTable({ fleet }: { fleet: FleetView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const r = fleet.rollout;
  const rollout = r
    ? t('admin.updates.fleet.rollout', {
        version: r.version,
        on: format.number(r.onVersion),
        booths: format.number(r.booths),
        channel: t(`admin.updates.channel.${r.channel}`),
        percent: r.booths ? format.percent(r.onVersion / r.booths, 0) : '—',
      }) +
      (r.stagingPercentage === null
        ? ''
        : ` ${t('admin.updates.fleet.stage', { percent: format.number(r.stagingPercentage) })}`)
    : '';
  const columns: DataColumn<FleetBoothView>[] = [
    {
      key: 'booth',
      header: t('admin.updates.fleet.booth'),
      cell: (b) => <Tagged text={b.booth} tag={b.self ? t('admin.updates.fleet.self') : null} color="blue" />,
    },
    {
      key: 'version',
      header: t('admin.updates.fleet.version'),
      cell: (b) => (
        <Tagged text={b.appVersion} tag={b.behind ? t('admin.updates.fleet.behind') : null} color="orange" />
      ),
    },
    {
      key: 'channel',
      header: t('admin.updates.fleet.channel'),
      cell: (b) => t(`admin.updates.channel.${b.channel}`),
    },
    { key: 'model', header: t('admin.updates.fleet.model'), cell: (b) => b.modelVersion ?? '—' },
    {
      key: 'sync',
      header: t('admin.updates.fleet.lastSync'),
      cell: (b) => (b.lastSyncAt ? format.ago(b.lastSyncAt) : t('admin.updates.fleet.never')),
    },
    {
      key: 'pending',
      header: t('admin.updates.fleet.pending'),
      cell: (b) => format.number(b.pendingUploads),
    },
    {
      key: 'seen',
      header: t('admin.updates.fleet.lastSeen'),
      cell: (b) => (
        <Tagged
          text={format.ago(b.lastSeenAt)}
          tag={b.silent ? t('admin.updates.fleet.silent') : null}
          color="red"
        />
      ),
    },
    {
      key: 'update',
      header: t('admin.updates.fleet.update'),
      cell: (b) => t(`admin.updates.phase.${b.updatePhase}`, { defaultValue: b.updatePhase }),
    },
  ];
  return (
    <>
      {fleet.error && <InlineError message={t('admin.updates.fleet.unavailable', { error: fleet.error })} />}
      {r && (
        <div>
          <Text size="sm" data-testid="fleet-rollout">
            {rollout}
          </Text>
          <Progress
            value={r.booths ? Math.round((100 * r.onVersion) / r.booths) : 0}
            color="teal"
            aria-label={rollout}
            mt={4}
            mb="sm"
          />
        </div>
      )}
      {!fleet.error && fleet.booths.length === 0 ? (
        <Text size="sm">{t('admin.updates.fleet.none')}</Text>
      ) : (
        fleet.booths.length > 0 && (
          <DataTable
            label={t('admin.updates.fleet.table')}
            columns={columns}
            rows={fleet.booths}
            rowKey={(b) => b.boothId}
            striped
          />
        )
      )}
    </>
  );
}

/** A cell's text with a badge beside it when there is something to say (this console, behind, silent). */
function Tagged({ text, tag, color }: { text: string; tag: string | null; color: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span>{text}</span>
      {tag && (
        <Badge color={color} variant={color === 'blue' ? 'light' : 'filled'} styles={WHOLE_BADGE}>
          {tag}
        </Badge>
      )}
    </Group>
  );
}
