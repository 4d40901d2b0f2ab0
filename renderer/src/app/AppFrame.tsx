// Runs in: renderer. The signed-in frame: the console's name and port, who is signed in, the
// role's navigation, the page (routed) and the status area. Loaded only after sign-in.
import { Badge, Button, Group, AppShell, NavLink, Stack, Text } from '@mantine/core';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import type { Role } from '../../../ipc/channel';
import { useLabels } from '../i18n/labels';
import { useAppInfo, useSession } from '../features/session/queries';
import { useSignOut } from '../features/session/mutations';
import { StatusArea } from '../features/shell/StatusArea';
import { KeyFileWarning } from '../features/shell/KeyFileWarning';
import { PageSuspense } from '../ui/PageSuspense';
import { ROLE_HOME } from './home';

interface NavItem {
  to: string;
  labelKey: ParseKeys;
}

// One entry per role. The admin area's own sub-pages are linked from its layout
// (features/admin/AdminLayout), not repeated here.
const NAV: Record<Role, NavItem[]> = {
  officer: [{ to: ROLE_HOME.officer, labelKey: 'shell.nav.booth' }],
  supervisor: [{ to: ROLE_HOME.supervisor, labelKey: 'shell.nav.dashboard' }],
  admin: [{ to: ROLE_HOME.admin, labelKey: 'shell.nav.admin' }],
};

function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const isAt = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Group component="nav" aria-label={t('shell.nav.label')} gap={4} wrap="nowrap">
      {NAV[role].map((item) => (
        <NavLink
          key={item.to}
          component={Link}
          to={item.to}
          label={t(item.labelKey)}
          active={isAt(item.to)}
          w="auto"
          // The section is current, not necessarily the exact page (e.g. one case in the booth).
          aria-current={isAt(item.to) ? (pathname === item.to ? 'page' : 'true') : undefined}
        />
      ))}
    </Group>
  );
}

export default function AppFrame() {
  const { t } = useTranslation();
  const labels = useLabels();
  const info = useAppInfo().data;
  const user = useSession().data?.user;
  const signOut = useSignOut();
  if (!info || !user) return null; // the session gate renders the frame only with both
  return (
    // No side bar: each role has one section, linked from the header, so the page (the booth's
    // queue and case side by side) keeps the whole width of a 1366-pixel screen.
    <AppShell header={{ height: 60 }} footer={{ height: 44 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            {/* The console's name is the banner, not a heading: each page has its own h1. */}
            <Text component="span" fw={700} fz="h3">
              {t('common.appName')}
            </Text>
            {info.port && (
              <Badge variant="light" size="lg">
                {t('shell.header.port', { name: info.port.name, code: info.port.code })}
              </Badge>
            )}
            {info.mode === 'demo' && (
              <Badge color="orange" variant="outline">
                {t('shell.header.demo')}
              </Badge>
            )}
            <KeyFileWarning keyStorage={info.keyStorage} />
            <MainNav role={user.role} />
          </Group>
          <Group gap="sm">
            <Stack gap={0} align="flex-end">
              <Text fw={600} data-testid="signed-in-user">
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" data-testid="signed-in-role">
                {labels.role(user.role)}
              </Text>
            </Stack>
            <Button variant="default" onClick={() => signOut.mutate({})} loading={signOut.isPending}>
              {t('shell.header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </AppShell.Main>
      <AppShell.Footer>
        <StatusArea />
      </AppShell.Footer>
    </AppShell>
  );
}
