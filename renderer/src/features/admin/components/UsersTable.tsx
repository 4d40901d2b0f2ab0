// Runs in: renderer. The user accounts with each one's role and whether it may sign in. The
// signed-in admin's own row is read-only: nobody locks themselves out (props only).
import { Select, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../ipc/channel';
import type { UserView } from '../../../../../ipc/channels/users';
import { useFormat } from '../../../format';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { useLabels } from '../../../i18n/labels';
import { ROLE_OPTIONS } from '../roles';

export interface UsersTableProps {
  users: UserView[];
  /** The signed-in admin's username; null while it is not known (then every row is read-only). */
  currentUsername: string | null;
  onRoleChange: (user: UserView, role: Role) => void;
  onEnabledChange: (user: UserView, enabled: boolean) => void;
  /** The account whose change is being saved. */
  busyUserId?: number | null;
}

export function UsersTable({
  users,
  currentUsername,
  onRoleChange,
  onEnabledChange,
  busyUserId,
}: UsersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const roles = ROLE_OPTIONS.map((r) => ({ value: r, label: labels.role(r) }));
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
          disabled={readOnly(u)}
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
          disabled={readOnly(u)}
          onChange={(e) => onEnabledChange(u, e.currentTarget.checked)}
        />
      ),
    },
    {
      key: 'lastSignIn',
      header: t('admin.users.lastSignIn'),
      cell: (u) => (u.lastSignInAt ? format.dateTime(u.lastSignInAt) : t('admin.users.never')),
    },
  ];
  return (
    <>
      <DataTable label={t('admin.users.table')} columns={columns} rows={users} rowKey={(u) => u.id} />
      {currentUsername && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('admin.users.selfNote')}
        </Text>
      )}
    </>
  );
}
