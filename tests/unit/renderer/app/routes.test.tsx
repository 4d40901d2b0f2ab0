// Runs in: tests (jsdom). The route table behind the session gate (as App mounts them), with
// main stubbed: a signed-out user sees sign-in at the URL they asked for; a locked one, the
// lock; "/" goes to the role's home; a role that may not open a page is sent home (mirroring main's checks);
// the frame warns when the data key is in a file rather than the OS keychain.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { ArrivalsApi } from '../../../../ipc/contract';
import type { AppInfoView } from '../../../../ipc/channels/app';
import type { SessionView } from '../../../../ipc/channels/auth';
import type { Role } from '../../../../ipc/channel';
import { createQueryClient } from '../../../../renderer/src/data/query-client';
import { renderUi } from '../render';

const info: AppInfoView = {
  name: 'Arrivals Console',
  version: '0.1.0',
  shell: 'browser',
  mode: 'demo',
  needsSetup: false,
  keyStorage: 'os-keychain',
  port: { code: 'SYS', name: 'San Ysidro', timeZone: 'America/Los_Angeles' },
};
let session: SessionView = { user: null, locked: false, idleLockMinutes: 10 };
const as = (role: Role, locked = false): SessionView => ({
  user: {
    id: 1,
    username: role,
    displayName: `Demo ${role}`,
    role,
    disabled: false,
    lastSignInAt: null,
    createdAt: '2026-12-01T08:00:00Z',
    mustChangePassword: false,
    lockedUntil: null,
    failedAttempts: 0,
  },
  locked,
  idleLockMinutes: 10,
});

let routes: RouteObject[];
let SessionGate: (props: { children: ReactNode }) => ReactNode;
beforeAll(async () => {
  // main, as the preload would expose it: the two questions the gate asks; nothing else answers.
  window.arrivals = new Proxy({} as ArrivalsApi, {
    get: (_t, channel: string) => async () =>
      channel === 'app.info'
        ? { ok: true, value: info }
        : channel === 'auth.session'
          ? { ok: true, value: session }
          : { ok: false, error: { code: 'INTERNAL', message: `not in this test: ${channel}` } },
  });
  ({ routes } = await import('../../../../renderer/src/app/routes'));
  ({ SessionGate } = await import('../../../../renderer/src/features/session/SessionGate'));
});
afterEach(() => {
  session = { user: null, locked: false, idleLockMinutes: 10 };
  info.keyStorage = 'os-keychain';
});

function at(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  renderUi(
    <QueryClientProvider client={createQueryClient()}>
      <SessionGate>
        <RouterProvider router={router} />
      </SessionGate>
    </QueryClientProvider>,
  );
  return router;
}

describe('routes', () => {
  it('shows sign-in at the URL asked for, keeping it for after sign-in', async () => {
    const router = at('/booth/SYS-20261201-00007');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Arrivals Console');
    expect(router.state.location.pathname).toBe('/booth/SYS-20261201-00007');
  });

  it('shows the lock over any page while the session is locked', async () => {
    session = as('officer', true);
    const router = at('/booth');
    expect(await screen.findByRole('heading', { level: 1, name: 'Session locked' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/booth');
  });

  it.each([
    ['officer', '/booth'],
    ['supervisor', '/dashboard'],
    ['admin', '/admin/users'],
  ] as const)('sends the %s from / to their home, %s', async (role, home) => {
    session = as(role);
    const router = at('/');
    await waitFor(() => expect(router.state.location.pathname).toBe(home));
    expect(await screen.findByTestId('signed-in-role')).toHaveTextContent(role);
  });

  it.each([
    ['officer', '/admin/users', '/booth'],
    ['officer', '/dashboard', '/booth'],
    ['supervisor', '/booth/SYS-20261201-00007', '/dashboard'],
    ['admin', '/booth', '/admin/users'],
  ] as const)('sends the %s away from %s to %s', async (role, path, home) => {
    session = as(role);
    const router = at(path);
    await waitFor(() => expect(router.state.location.pathname).toBe(home));
  });
});

describe('data key warning', () => {
  it('tells every signed-in user when the data key is kept in a file, not the OS keychain', async () => {
    info.keyStorage = 'file';
    session = as('officer');
    at('/booth');
    const warning = await screen.findByTestId('key-file-warning');
    expect(warning).toBeVisible();
    expect(warning).toHaveTextContent('Data key not in OS keychain');
    // The explanation is read with it (and shown as its tooltip).
    expect(warning).toHaveTextContent(/anyone who can read that folder can read the data/);
  });

  it('shows no warning when the OS keychain holds the key', async () => {
    session = as('admin');
    at('/admin/users');
    expect(await screen.findByTestId('signed-in-role')).toHaveTextContent('admin');
    expect(screen.queryByTestId('key-file-warning')).toBeNull();
  });
});
