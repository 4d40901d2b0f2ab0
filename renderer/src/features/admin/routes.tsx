// Runs in: renderer. The admin console's routes, children of /admin (the shell's route table
// mounts them and guards the role): one layout (title, sub-navigation) around a sub-page per
// task, each with its own URL; /admin opens Users. Pages load on first visit.
import { Navigate, type RouteObject } from 'react-router';
import { lazyWithPreload } from '../../ui/lazy-with-preload';
import { lazyPage, suspended } from '../../ui/PageSuspense';

export { adminNav, type AdminNavItem } from './nav';

const AdminLayout = lazyWithPreload(() => import('./AdminLayout'));
const UsersPage = lazyWithPreload(() => import('./pages/UsersPage'));
/** The layout and /admin's first page (Users), loaded ahead while the sign-in form waits (app/routes.tsx). */
export const preloadAdmin = () => Promise.all([AdminLayout.preload(), UsersPage.preload()]);

export const adminRoutes: RouteObject[] = [
  {
    element: suspended(AdminLayout),
    children: [
      { index: true, element: <Navigate to="users" replace /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'settings', element: lazyPage(() => import('./pages/SettingsPage')) },
      { path: 'flags', element: lazyPage(() => import('./pages/FlagThresholdsPage')) },
      { path: 'lookout', element: lazyPage(() => import('./pages/LookoutPage')) },
      { path: 'bundle', element: lazyPage(() => import('./pages/BundlePage')) },
      { path: 'engine', element: lazyPage(() => import('./pages/EnginePage')) },
      { path: 'updates', element: lazyPage(() => import('./pages/UpdatesPage')) },
      { path: 'audit', element: lazyPage(() => import('./pages/AuditPage')) },
    ],
  },
];
