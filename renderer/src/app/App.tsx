// Runs in: renderer. The providers every screen needs (theme, notifications, queries) and the
// hash router: hash URLs work from file:// in Electron and from the loopback server alike.
import { Suspense, lazy, useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { createHashRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../data/query-client';
import { cssVariablesResolver, theme } from '../ui/theme';
import { routes } from './routes';

// The notification host (and its transition and scroll-lock code) is not needed to draw the
// first screen: it loads alongside, and shows whatever was raised before it arrived.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

export function App() {
  const [client] = useState(createQueryClient);
  const [router] = useState(() => createHashRouter(routes));
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Suspense fallback={null}>
        <Notifications />
      </Suspense>
      <QueryClientProvider client={client}>
        {/* Navigations render at once, not as transitions: opening a case marks its row and shows
            its loader immediately instead of keeping the previous case up while it loads. */}
        <RouterProvider router={router} useTransitions={false} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
