// Runs in: renderer. What the session gate asks main: what the console is, and who is signed in.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { AppInfoView } from '../../../../ipc/channels/app';
import type { SessionView } from '../../../../ipc/channels/auth';
import { channelQuery } from '../../data/channel-hooks';

/** How often the gate asks for the session, so the screen follows main's idle lock promptly. */
export const SESSION_POLL_MS = 15_000;

// Changes only through setup (which invalidates it): no refetching on its own.
const appInfoQuery = () => channelQuery('app.info', {}, { staleTime: Infinity, meta: { silent: true } });

const sessionQuery = () =>
  channelQuery(
    'auth.session',
    {},
    {
      meta: { silent: true },
      // Main enforces the idle lock; polling only makes the screen follow it. Not while signed
      // out or locked: nothing changes there until the user acts.
      refetchInterval: (q) => (q.state.data?.user && !q.state.data.locked ? SESSION_POLL_MS : false),
      refetchIntervalInBackground: true,
      // Coming back to the window after a while: show the lock at once if main has locked.
      refetchOnWindowFocus: true,
    },
  );

/** Seeds the gate's two queries with the answers asked for as the script started (boot.ts). */
export function prefetchSession(
  client: QueryClient,
  first: { appInfo: Promise<AppInfoView>; session: Promise<SessionView> },
): void {
  void client.prefetchQuery({ ...appInfoQuery(), queryFn: () => first.appInfo });
  void client.prefetchQuery({ ...sessionQuery(), queryFn: () => first.session });
}

export const useAppInfo = () => useQuery(appInfoQuery());
export const useSession = () => useQuery(sessionQuery());
