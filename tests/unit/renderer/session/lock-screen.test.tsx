// Runs in: tests (jsdom). What the lock screen says when a password is refused: attempts left
// in the right plural, the lockout's end in the port's time, never a username.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { i18n } from '../../../../renderer/src/i18n';
import { createFormat } from '../../../../renderer/src/format';
import { unlockRefusal } from '../../../../renderer/src/features/session/LockScreen';
import { LockForm } from '../../../../renderer/src/features/session/components/LockForm';
import type { ChannelError } from '../../../../renderer/src/data/channel-hooks';
import { renderUi } from '../render';

const refusal = (code: string, message: string, details?: ChannelError['details']) =>
  Object.assign(new Error(message), { code, details }) as ChannelError;
const say = (e: ChannelError | null) => unlockRefusal(e, i18n.t, createFormat('America/Los_Angeles'));

describe('unlock refusals', () => {
  it('counts the attempts left', () => {
    expect(say(refusal('BAD_CREDENTIALS', 'x', { attemptsLeft: 3 }))).toBe(
      'Wrong password. 3 attempts left before the account is locked.',
    );
    expect(say(refusal('BAD_CREDENTIALS', 'x', { attemptsLeft: 1 }))).toBe(
      'Wrong password. 1 attempt left before the account is locked.',
    );
  });

  it('says until when the account is locked, in the port time zone', () => {
    // 22:05Z is 14:05 in San Ysidro (UTC−8 in December), whatever this machine's zone.
    expect(say(refusal('ACCOUNT_LOCKED', 'x', { lockedUntil: '2026-12-01T22:05:00Z' }))).toBe(
      'Too many wrong passwords: the account is locked until 14:05. An administrator can unlock it sooner.',
    );
  });

  it("shows main's own words for anything else, and nothing without an error", () => {
    expect(say(refusal('ACCOUNT_DISABLED', 'This account is disabled. Ask an administrator.'))).toBe(
      'This account is disabled. Ask an administrator.',
    );
    expect(say(null)).toBeNull();
  });

  it('the lock card shows the refusal as an alert', () => {
    renderUi(
      <LockForm
        displayName="Demo Officer"
        idleLockMinutes={1}
        error={say(refusal('BAD_CREDENTIALS', 'x', { attemptsLeft: 4 }))}
        busy={false}
        onUnlock={() => Promise.resolve()}
        onSignOut={() => undefined}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('4 attempts left');
    expect(screen.getByRole('alert')).not.toHaveTextContent(/username/i);
  });
});
