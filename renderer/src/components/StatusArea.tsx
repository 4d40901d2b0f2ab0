// Runs in: renderer. The always-visible sync status line.
import { useEffect, useState } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import type { SyncStatusView } from '../../../ipc/contract';
import { api } from '../api';

function ago(iso: string | null): string {
  if (!iso) return 'never';
  const mins = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  return mins < 1 ? 'just now' : mins < 60 ? `${mins} min ago` : `${Math.round(mins / 60)} h ago`;
}

const STATE_COLOR: Record<SyncStatusView['state'], string> = { idle: 'green', syncing: 'blue', offline: 'orange', error: 'red', never: 'gray' };

export function StatusArea() {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [syncing, setSyncing] = useState(false);
  const syncNow = () => {
    setSyncing(true);
    void api['sync.now']({})
      .then((r) => r.ok && setStatus(r.value))
      .finally(() => setSyncing(false));
  };
  useEffect(() => {
    let alive = true;
    const load = () => void api['sync.status']({}).then((r) => alive && r.ok && setStatus(r.value));
    load();
    const t = setInterval(load, 5000);
    return () => {
      alive = false;
      clearInterval(t);
    };
  }, []);
  if (!status) return null;
  return (
    <Group h="100%" px="md" gap="lg" wrap="nowrap" data-testid="status-area" aria-live="polite">
      <Badge color={STATE_COLOR[status.state]} variant="dot">Sync: {status.state}</Badge>
      <Text size="sm">Last sync: {ago(status.lastSuccessAt)}</Text>
      {status.progress && (
        <Text size="sm" data-testid="sync-progress">
          {status.progress.phase === 'photos' ? `Photos ${status.progress.photosDone}/${status.progress.photosTotal}` : `Batch ${status.progress.appliedSeq}/${status.progress.lastSeq}`}
        </Text>
      )}
      <Text size="sm" c={status.todaysManifest === 'current' ? undefined : 'orange.8'} data-testid="manifest-state">
        {status.todaysManifest === 'missing' ? `Today's manifest (${status.serviceDate ?? '—'}) is missing` : status.todaysManifest === 'stale' ? `Today's manifest (${status.serviceDate}) may be out of date` : `Today's manifest (${status.serviceDate}) is current`}
      </Text>
      <Text size="sm">Pending uploads: {status.pendingUploads}</Text>
      {status.mode === 'demo' && <Text size="sm" c="dimmed">{status.applicants} applicants today (demo feed)</Text>}
      {status.lastError && (
        <Text size="sm" c="red" data-testid="sync-error" truncate="end" maw={520} title={status.lastError}>
          {status.lastError}
        </Text>
      )}
      {status.feedUrl && (
        <Button size="compact-sm" variant="subtle" loading={syncing} onClick={syncNow} ml="auto">
          Sync now
        </Button>
      )}
    </Group>
  );
}
