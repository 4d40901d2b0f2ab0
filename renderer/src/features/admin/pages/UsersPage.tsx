// Runs in: renderer. Admin › Users (container): the accounts, a role or sign-in change per row,
// an unlock or a one-time password, and a new account. Each change says it was done; main
// refuses what must not happen (the last admin demoted, one's own account disabled) in words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../../ipc/channels/users';
import { useLabels } from '../../../i18n/labels';
import { QueryContent } from '../../../ui/QueryContent';
import { Section } from '../../../ui/Section';
import { useSession } from '../../session/queries';
import { AddUserForm } from '../components/AddUserForm';
import { ResetPasswordDialog } from '../components/ResetPasswordDialog';
import { UsersTable } from '../components/UsersTable';
import {
  useCreateUser,
  useResetPassword,
  useSetUserDisabled,
  useSetUserRole,
  useUnlockUser,
} from '../mutations';
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
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const [resetting, setResetting] = useState<UserView | null>(null);
  const busy = [setRole, setDisabled, unlock].find((m) => m.isPending);
  const busyUserId = busy?.variables?.userId ?? null;

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
            onUnlock={(u) =>
              unlock.mutate(
                { userId: u.id },
                { onSuccess: (v) => confirmDone(t('admin.users.unlockDone', { username: v.username })) },
              )
            }
            onResetPassword={(u) => {
              reset.reset();
              setResetting(u);
            }}
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
      <ResetPasswordDialog
        key={resetting?.id ?? 'closed'}
        user={resetting}
        submitting={reset.isPending}
        error={reset.error?.message ?? null}
        onClose={() => setResetting(null)}
        onSubmit={(password) =>
          resetting &&
          reset.mutate(
            { userId: resetting.id, password },
            {
              onSuccess: (v) => {
                setResetting(null);
                confirmDone(t('admin.users.resetDone', { username: v.username }));
              },
            },
          )
        }
      />
    </Section>
  );
}
