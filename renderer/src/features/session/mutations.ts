// Runs in: renderer. Setting up, signing in, unlocking and signing out. Each answer is the new
// session, written straight into the gate's query; whatever the previous user had loaded is
// dropped so the next one never sees it, even for a moment.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../../ipc/channels/auth';
import { useChannelMutation } from '../../data/channel-hooks';
import { queryKeys } from '../../data/query-keys';

const sessionKey = queryKeys.channel('auth.session', {});

/** Everything cached for a user (cases, queue, dashboards); app.info and the session stay. */
function dropUserData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'app' && q.queryKey[0] !== 'auth' });
}

export function useSetup() {
  // The gate moves on when app.info is invalidated: at once, or after the demo accounts were shown.
  return useChannelMutation('auth.setup', { meta: { silent: true } });
}

export function useFinishSetup(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.domain('app') });
}

/**
 * Signs in. `firstPage` asks for what the user's first page needs (the booth's queue) before the
 * gate shows it: that page then draws once, complete, rather than its frame first and its rows in
 * a second pass. It must not reject (a prefetch does not); the form stays busy meanwhile.
 */
export function useSignIn(firstPage?: (session: SessionView) => Promise<void>) {
  const client = useQueryClient();
  return useChannelMutation('auth.signIn', {
    meta: { silent: true },
    onSuccess: async (session) => {
      dropUserData(client);
      await firstPage?.(session);
      client.setQueryData<SessionView>(sessionKey, session);
    },
  });
}

export function useUnlock() {
  const client = useQueryClient();
  return useChannelMutation('auth.unlock', {
    meta: { silent: true },
    onSuccess: (session) => client.setQueryData<SessionView>(sessionKey, session),
    // The session may have ended meanwhile (an account change): ask, so the gate shows sign-in.
    onError: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

/**
 * Locks the session: the screen at once (the gate unmounts every page, so nothing personal stays
 * in the window), then main, whose answer is the locked session.
 */
export function useLockNow() {
  const client = useQueryClient();
  return useChannelMutation('auth.lock', {
    meta: { silent: true },
    onMutate: async () => {
      // A session poll in flight would answer "unlocked" and bring the page back for a moment.
      await client.cancelQueries({ queryKey: sessionKey });
      client.setQueryData<SessionView>(sessionKey, (s) => (s ? { ...s, locked: true } : s));
    },
    onSuccess: (session) => client.setQueryData<SessionView>(sessionKey, session),
  });
}

/** The officer's input, reported to main (idle-lock.ts decides when). */
export function useReportActivity() {
  return useChannelMutation('auth.activity', { meta: { silent: true } });
}

/** A one-time password replaced by the user's own: the answer is the session, now free to go on. */
export function useChangePassword() {
  const client = useQueryClient();
  return useChannelMutation('auth.changePassword', {
    meta: { silent: true },
    onSuccess: (session) => client.setQueryData<SessionView>(sessionKey, session),
  });
}

/** Signs out and leaves the current page, so the next person starts from their own home. */
export function useSignOut() {
  const client = useQueryClient();
  return useChannelMutation('auth.signOut', {
    onSuccess: () => {
      // Main's answer is known: show sign-in at once (not after another round trip, while a
      // large queue unmounts), then confirm with main in the background.
      const previous = client.getQueryData<SessionView>(sessionKey);
      client.setQueryData<SessionView>(sessionKey, {
        user: null,
        locked: false,
        idleLockMinutes: previous?.idleLockMinutes ?? 0,
      });
      dropUserData(client);
      void client.invalidateQueries({ queryKey: queryKeys.domain('auth') });
      // The gate unmounts the router with the session; the next user's router starts here.
      window.history.replaceState(null, '', '#/');
    },
  });
}
