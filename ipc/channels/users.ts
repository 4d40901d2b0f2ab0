// Runs in: main (validation), preload (channel names), renderer (types only).
// User accounts, managed by admins.
import { z } from 'zod';
import { channel, Empty, Role } from '../channel';

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/i, 'letters, digits, dot, dash or underscore');
export const Password = z.string().min(10, 'at least 10 characters').max(256);
export const DisplayName = z.string().trim().min(1).max(120);

export const UserView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  /** Set by an admin's password reset: the user chooses a new password at the next sign-in. */
  mustChangePassword: z.boolean(),
  /** While too many failed attempts keep the account locked: until when; else null. */
  lockedUntil: z.string().nullable(),
  /** Failed attempts since the last success (the account locks at the limit). */
  failedAttempts: z.number().int(),
});
export type UserView = z.infer<typeof UserView>;

/** A request about one account: its id, and what to change in it. */
const forUser = <Change extends z.ZodRawShape>(change: Change) =>
  z.object({ userId: z.number().int(), ...change }).strict();

export const usersChannels = {
  'users.list': channel(['admin'], 'List user accounts', Empty, z.array(UserView)),
  'users.create': channel(
    ['admin'],
    'Create a user account',
    z.object({ username: Username, displayName: DisplayName, role: Role, password: Password }).strict(),
    UserView,
  ),
  'users.setRole': channel(['admin'], "Change a user's role", forUser({ role: Role }), UserView),
  'users.setDisabled': channel(
    ['admin'],
    'Disable or re-enable a user account',
    forUser({ disabled: z.boolean() }),
    UserView,
  ),
  'users.resetPassword': channel(
    ['admin'],
    'Set a one-time password for a user (they choose their own at the next sign-in)',
    forUser({ password: Password }),
    UserView,
  ),
  'users.unlock': channel(
    ['admin'],
    'Unlock an account locked by too many failed sign-in attempts',
    forUser({}),
    UserView,
  ),
} as const;
