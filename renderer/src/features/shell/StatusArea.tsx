// Runs in: renderer. The status area's container: polls sync status every 5 s; when a sync (or
// the vetting window) has brought new data, the queue and the open case are asked again (no
// screen needs to know).
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../data/query-keys';
import { useSyncStatus } from './queries';
import { useSyncNow } from './mutations';
import { StatusBar } from './StatusBar';

export function StatusArea() {
  const client = useQueryClient();
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  // Today's sync, or a vetting-window cycle that brought something (flags on the queue may change).
  const lastSuccess = status.data && `${status.data.lastSuccessAt}|${status.data.window?.changedAt ?? ''}`;
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (lastSuccess === undefined) return;
    if (seen.current !== undefined && lastSuccess !== seen.current) {
      for (const d of ['queue', 'applicant'] as const)
        void client.invalidateQueries({ queryKey: queryKeys.domain(d) });
    }
    seen.current = lastSuccess;
  }, [lastSuccess, client]);
  if (!status.data) return null;
  return <StatusBar status={status.data} syncing={syncNow.isPending} onSyncNow={() => syncNow.mutate({})} />;
}
