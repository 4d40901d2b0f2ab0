// Runs in: main (validation), preload (channel names), renderer (types only).
// First-run setup, sign-in, the idle lock and sign-out.
import { z } from 'zod';
import { channel, Empty, ROLES } from '../channel';
import { DisplayName, Password, Username, UserView } from './users';

export const SessionView = z.object({
  user: UserView.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionView = z.infer<typeof SessionView>;

export const authChannels = {
  'auth.setup': channel(
    'public',
    'First run only: create the administrator (and demo accounts in demo mode)',
    z
      .object({
        username: Username,
        displayName: DisplayName,
        password: Password,
        createDemoAccounts: z.boolean().default(false),
      })
      .strict(),
    z.object({ user: UserView, demoAccounts: z.array(z.string()) }),
  ),
  'auth.signIn': channel(
    'public',
    'Sign in with username and password',
    z.object({ username: z.string().max(64), password: z.string().max(256) }).strict(),
    SessionView,
  ),
  'auth.unlock': channel(
    'public',
    'Unlock an idle-locked session with the same user password',
    z.object({ password: z.string().max(256) }).strict(),
    SessionView,
  ),
  'auth.session': channel('public', 'The current session, if any', Empty, SessionView),
  'auth.activity': channel(
    ROLES,
    "The user's own input (keys, pointer, a capture) since the last report: what keeps the idle lock away",
    Empty,
    z.object({ idleLockMinutes: z.number() }),
  ),
  'auth.lock': channel(
    ROLES,
    'Lock the session now: no input for the idle time, or the user asked',
    z.object({ reason: z.enum(['idle', 'asked']) }).strict(),
    SessionView,
  ),
  'auth.changePassword': channel(
    ROLES,
    'Choose a new password after an admin set a one-time one (the only call allowed until then)',
    z.object({ newPassword: Password }).strict(),
    SessionView,
  ),
  'auth.signOut': channel('public', 'Sign out', Empty, z.object({ signedOut: z.boolean() })),
} as const;
