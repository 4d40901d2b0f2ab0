// Runs in: renderer. "Sync now": its answer is the new status, written straight into the area.
import { useQueryClient } from '@tanstack/react-query';
import type { SyncStatusView } from '../../../../ipc/channels/sync';
import { useChannelMutation } from '../../data/channel-hooks';
import { queryKeys } from '../../data/query-keys';

export function useSyncNow() {
  const client = useQueryClient();
  return useChannelMutation('sync.now', {
    onSuccess: (status) => client.setQueryData<SyncStatusView>(queryKeys.channel('sync.status', {}), status),
  });
}
