// Runs in: renderer. TanStack Query over call(): the building blocks of every feature's
// queries.ts and mutations.ts. Errors reach the user through the client's one error surface
// (see query-client.ts) unless a caller shows them in place.
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { ErrorDetails } from '../../../ipc/channel';
import type { ChannelName, RequestOf, ResponseOf } from '../../../ipc/contract';
import { call } from '../api';
import { queryKeys, type Domain } from './query-keys';

export type ChannelError = Error & { code?: string; details?: ErrorDetails };

type QueryOptions<C extends ChannelName, T> = Omit<
  UseQueryOptions<ResponseOf<C>, ChannelError, T>,
  'queryKey' | 'queryFn'
>;

/** A channel's query as options: for useQuery and for prefetching before React renders. */
export function channelQuery<C extends ChannelName, T = ResponseOf<C>>(
  channel: C,
  request: RequestOf<C>,
  options: QueryOptions<C, T> = {},
) {
  return queryOptions<ResponseOf<C>, ChannelError, T>({
    queryKey: queryKeys.channel(channel, request),
    queryFn: () => call(channel, request),
    ...options,
  });
}

export function useChannelQuery<C extends ChannelName, T = ResponseOf<C>>(
  channel: C,
  request: RequestOf<C>,
  options: QueryOptions<C, T> = {},
) {
  return useQuery(channelQuery(channel, request, options));
}

type MutationOptions<C extends ChannelName> = StepsOptions<RequestOf<C>, ResponseOf<C>>;

type StepsOptions<I, O> = Omit<UseMutationOptions<O, ChannelError, I>, 'mutationFn'> & {
  /** Domains whose cached answers this change makes stale. */
  invalidates?: Domain[];
};

export function useChannelMutation<C extends ChannelName>(channel: C, options: MutationOptions<C> = {}) {
  return useStepsMutation<RequestOf<C>, ResponseOf<C>>((request) => call(channel, request), options);
}

/** A change made of more than one call (a file sent, then imported): `run` makes them, in order. */
export function useStepsMutation<I, O>(run: (input: I) => Promise<O>, options: StepsOptions<I, O> = {}) {
  const client = useQueryClient();
  const { invalidates = [], onSuccess, ...rest } = options;
  return useMutation<O, ChannelError, I>({
    mutationFn: run,
    ...rest,
    onSuccess: async (...args) => {
      await Promise.all(invalidates.map((d) => client.invalidateQueries({ queryKey: queryKeys.domain(d) })));
      await onSuccess?.(...args);
    },
  });
}
