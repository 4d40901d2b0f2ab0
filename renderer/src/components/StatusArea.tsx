// Runs in: renderer. The always-visible sync status line.
import { useEffect, useState } from 'react';
import { Badge, Group, Text } from '@mantine/core';
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
    <Group h="100%" px="md" gap="lg" data-testid="status-area" aria-live="polite">
      <Badge color={STATE_COLOR[status.state]} variant="dot">Sync: {status.state}</Badge>
      <Text size="sm">Last sync: {ago(status.lastSuccessAt)}</Text>
      <Text size="sm">Manifest {status.serviceDate ?? ''}: {status.todaysManifest}</Text>
      <Text size="sm">Pending uploads: {status.pendingUploads}</Text>
      {status.lastError && <Text size="sm" c="red">{status.lastError}</Text>}
    </Group>
  );
}
