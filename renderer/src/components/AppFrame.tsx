// Runs in: renderer. The signed-in frame: navigation for the user's role, user menu, status area.
import { useState } from 'react';
import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import type { ResponseOf, Role, SessionView } from '../../../ipc/contract';
import { call } from '../api';
import { StatusArea } from './StatusArea';
import { BoothPage } from '../pages/BoothPage';
import { DashboardPage } from '../pages/DashboardPage';
import { AdminPage } from '../pages/AdminPage';

type PageId = 'booth' | 'dashboard' | 'admin';

const NAV: Record<Role, { id: PageId; label: string }[]> = {
  officer: [{ id: 'booth', label: 'Booth' }],
  supervisor: [{ id: 'dashboard', label: 'Dashboard' }],
  admin: [{ id: 'admin', label: 'Admin' }],
};

export function AppFrame({ info, session, onSignedOut }: { info: ResponseOf<'app.info'>; session: SessionView; onSessionChange: (s: SessionView) => void; onSignedOut: () => void }) {
  const user = session.user!;
  const items = NAV[user.role];
  const [page, setPage] = useState<PageId>(items[0]!.id);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} footer={{ height: 44 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={3}>Arrivals Console</Title>
            {info.port && <Badge variant="light" size="lg">{info.port.name} ({info.port.code})</Badge>}
            {info.mode === 'demo' && <Badge color="orange" variant="outline">Demo data</Badge>}
          </Group>
          <Group gap="sm">
            <Stack gap={0} align="flex-end">
              <Text fw={600} data-testid="signed-in-user">{user.displayName}</Text>
              <Text size="xs" c="dimmed" data-testid="signed-in-role">{user.role}</Text>
            </Stack>
            <Button variant="default" onClick={() => void call('auth.signOut', {}).then(onSignedOut)}>Sign out</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <nav aria-label="Main">
          {items.map((it) => (
            <NavLink key={it.id} label={it.label} active={page === it.id} onClick={() => setPage(it.id)} />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        {page === 'booth' && <BoothPage />}
        {page === 'dashboard' && <DashboardPage />}
        {page === 'admin' && <AdminPage currentUser={user.username} />}
      </AppShell.Main>
      <AppShell.Footer>
        <StatusArea />
      </AppShell.Footer>
    </AppShell>
  );
}
