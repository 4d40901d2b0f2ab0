// Runs in: main (validation), preload (channel names), renderer (types only).
// First-run setup, sign-in, the idle lock and sign-out.
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { DisplayName, Password, Username, UserView } from './users';

export const SessionView = z.object({
  user: UserView.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionView = z.infer<typeof SessionView>;

export const authChannels = {
  'auth.setup': channel({
    access: 'public',
    summary: 'First run only: create the administrator (and demo accounts in demo mode)',
    request: z
      .object({
        username: Username,
        displayName: DisplayName,
        password: Password,
        createDemoAccounts: z.boolean().default(false),
      })
      .strict(),
    response: z.object({ user: UserView, demoAccounts: z.array(z.string()) }),
  }),
  'auth.signIn': channel({
    access: 'public',
    summary: 'Sign in with username and password',
    request: z.object({ username: z.string().max(64), password: z.string().max(256) }).strict(),
    response: SessionView,
  }),
  'auth.unlock': channel({
    access: 'public',
    summary: 'Unlock an idle-locked session with the same user password',
    request: z.object({ password: z.string().max(256) }).strict(),
    response: SessionView,
  }),
  'auth.session': channel({
    access: 'public',
    summary: 'The current session, if any',
    request: Empty,
    response: SessionView,
  }),
  'auth.activity': channel({
    access: ['officer', 'supervisor', 'admin'],
    summary:
      "The user's own input (keys, pointer, a capture) since the last report: what keeps the idle lock away",
    request: Empty,
    response: z.object({ idleLockMinutes: z.number() }),
  }),
  'auth.lock': channel({
    access: ['officer', 'supervisor', 'admin'],
    summary: 'Lock the session now: no input for the idle time, or the user asked',
    request: z.object({ reason: z.enum(['idle', 'asked']) }).strict(),
    response: SessionView,
  }),
  'auth.changePassword': channel({
    access: ['officer', 'supervisor', 'admin'],
    summary: 'Choose a new password after an admin set a one-time one (the only call allowed until then)',
    request: z.object({ newPassword: Password }).strict(),
    response: SessionView,
  }),
  'auth.signOut': channel({
    access: 'public',
    summary: 'Sign out',
    request: Empty,
    response: z.object({ signedOut: z.boolean() }),
  }),
} as const;
