// Runs in: renderer. What the booth asks main: today's queue (searched), one case, and while a
// decision waits for the server, its upload state.
import { keepPreviousData, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { ApplicantView } from '../../../../ipc/channels/applicant';
import type { EncounterView } from '../../../../ipc/channels/encounter';
import type { QueueView } from '../../../../ipc/channels/queue';
import { channelQuery, useChannelQuery } from '../../data/channel-hooks';

/** How often an unsent decision's upload state is asked for. */
export const UPLOAD_POLL_MS = 3_000;

/**
 * Today's queue, or the search's ranked matches (with `otherPorts`, also an exact id booked at
 * another port of the vetting window): for useQueue and for asking at once (Enter).
 */
export const queueQuery = (search: string, otherPorts = false) =>
  channelQuery('queue.today', search ? { search, ...(otherPorts ? { otherPorts } : {}) } : {}, {
    // The previous list stays while the next search runs: no flash of an empty queue per key.
    placeholderData: keepPreviousData,
    meta: { silent: true }, // the booth shows it in place of the list
  });

export const useQueue = (search: string, otherPorts = false) => useQuery(queueQuery(search, otherPorts));

/**
 * The answer for `search` now, without waiting for typing to pause: a scanner types a whole id
 * and Enter faster than the search would ask. A cached answer is used as is.
 */
export function useQueueNow(): (search: string, otherPorts?: boolean) => Promise<QueueView> {
  const client = useQueryClient();
  return (search, otherPorts) => client.fetchQuery({ ...queueQuery(search, otherPorts), staleTime: 2_000 });
}

export function useCase(applicantId: string) {
  return useChannelQuery('applicant.get', { applicantId }, { meta: { silent: true } });
}

/** How the case's identity has been checked so far (attempts, face result, manual check): no personal data. */
export function useIdentity(applicantId: string) {
  return useChannelQuery('encounter.identity', { applicantId }, { meta: { silent: true } });
}

const waiting = (list: EncounterView[] | undefined) => list?.some((e) => !e.uploaded) ?? false;

/**
 * The case's decisions, kept current while one waits to upload: encounter.list (no personal
 * data, not an audited view) every 3 s until everything is uploaded, rather than the whole case.
 */
export function useCaseEncounters(applicantId: string, kase: UseQueryResult<ApplicantView>): EncounterView[] {
  const fromCase = kase.data?.encounters;
  const follow = useChannelQuery(
    'encounter.list',
    { applicantId },
    {
      enabled: waiting(fromCase),
      refetchInterval: (q) => (q.state.data === undefined || waiting(q.state.data) ? UPLOAD_POLL_MS : false),
      meta: { silent: true },
    },
  );
  const fresher = follow.data !== undefined && follow.dataUpdatedAt >= kase.dataUpdatedAt;
  return (fresher ? follow.data : fromCase) ?? [];
}
