// Runs in: renderer. The user accounts with each one's role and whether it may sign in. The
// signed-in admin's own row is read-only: nobody locks themselves out (props only).
import { Select, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../ipc/channel';
import type { UserView } from '../../../../../ipc/channels/users';
import { useFormat } from '../../../format';
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
  return (
    <>
      <Table aria-label={t('admin.users.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.users.username')}</Table.Th>
            <Table.Th>{t('admin.users.name')}</Table.Th>
            <Table.Th>{t('admin.users.role')}</Table.Th>
            <Table.Th>{t('admin.users.enabled')}</Table.Th>
            <Table.Th>{t('admin.users.lastSignIn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => {
            const readOnly =
              currentUsername === null || u.username === currentUsername || busyUserId === u.id;
            return (
              <Table.Tr key={u.id}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('admin.users.roleOf', { username: u.username })}
                    data={roles}
                    value={u.role}
                    allowDeselect={false}
                    disabled={readOnly}
                    onChange={(v) => v && v !== u.role && onRoleChange(u, v as Role)}
                    w={150}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('admin.users.enable', { username: u.username })}
                    checked={!u.disabled}
                    disabled={readOnly}
                    onChange={(e) => onEnabledChange(u, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  {u.lastSignInAt ? format.dateTime(u.lastSignInAt) : t('admin.users.never')}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {currentUsername && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('admin.users.selfNote')}
        </Text>
      )}
    </>
  );
}
