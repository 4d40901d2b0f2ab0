// Runs in: renderer. The providers every screen needs (theme, notifications, queries), the
// session gate, and behind it the routed app (loaded once someone is signed in).
import { Suspense, lazy, useEffect, useState } from 'react';
import { MantineProvider, type MantineColorSchemeManager } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../ipc/channels/auth';
import { firstAnswers } from '../boot';
import { whenIdle } from '../data/when-idle';
import { SessionGate } from '../features/session/SessionGate';
import { lazyWithPreload } from '../ui/lazy-with-preload';
import { Loading } from '../ui/Loading';
import { cssVariablesResolver, theme } from '../ui/theme';

// The notification host (and its transition and scroll-lock code) is not needed to draw the
// first screen: it loads after it, and shows whatever was raised before it arrived.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);
const AppRouter = lazyWithPreload(() => import('./AppRouter'));
// The applicant-facing window: no session gate, no router; it only reads its booth's message.
const CounterRoute = lazy(() => import('../features/counter/CounterRoute'));
const isCounterWindow = () => window.location.hash.startsWith('#/counter');

/**
 * At idle after the first screen: the signed-in app's router and frame, so sign-in does not wait on
 * them, and, while someone is yet to sign in, each role's first page (a signed-in page loads its own).
 */
const preloadSignedIn = (session?: SessionView) =>
  void AppRouter.preload()
    .then(() => import('./routes'))
    .then((r) => {
      if (!session?.user) r.preloadHomes();
      return r.preloadFrame();
    })
    .catch(() => undefined);

function LaterNotifications() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setReady(true));
    return () => clearTimeout(id);
  }, []);
  return ready ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
}

// One colour scheme, so nothing to remember: Mantine's default manager would read localStorage on
// the first render, which in Chromium first opens the storage database.
const lightOnly: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};

export function App({ client }: { client: QueryClient }) {
  useEffect(() => {
    if (isCounterWindow()) return;
    // After the first screen's answers (and so the screen itself): nothing competes with drawing it.
    let cancel: (() => void) | undefined;
    let done = false;
    const later = (session?: SessionView) => {
      if (!done) cancel = whenIdle(() => preloadSignedIn(session));
    };
    void firstAnswers.session.then(later, () => later());
    return () => {
      done = true;
      cancel?.();
    };
  }, []);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={lightOnly}
      defaultColorScheme="light"
    >
      <LaterNotifications />
      <QueryClientProvider client={client}>
        {isCounterWindow() ? (
          <Suspense fallback={null}>
            <CounterRoute />
          </Suspense>
        ) : (
          <SessionGate>
            <Suspense fallback={<Loading fullScreen />}>
              <AppRouter />
            </Suspense>
          </SessionGate>
        )}
      </QueryClientProvider>
    </MantineProvider>
  );
}
