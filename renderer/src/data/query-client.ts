// Runs in: renderer. One QueryClient, one error surface: a query or mutation that fails shows
// a notification unless it opted out (meta.silent) because its screen shows the error in place.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { ChannelError } from './channel-hooks';
import { i18n } from '../i18n';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/** Session problems are handled by the session gate, not by a notification per call. */
const SESSION_CODES = new Set(['NOT_SIGNED_IN', 'SESSION_LOCKED']);

function notify(error: ChannelError): void {
  if (error.code && SESSION_CODES.has(error.code)) return;
  notifications.show({
    color: 'red',
    title: i18n.t(error.code === 'FORBIDDEN' ? 'common.errors.forbidden' : 'common.errors.title'),
    message: error.message,
    autoClose: 8000,
  });
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (e, q) => !q.meta?.silent && notify(e as ChannelError) }),
    mutationCache: new MutationCache({ onError: (e, _v, _c, m) => !m.meta?.silent && notify(e as ChannelError) }),
    defaultOptions: {
      // The main process is local: a failed call is an answer, not a network blip to retry.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 2_000 },
      mutations: { retry: false },
    },
  });
}
