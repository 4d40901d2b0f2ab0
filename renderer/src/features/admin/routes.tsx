// Runs in: renderer. The admin console's routes, children of /admin (the shell's route table
// mounts them and guards the role): one layout (title, sub-navigation) around a sub-page per
// task, each with its own URL; /admin opens Users. Pages load on first visit.
import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { lazyWithPreload } from '../../ui/lazy-with-preload';
import { suspended } from '../../ui/PageSuspense';

export { adminNav, type AdminNavItem } from './nav';

const AdminLayout = lazyWithPreload(() => import('./AdminLayout'));
const UsersPage = lazyWithPreload(() => import('./pages/UsersPage'));
/** The layout and /admin's first page (Users), loaded ahead while the sign-in form waits (app/routes.tsx). */
export const preloadAdmin = () => Promise.all([AdminLayout.preload(), UsersPage.preload()]);
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const FlagThresholdsPage = lazy(() => import('./pages/FlagThresholdsPage'));
const LookoutPage = lazy(() => import('./pages/LookoutPage'));
const BundlePage = lazy(() => import('./pages/BundlePage'));
const EnginePage = lazy(() => import('./pages/EnginePage'));
const UpdatesPage = lazy(() => import('./pages/UpdatesPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));

export const adminRoutes: RouteObject[] = [
  {
    element: suspended(AdminLayout),
    children: [
      { index: true, element: <Navigate to="users" replace /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'flags', element: <FlagThresholdsPage /> },
      { path: 'lookout', element: <LookoutPage /> },
      { path: 'bundle', element: <BundlePage /> },
      { path: 'engine', element: <EnginePage /> },
      { path: 'updates', element: <UpdatesPage /> },
      { path: 'audit', element: <AuditPage /> },
    ],
  },
];
