// Runs in: renderer. The route table. The session gate is the root: nothing below it renders
// (or loads: the frame and every page are lazy) before there is an unlocked session, so the
// first screen (setup or sign-in) parses only what it shows. Role guards mirror main's checks.
import { Suspense, lazy } from 'react';
import type { RouteObject } from 'react-router';
import { SessionGate } from '../features/session/SessionGate';
import { boothRoutes } from '../features/booth/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { adminRoutes } from '../features/admin/routes';
import { Loading } from '../ui/Loading';
import { HomeRedirect, RequireRole } from './RequireRole';
import { RouteError } from './RouteError';

const AppFrame = lazy(() => import('./AppFrame'));

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <SessionGate />,
    errorElement: <RouteError whole />,
    children: [
      {
        element: (
          <Suspense fallback={<Loading fullScreen />}>
            <AppFrame />
          </Suspense>
        ),
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'booth', element: <RequireRole roles={['officer']} />, children: boothRoutes },
              {
                path: 'dashboard',
                element: <RequireRole roles={['supervisor']} />,
                children: dashboardRoutes,
              },
              { path: 'admin', element: <RequireRole roles={['admin']} />, children: adminRoutes },
              { path: '*', element: <HomeRedirect /> },
            ],
          },
        ],
      },
    ],
  },
];
