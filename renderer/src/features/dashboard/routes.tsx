// Runs in: renderer. The dashboard's routes, children of /dashboard (the shell's route table
// mounts them and guards the role): one layout (title, port-day, tabs) around a tab per part of
// the supervisor's day, each with its own address. Entering any of them starts, at once and side
// by side, the layout's code, the first tab's code, the chart drawings' code, the day's figures and
// the port-days the picker offers, so the figures do not wait on a chain of loads.
import { lazy, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useSearchParams, type RouteObject } from 'react-router';
import { lazyWithPreload } from '../../ui/lazy-with-preload';
import { PageSuspense, suspended } from '../../ui/PageSuspense';
import { preloadBars } from './components/lazy-bars';
import { dashboardQuery, portDayOf, portDaysQuery } from './queries';

const DashboardLayout = lazyWithPreload(() => import('./DashboardLayout'));
const FiguresPage = lazyWithPreload(() => import('./pages/FiguresPage'));
const AuditPage = lazy(() => import('../audit/AuditPanel').then((m) => ({ default: m.AuditPanel })));

/**
 * The code the dashboard's first paint needs (layout, figures tab, drawings), loaded ahead: for
 * the sign-in screen to call while it waits for a supervisor, and on entering the dashboard.
 */
export function preloadDashboard(): void {
  void DashboardLayout.preload().catch(() => undefined);
  void FiguresPage.preload().catch(() => undefined);
  preloadBars();
}

/** The layout, its first tab and the drawings, and the day's figures: all asked for at once. */
function DashboardEntry() {
  const client = useQueryClient();
  const [params] = useSearchParams();
  // Once, on entering (a state initialiser runs before anything renders that would wait on them).
  useState(() => {
    preloadDashboard();
    void client.prefetchQuery(dashboardQuery(portDayOf(params)));
    void client.prefetchQuery(portDaysQuery());
    return null;
  });
  return (
    <PageSuspense>
      <DashboardLayout />
    </PageSuspense>
  );
}

/** The tabs, under the layout (DashboardLayout's tab list links each). */
export const dashboardTabs: RouteObject[] = [
  { index: true, element: suspended(FiguresPage) },
  { path: 'verification', element: suspended(lazy(() => import('./pages/VerificationPage'))) },
  { path: 'review', element: suspended(lazy(() => import('./pages/ReviewPage'))) },
  { path: 'referrals', element: suspended(lazy(() => import('./pages/ReferralsPage'))) },
  { path: 'trends', element: suspended(lazy(() => import('./pages/TrendsPage'))) },
  { path: 'audit', element: suspended(AuditPage) },
  { path: '*', element: <Navigate to="/dashboard" replace /> },
];

export const dashboardRoutes: RouteObject[] = [{ element: <DashboardEntry />, children: dashboardTabs }];
