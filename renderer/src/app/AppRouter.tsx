// Runs in: renderer. The signed-in app: the hash router over the route table. Loaded after the
// session gate lets someone in, so the first screen (setup, sign-in, lock) never parses it. Hash
// URLs work from file:// in Electron and from the loopback server alike.
import { useState } from 'react';
import { createHashRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useSession } from '../features/session/queries';
import { ROLE_HOME } from './home';
import { routes } from './routes';

export default function AppRouter() {
  // Made when it mounts, so it reads the URL then: a reload's #/booth/<id>, or '#/' after a
  // sign-out (the gate unmounts the router with the session).
  const role = useSession().data?.user?.role;
  const [router] = useState(() => {
    // Signed in at '#/': start at the role's home rather than drawing '/' and redirecting there.
    const at = window.location.hash.replace(/^#/, '');
    if (role && (at === '' || at === '/')) window.history.replaceState(null, '', `#${ROLE_HOME[role]}`);
    return createHashRouter(routes);
  });
  // Navigations render at once, not as transitions: opening a case marks its row and shows its
  // loader immediately instead of keeping the previous case up while it loads.
  return <RouterProvider router={router} useTransitions={false} />;
}
