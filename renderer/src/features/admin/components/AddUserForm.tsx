// Runs in: renderer. A new account: username, full name, role, initial password. The fields
// clear once the account exists; a refusal (taken name, short password) shows under the form
// (props only).
import { useId, useState, type ChangeEvent } from 'react';
import { Button, Group, PasswordInput, Select, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../ipc/channel';
import { InlineError } from '../../../ui/InlineError';
import { useLabels } from '../../../i18n/labels';
import { ROLE_OPTIONS } from '../roles';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface AddUserFormProps {
  /** Resolves when the account exists (the form then clears), rejects when it was refused. */
  onSubmit: (user: NewUser) => Promise<unknown>;
  submitting: boolean;
  error?: string | null;
}

const EMPTY: NewUser = { username: '', displayName: '', role: 'officer', password: '' };

export function AddUserForm({ onSubmit, submitting, error }: AddUserFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [form, setForm] = useState<NewUser>(EMPTY);
  const set = <K extends keyof NewUser>(k: K, v: NewUser[K]) => setForm((f) => ({ ...f, [k]: v }));
  // The typed fields: each required and bound to its part of the form.
  const text = (k: 'username' | 'displayName' | 'password') => ({
    value: form[k],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(k, e.currentTarget.value),
    required: true,
  });
  const labels = useLabels();
  const roles = ROLE_OPTIONS.map((r) => ({ value: r, label: labels.role(r) }));
  return (
    <form
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        // Keep the role for the next one: admins often add several officers in a row.
        onSubmit(form).then(
          () => setForm((f) => ({ ...EMPTY, role: f.role })),
          () => undefined, // shown through `error`
        );
      }}
    >
      <Title order={3} size="h5" mt="lg" mb="xs" id={titleId}>
        {t('admin.users.add.title')}
      </Title>
      <Group align="flex-end">
        <TextInput label={t('admin.users.add.username')} {...text('username')} autoComplete="off" />
        <TextInput label={t('admin.users.add.fullName')} {...text('displayName')} autoComplete="off" />
        <Select
          label={t('admin.users.add.role')}
          data={roles}
          value={form.role}
          allowDeselect={false}
          onChange={(v) => v && set('role', v as Role)}
          w={150}
        />
        <PasswordInput
          label={t('admin.users.add.password')}
          {...text('password')}
          autoComplete="new-password"
        />
        <Button type="submit" loading={submitting}>
          {t('admin.users.add.submit')}
        </Button>
      </Group>
      {error && <InlineError message={error} mt="sm" />}
    </form>
  );
}
