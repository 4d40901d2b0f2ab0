// Runs in: renderer. The route table, rendered (by AppRouter) only behind the session gate: the
// first screen (setup, sign-in, lock) parses none of it. The frame and every page are lazy. Role
// guards mirror main's checks.
import { Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { boothRoutes, preloadBoothPage } from '../features/booth/routes';
import { dashboardRoutes, preloadDashboard } from '../features/dashboard/routes';
import { adminRoutes, preloadAdmin } from '../features/admin/routes';
import { whenIdle } from '../data/when-idle';
import { lazyWithPreload } from '../ui/lazy-with-preload';
import { Loading } from '../ui/Loading';
import { HomeRedirect, RequireRole } from './RequireRole';
import { RouteError } from './RouteError';

const AppFrame = lazyWithPreload(() => import('./AppFrame'));
/** Loads the frame ahead of sign-in (App), so it renders at once after it. */
export const preloadFrame = AppFrame.preload;

/**
 * Every role's first page, loaded ahead while the sign-in form waits (App), one at a time at idle
 * so none competes with the form: the booth's first (most sign-ins at a port are an officer's),
 * then the dashboard's, then the admin console's. A failed load is not shown here: the route
 * loads the page again and shows its error there.
 */
export function preloadHomes(): void {
  const steps: Array<() => unknown> = [preloadBoothPage, preloadDashboard, preloadAdmin];
  const step = (i: number) =>
    void Promise.resolve()
      .then(steps[i])
      .catch(() => undefined)
      .then(() => i + 1 < steps.length && whenIdle(() => step(i + 1)));
  step(0);
}

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
