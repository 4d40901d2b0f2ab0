// Runs in: tests (jsdom). The users table and the new-account form as an admin uses them: their
// own row cannot be demoted or disabled; a change and a new account reach the container.
import { useState, type ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserView } from '../../../../ipc/channels/users';
import { AddUserForm } from '../../../../renderer/src/features/admin/components/AddUserForm';
import { UsersTable } from '../../../../renderer/src/features/admin/components/UsersTable';
import { renderUi } from '../render';

const user = (u: Partial<UserView>): UserView => ({
  id: 1,
  username: 'site.admin',
  displayName: 'Site Administrator',
  role: 'admin',
  disabled: false,
  createdAt: '2026-11-01T08:00:00Z',
  lastSignInAt: null,
  mustChangePassword: false,
  lockedUntil: null,
  failedAttempts: 0,
  ...u,
});

const users = [
  user({ lastSignInAt: '2026-12-01T16:30:00Z' }),
  user({ id: 2, username: 'officer', displayName: 'Demo Officer', role: 'officer' }),
  user({ id: 3, username: 'ofc.kim', displayName: 'Jin Kim', role: 'officer', disabled: true }),
];

/** The table of `users` as site.admin sees it, unless `props` says otherwise. */
function renderTable(props: Partial<ComponentProps<typeof UsersTable>> = {}) {
  return renderUi(
    <UsersTable
      users={users}
      currentUsername="site.admin"
      onRoleChange={vi.fn()}
      onEnabledChange={vi.fn()}
      {...props}
    />,
  );
}

describe('UsersTable', () => {
  it("disables the role and enable controls on the signed-in admin's own row only", () => {
    renderTable();
    expect(screen.getByRole('textbox', { name: 'Role of site.admin' })).toBeDisabled();
    expect(screen.getByRole('switch', { name: 'Enable site.admin' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Role of officer' })).toBeEnabled();
    expect(screen.getByRole('switch', { name: 'Enable officer' })).toBeEnabled();
    expect(screen.getByText(/cannot change your own role/)).toBeInTheDocument();
  });

  it('shows each account: name, role in words, whether it may sign in, last sign-in at the port', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'User accounts' });
    const admin = within(table).getByRole('row', { name: /^site\.admin/ });
    expect(admin).toHaveTextContent('Site Administrator');
    // 16:30 UTC is 08:30 in Los Angeles, the port's zone in renderUi.
    expect(admin).toHaveTextContent('Dec 1, 2026, 08:30');
    expect(screen.getByRole('textbox', { name: 'Role of officer' })).toHaveValue('officer');
    expect(screen.getByRole('switch', { name: 'Enable ofc.kim' })).not.toBeChecked();
    expect(within(table).getByRole('row', { name: /^officer/ })).toHaveTextContent('—');
  });

  it('passes on a change of sign-in', async () => {
    const onEnabledChange = vi.fn();
    renderTable({ onEnabledChange });
    await userEvent.click(screen.getByRole('switch', { name: 'Enable ofc.kim' }));
    expect(onEnabledChange).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }), true);
  });

  it('shows a lockout with its end at the port and a one-time password, and offers unlock and reset', async () => {
    const onUnlock = vi.fn();
    const onResetPassword = vi.fn();
    renderTable({
      users: [
        ...users,
        user({ id: 4, username: 'ofc.ruiz', role: 'officer', lockedUntil: '2026-12-01T22:05:00Z' }),
        user({ id: 5, username: 'sup.lee', role: 'supervisor', mustChangePassword: true }),
      ],
      onUnlock,
      onResetPassword,
    });
    // 22:05 UTC is 14:05 in Los Angeles.
    expect(screen.getByTestId('sign-in-state-ofc.ruiz')).toHaveTextContent('Locked until 14:05');
    expect(screen.getByTestId('sign-in-state-sup.lee')).toHaveTextContent('Must choose a new password');
    expect(screen.queryByRole('button', { name: 'Unlock sup.lee' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Unlock ofc.ruiz' }));
    expect(onUnlock).toHaveBeenCalledWith(expect.objectContaining({ id: 4 }));
    await userEvent.click(screen.getByRole('button', { name: 'Reset the password of sup.lee' }));
    expect(onResetPassword).toHaveBeenCalledWith(expect.objectContaining({ id: 5 }));
    expect(screen.getByRole('button', { name: 'Reset the password of site.admin' })).toBeDisabled();
  });

  it('says the only enabled admin stays one; with a second enabled admin, either may be changed by the other', () => {
    const { unmount } = renderTable({
      users: [...users, user({ id: 6, username: 'adm.two', role: 'admin', disabled: true })],
    });
    expect(screen.getByText(/only enabled administrator cannot be demoted or disabled/)).toBeInTheDocument();
    unmount();
    renderTable({
      currentUsername: 'adm.two',
      users: [...users, user({ id: 6, username: 'adm.two', role: 'admin' })],
    });
    expect(screen.queryByText(/only enabled administrator/)).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Role of site.admin' })).toBeEnabled();
    expect(screen.getByRole('switch', { name: 'Enable site.admin' })).toBeEnabled();
  });

  it('keeps every row read-only until it knows who is signed in', () => {
    renderTable({ currentUsername: null });
    for (const s of screen.getAllByRole('switch')) expect(s).toBeDisabled();
  });
});

describe('AddUserForm', () => {
  it('sends the new account and clears the fields once it exists', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderUi(<AddUserForm onSubmit={onSubmit} submitting={false} />);
    await userEvent.type(screen.getByLabelText(/^Username/), 'ofc.garcia');
    await userEvent.type(screen.getByLabelText(/^Full name/), 'María García');
    await userEvent.type(screen.getByLabelText(/^Initial password/), 'garcia-password-1');
    await userEvent.click(screen.getByRole('button', { name: 'Add user' }));
    expect(onSubmit).toHaveBeenCalledWith({
      username: 'ofc.garcia',
      displayName: 'María García',
      role: 'officer',
      password: 'garcia-password-1',
    });
    await vi.waitFor(() => expect(screen.getByLabelText(/^Username/)).toHaveValue(''));
  });

  it('keeps what was typed when the account was refused, and shows why', async () => {
    const onSubmit = vi.fn();
    // As the container does: the refusal's message comes back as a prop.
    function Refusing() {
      const [error, setError] = useState<string | null>(null);
      return (
        <AddUserForm
          submitting={false}
          error={error}
          onSubmit={(u) => {
            onSubmit(u);
            setError('That username is taken.');
            return Promise.reject(new Error('refused'));
          }}
        />
      );
    }
    renderUi(<Refusing />);
    await userEvent.type(screen.getByLabelText(/^Username/), 'officer');
    await userEvent.type(screen.getByLabelText(/^Full name/), 'Second Officer');
    await userEvent.type(screen.getByLabelText(/^Initial password/), 'officer-password-2');
    await userEvent.click(screen.getByRole('button', { name: 'Add user' }));
    expect(onSubmit).toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('That username is taken.');
    expect(screen.getByLabelText(/^Username/)).toHaveValue('officer');
  });
});
