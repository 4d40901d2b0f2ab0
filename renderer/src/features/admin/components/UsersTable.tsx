// Runs in: renderer. The user accounts with each one's role, whether it may sign in, whether it
// is locked out or must choose a new password, and the admin's actions on it (unlock, one-time
// password). The signed-in admin's own row is read-only: nobody locks themselves out; the last
// enabled admin's role and switch are too (main refuses those changes anyway) (props only).
import { Badge, Group, Select, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../ipc/channel';
import type { UserView } from '../../../../../ipc/channels/users';
import { useFormat } from '../../../format';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { RowButton } from '../../../ui/RowButton';
import { WHOLE_BADGE } from '../../../ui/StatusBadge';
import { useLabels } from '../../../i18n/labels';
import { ROLE_OPTIONS } from '../roles';

export interface UsersTableProps {
  users: UserView[];
  /** The signed-in admin's username; null while it is not known (then every row is read-only). */
  currentUsername: string | null;
  onRoleChange: (user: UserView, role: Role) => void;
  onEnabledChange: (user: UserView, enabled: boolean) => void;
  onUnlock?: (user: UserView) => void;
  onResetPassword?: (user: UserView) => void;
  /** The account whose change is being saved. */
  busyUserId?: number | null;
}

export function UsersTable({
  users,
  currentUsername,
  onRoleChange,
  onEnabledChange,
  onUnlock,
  onResetPassword,
  busyUserId,
}: UsersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const roles = ROLE_OPTIONS.map((r) => ({ value: r, label: labels.role(r) }));
  const enabledAdmins = users.filter((u) => u.role === 'admin' && !u.disabled).length;
  const lastAdmin = (u: UserView) => u.role === 'admin' && !u.disabled && enabledAdmins === 1;
  const readOnly = (u: UserView) =>
    currentUsername === null || u.username === currentUsername || busyUserId === u.id;
  const columns: DataColumn<UserView>[] = [
    { key: 'username', header: t('admin.users.username'), cell: (u) => u.username },
    { key: 'name', header: t('admin.users.name'), cell: (u) => u.displayName },
    {
      key: 'role',
      header: t('admin.users.role'),
      cell: (u) => (
        <Select
          aria-label={t('admin.users.roleOf', { username: u.username })}
          data={roles}
          value={u.role}
          allowDeselect={false}
          disabled={readOnly(u) || lastAdmin(u)}
          onChange={(v) => v && v !== u.role && onRoleChange(u, v as Role)}
          w={150}
        />
      ),
    },
    {
      key: 'enabled',
      header: t('admin.users.enabled'),
      cell: (u) => (
        <Switch
          aria-label={t('admin.users.enable', { username: u.username })}
          checked={!u.disabled}
          disabled={readOnly(u) || lastAdmin(u)}
          onChange={(e) => onEnabledChange(u, e.currentTarget.checked)}
        />
      ),
    },
    {
      key: 'state',
      header: t('admin.users.state'),
      cellProps: (u) => ({ 'data-testid': `sign-in-state-${u.username}` }),
      cell: (u) => <SignInState user={u} />,
    },
    {
      key: 'lastSignIn',
      header: t('admin.users.lastSignIn'),
      cell: (u) => (u.lastSignInAt ? format.dateTime(u.lastSignInAt) : t('admin.users.never')),
    },
    {
      key: 'actions',
      header: t('admin.users.actions'),
      cell: (u) => (
        <Group gap="xs" wrap="nowrap">
          {u.lockedUntil && onUnlock && (
            <RowButton
              label={t('admin.users.unlock')}
              name={t('admin.users.unlockOf', { username: u.username })}
              variant="light"
              disabled={readOnly(u)}
              onClick={() => onUnlock(u)}
            />
          )}
          {onResetPassword && (
            <RowButton
              label={t('admin.users.reset')}
              name={t('admin.users.resetOf', { username: u.username })}
              disabled={readOnly(u)}
              onClick={() => onResetPassword(u)}
            />
          )}
        </Group>
      ),
    },
  ];
  return (
    <>
      <DataTable label={t('admin.users.table')} columns={columns} rows={users} rowKey={(u) => u.id} />
      {currentUsername && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('admin.users.selfNote')} {enabledAdmins === 1 && t('admin.users.lastAdminNote')}
        </Text>
      )}
    </>
  );
}

/** Locked out (until when), waiting for a new password, or failed attempts so far; else a dash. */
function SignInState({ user: u }: { user: UserView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (u.lockedUntil)
    return (
      <Badge color="red" variant="light" styles={WHOLE_BADGE}>
        {t('admin.users.lockedUntil', { time: format.time(u.lockedUntil) })}
      </Badge>
    );
  if (u.mustChangePassword)
    return (
      <Badge color="yellow" variant="light" styles={WHOLE_BADGE}>
        {t('admin.users.mustChange')}
      </Badge>
    );
  if (u.failedAttempts > 0)
    return <Text size="sm">{t('admin.users.failed', { count: u.failedAttempts })}</Text>;
  return <Text size="sm">{t('admin.users.never')}</Text>;
}
