// Runs in: renderer. The route table, rendered (by AppRouter) only behind the session gate: the
// first screen (setup, sign-in, lock) parses none of it. The frame and every page are lazy. Role
// guards mirror main's checks.
import { Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { boothRoutes } from '../features/booth/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { adminRoutes } from '../features/admin/routes';
import { lazyWithPreload } from '../ui/lazy-with-preload';
import { Loading } from '../ui/Loading';
import { HomeRedirect, RequireRole } from './RequireRole';
import { RouteError } from './RouteError';

const AppFrame = lazyWithPreload(() => import('./AppFrame'));
/** Loads the frame ahead of sign-in (App), so it renders at once after it. */
export const preloadFrame = AppFrame.preload;

export const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <Suspense fallback={<Loading fullScreen />}>
        <AppFrame />
      </Suspense>
    ),
    errorElement: <RouteError whole />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'booth', element: <RequireRole roles={['officer']} />, children: boothRoutes },
          { path: 'dashboard', element: <RequireRole roles={['supervisor']} />, children: dashboardRoutes },
          { path: 'admin', element: <RequireRole roles={['admin']} />, children: adminRoutes },
          { path: '*', element: <HomeRedirect /> },
        ],
      },
    ],
  },
];
