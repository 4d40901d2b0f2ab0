// Runs in: renderer. One QueryClient, one error surface: a query or mutation that fails shows
// a notification unless it opted out (meta.silent) because its screen shows the error in place.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { ChannelError } from './channel-hooks';
import { queryKeys } from './query-keys';
import { i18n } from '../i18n';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/** Session problems are handled by the session gate, not by a notification per call. */
const SESSION_CODES = new Set(['NOT_SIGNED_IN', 'SESSION_LOCKED', 'PASSWORD_CHANGE_REQUIRED']);

function notify(error: ChannelError): void {
  // Loaded on the first error, not with the first screen (which shows its own errors in place).
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show({
      color: 'red',
      title: i18n.t(error.code === 'FORBIDDEN' ? 'common.errors.forbidden' : 'common.errors.title'),
      message: error.message,
      autoClose: 8000,
    }),
  );
}

export function createQueryClient(): QueryClient {
  const onError = (error: ChannelError, silent: boolean | undefined) => {
    // Main locked or ended the session (idle lock, account change): ask it again now, so the
    // gate shows the lock or sign-in screen at once instead of at its next poll.
    if (error.code && SESSION_CODES.has(error.code)) {
      void client.invalidateQueries({ queryKey: queryKeys.channel('auth.session', {}) });
      return;
    }
    if (!silent) notify(error);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e, q) => onError(e as ChannelError, q.meta?.silent) }),
    mutationCache: new MutationCache({
      onError: (e, _v, _c, m) => onError(e as ChannelError, m.meta?.silent),
    }),
    defaultOptions: {
      // The main process is local: a failed call is an answer, not a network blip to retry.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 2_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
