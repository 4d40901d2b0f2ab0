// Runs in: renderer. Decides which top-level screen to show: setup, sign-in, lock, or the app.
import { useCallback, useEffect, useState } from 'react';
import { Center, Loader, Alert } from '@mantine/core';
import type { ResponseOf, SessionView } from '../../ipc/contract';
import { call } from './api';
import { SetupScreen } from './pages/SetupScreen';
import { SignInScreen } from './pages/SignInScreen';
import { LockScreen } from './pages/LockScreen';
import { AppFrame } from './components/AppFrame';

type Info = ResponseOf<'app.info'>;

export function App() {
  const [info, setInfo] = useState<Info | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [i, s] = await Promise.all([call('app.info', {}), call('auth.session', {})]);
      setInfo(i);
      setSession(s);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The idle lock is enforced in main; polling only makes the screen follow it promptly.
  useEffect(() => {
    if (!session?.user || session.locked) return;
    const t = setInterval(() => {
      void call('auth.session', {}).then(setSession, () => undefined);
    }, 15_000);
    return () => clearInterval(t);
  }, [session?.user, session?.locked]);

  if (error) return <Center h="100vh"><Alert color="red" title="Arrivals Console is not available">{error}</Alert></Center>;
  if (!info || !session) return <Center h="100vh"><Loader /></Center>;
  if (info.needsSetup) return <SetupScreen info={info} onDone={refresh} />;
  if (!session.user) return <SignInScreen info={info} onSignedIn={setSession} />;
  if (session.locked) return <LockScreen session={session} onUnlocked={setSession} onSignedOut={refresh} />;
  return <AppFrame info={info} session={session} onSessionChange={setSession} onSignedOut={refresh} />;
}
