// Runs in: renderer. Admin › Users (container): the accounts, a role or sign-in change per row,
// and a new account. The signed-in admin's own row stays read-only.
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../i18n/labels';
import { QueryContent } from '../../../ui/QueryContent';
import { Section } from '../../../ui/Section';
import { useSession } from '../../session/queries';
import { AddUserForm } from '../components/AddUserForm';
import { UsersTable } from '../components/UsersTable';
import { useCreateUser, useSetUserDisabled, useSetUserRole } from '../mutations';
import { confirmDone } from '../notify';
import { useUsers } from '../queries';

export default function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const users = useUsers();
  const session = useSession();
  const create = useCreateUser();
  const setRole = useSetUserRole();
  const setDisabled = useSetUserDisabled();
  const busyUserId = setRole.isPending
    ? setRole.variables?.userId
    : setDisabled.isPending
      ? setDisabled.variables?.userId
      : null;

  return (
    <Section title={t('admin.users.title')}>
      <QueryContent query={users}>
        {(data) => (
          <UsersTable
            users={data}
            currentUsername={session.data?.user?.username ?? null}
            busyUserId={busyUserId}
            onRoleChange={(u, role) =>
              setRole.mutate(
                { userId: u.id, role },
                {
                  onSuccess: (v) =>
                    confirmDone(
                      t('admin.users.roleChanged', { username: v.username, role: labels.role(v.role) }),
                    ),
                },
              )
            }
            onEnabledChange={(u, enabled) =>
              setDisabled.mutate(
                { userId: u.id, disabled: !enabled },
                {
                  onSuccess: (v) =>
                    confirmDone(
                      t(v.disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', {
                        username: v.username,
                      }),
                    ),
                },
              )
            }
          />
        )}
      </QueryContent>
      <AddUserForm
        submitting={create.isPending}
        error={create.error?.message ?? null}
        onSubmit={(user) =>
          create
            .mutateAsync(user)
            .then((v) => confirmDone(t('admin.users.add.done', { username: v.username })))
        }
      />
    </Section>
  );
}
