// Runs in: tests (jsdom). The sign-in and lock cards as a user sees them: the screen's one h1,
// the labelled fields, a refusal shown in place (and the password cleared), the lock's reason.
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInForm } from '../../../../renderer/src/features/session/components/SignInForm';
import { LockForm } from '../../../../renderer/src/features/session/components/LockForm';
import { renderUi } from '../render';

describe('SignInForm', () => {
  it('has one h1, the port, and labelled fields', () => {
    renderUi(
      <SignInForm subtitle="San Ysidro (SYS) · demo data" error={null} busy={false} onSubmit={vi.fn()} />,
    );
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Arrivals Console');
    expect(screen.getByText('San Ysidro (SYS) · demo data')).toBeVisible();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Username/)).toHaveFocus();
  });

  it('submits the credentials; a refusal clears the password and shows why', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new Error('refused'));
    const { rerender } = renderUi(
      <SignInForm subtitle="SYS" error={null} busy={false} onSubmit={onSubmit} />,
    );
    await userEvent.type(screen.getByLabelText(/^Username/), 'officer');
    await userEvent.type(screen.getByLabelText(/^Password/), 'wrong-password{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ username: 'officer', password: 'wrong-password' });
    await vi.waitFor(() => expect(screen.getByLabelText(/^Password/)).toHaveValue(''));
    expect(screen.getByLabelText(/^Password/)).toHaveFocus(); // ready for the next try
    rerender(
      <SignInForm subtitle="SYS" error="Wrong username or password." busy={false} onSubmit={onSubmit} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(screen.getByLabelText(/^Username/)).toHaveValue('officer');
  });

  it('a refusal that lands after the next password was typed keeps the new one, and that try is sent', async () => {
    let refuse: (e: Error) => void = () => undefined;
    const onSubmit = vi
      .fn()
      .mockReturnValueOnce(new Promise((_resolve, reject) => (refuse = reject)))
      .mockResolvedValueOnce(undefined);
    renderUi(<SignInForm subtitle="SYS" error={null} busy={false} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/^Username/), 'officer');
    await userEvent.type(screen.getByLabelText(/^Password/), 'wrong-password{Enter}');
    await userEvent.clear(screen.getByLabelText(/^Password/));
    await userEvent.type(screen.getByLabelText(/^Password/), 'right-password');
    refuse(new Error('refused'));
    await vi.waitFor(() => expect(screen.getByLabelText(/^Password/)).toHaveFocus());
    expect(screen.getByLabelText(/^Password/)).toHaveValue('right-password');
    await userEvent.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenLastCalledWith({ username: 'officer', password: 'right-password' });
  });
});

/** The lock screen for Demo Officer after 10 idle minutes, unless `props` says otherwise. */
function lockForm(props: Partial<ComponentProps<typeof LockForm>> = {}) {
  return (
    <LockForm
      displayName="Demo Officer"
      idleLockMinutes={10}
      error={null}
      busy={false}
      onUnlock={vi.fn()}
      onSignOut={vi.fn()}
      {...props}
    />
  );
}

describe('LockForm', () => {
  it('says who is locked and after how long, in the right plural', () => {
    const { rerender } = renderUi(lockForm());
    expect(screen.getByRole('heading', { level: 1, name: 'Session locked' })).toBeVisible();
    expect(
      screen.getByText(/Locked after 10 minutes without activity\. Demo Officer, enter your password/),
    ).toBeVisible();
    rerender(lockForm({ idleLockMinutes: 1 }));
    expect(screen.getByText(/Locked after 1 minute without activity/)).toBeVisible();
  });

  it('unlocks with the password, or signs out', async () => {
    const onUnlock = vi.fn().mockResolvedValue(undefined);
    const onSignOut = vi.fn();
    renderUi(lockForm({ displayName: 'D', onUnlock, onSignOut }));
    await userEvent.type(screen.getByLabelText(/^Password/), 'officer-demo-pass{Enter}');
    expect(onUnlock).toHaveBeenCalledWith('officer-demo-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalled();
  });
});
