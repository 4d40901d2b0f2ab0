// Runs in: renderer. What the session gate asks main: what the console is, and who is signed in.
import { useChannelQuery } from '../../data/channel-hooks';

/** How often the gate asks for the session, so the screen follows main's idle lock promptly. */
export const SESSION_POLL_MS = 15_000;

export function useAppInfo() {
  // Changes only through setup (which invalidates it): no refetching on its own.
  return useChannelQuery('app.info', {}, { staleTime: Infinity, meta: { silent: true } });
}

export function useSession() {
  return useChannelQuery(
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
}
