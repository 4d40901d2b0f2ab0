// Runs in: renderer. A route guard that mirrors main's role checks (never replaces them): a
// role that may not open this part of the app is sent to its own home.
import { Navigate, Outlet } from 'react-router';
import type { Role } from '../../../ipc/channel';
import { useSession } from '../features/session/queries';
import { ROLE_HOME } from './home';

export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const role = useSession().data?.user?.role;
  if (!role) return null; // the session gate shows sign-in
  if (!roles.includes(role)) return <Navigate to={ROLE_HOME[role]} replace />;
  return <Outlet />;
}

export function HomeRedirect() {
  const role = useSession().data?.user?.role;
  return role ? <Navigate to={ROLE_HOME[role]} replace /> : null;
}
