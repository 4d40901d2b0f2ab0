// Runs in: renderer. The dashboard's routes, children of /dashboard (the shell's route table
// mounts them and guards the role). One page at the index; its code loads on first visit.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { PageSuspense } from '../../ui/PageSuspense';

const DashboardPage = lazy(() => import('./pages/DashboardPage'));

export const dashboardRoutes: RouteObject[] = [
  {
    index: true,
    element: (
      <PageSuspense>
        <DashboardPage />
      </PageSuspense>
    ),
  },
];
