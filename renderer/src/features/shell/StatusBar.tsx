// Runs in: renderer. The always-visible sync status line (props only): state, last success,
// progress while syncing, today's manifest, pending uploads, the last error, "Sync now". Times
// are the port's (the booth machine's clock may be set to another zone).
import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../../ipc/channels/sync';
import { useFormat } from '../../format';
import { WindowSummary } from '../../ui/WindowSummary';

const STATE_COLOR: Record<SyncStatusView['state'], string> = {
  idle: 'green',
  syncing: 'blue',
  offline: 'orange',
  error: 'red',
  never: 'gray',
};

function useAgo(): (iso: string | null, now?: number) => string {
  const { t } = useTranslation();
  return (iso, now = Date.now()) => {
    if (!iso) return t('shell.status.ago.never');
    const mins = Math.round((now - new Date(iso).getTime()) / 60_000);
    if (mins < 1) return t('shell.status.ago.justNow');
    return mins < 60
      ? t('shell.status.ago.minutes', { count: mins })
      : t('shell.status.ago.hours', { count: Math.round(mins / 60) });
  };
}

export function StatusBar({
  status,
  syncing,
  onSyncNow,
}: {
  status: SyncStatusView;
  syncing: boolean;
  onSyncNow: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ago = useAgo();
  const date = status.serviceDate ?? '—';
  return (
    <Group h="100%" px="md" gap="lg" wrap="nowrap" data-testid="status-area" aria-live="polite">
      <Badge color={STATE_COLOR[status.state]} variant="dot">
        {t('shell.status.sync', { state: t(`shell.status.states.${status.state}`) })}
      </Badge>
      <Text size="sm" data-testid="last-sync">
        {status.lastSuccessAt
          ? t('shell.status.lastSyncAt', {
              time: format.time(status.lastSuccessAt),
              when: ago(status.lastSuccessAt),
            })
          : t('shell.status.lastSync', { when: ago(status.lastSuccessAt) })}
      </Text>
      {status.progress && (
        <Text size="sm" data-testid="sync-progress">
          {status.progress.phase === 'photos'
            ? t('shell.status.progressPhotos', {
                done: status.progress.photosDone,
                total: status.progress.photosTotal,
              })
            : t('shell.status.progressBatches', {
                applied: status.progress.appliedSeq,
                last: status.progress.lastSeq,
              })}
        </Text>
      )}
      <Text
        size="sm"
        c={status.todaysManifest === 'current' ? undefined : 'orange'}
        data-testid="manifest-state"
      >
        {t(`shell.status.manifest.${status.todaysManifest}`, { date })}
      </Text>
      {/* The vetting window, once it reaches beyond today's own port-day. */}
      {status.window && status.window.portDays > 1 && <WindowSummary window={status.window} brief />}
      <Text size="sm">{t('shell.status.pendingUploads', { count: status.pendingUploads })}</Text>
      {status.mode === 'demo' && (
        <Text size="sm" c="dimmed">
          {t('shell.status.demoApplicants', { count: status.applicants })}
        </Text>
      )}
      {status.lastError && (
        <Text size="sm" c="red" data-testid="sync-error" truncate="end" maw={520} title={status.lastError}>
          {status.lastError}
        </Text>
      )}
      {status.feedUrl && (
        <Button size="compact-sm" variant="subtle" loading={syncing} onClick={onSyncNow} ml="auto">
          {t('shell.status.syncNow')}
        </Button>
      )}
    </Group>
  );
}
