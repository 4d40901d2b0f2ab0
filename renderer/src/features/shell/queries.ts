// Runs in: renderer. The status area's question: how is sync doing.
import { useChannelQuery } from '../../data/channel-hooks';

export const STATUS_POLL_MS = 5_000;

export function useSyncStatus() {
  // A failed poll is not worth a notification every 5 s: the area keeps its last answer.
  return useChannelQuery('sync.status', {}, { refetchInterval: STATUS_POLL_MS, meta: { silent: true } });
}
