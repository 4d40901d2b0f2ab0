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

export const usersChannels = {
  'users.list': channel({
    access: ['admin'],
    summary: 'List user accounts',
    request: Empty,
    response: z.array(UserView),
  }),
  'users.create': channel({
    access: ['admin'],
    summary: 'Create a user account',
    request: z
      .object({ username: Username, displayName: DisplayName, role: Role, password: Password })
      .strict(),
    response: UserView,
  }),
  'users.setRole': channel({
    access: ['admin'],
    summary: "Change a user's role",
    request: z.object({ userId: z.number().int(), role: Role }).strict(),
    response: UserView,
  }),
  'users.setDisabled': channel({
    access: ['admin'],
    summary: 'Disable or re-enable a user account',
    request: z.object({ userId: z.number().int(), disabled: z.boolean() }).strict(),
    response: UserView,
  }),
  'users.resetPassword': channel({
    access: ['admin'],
    summary: 'Set a one-time password for a user (they choose their own at the next sign-in)',
    request: z.object({ userId: z.number().int(), password: Password }).strict(),
    response: UserView,
  }),
  'users.unlock': channel({
    access: ['admin'],
    summary: 'Unlock an account locked by too many failed sign-in attempts',
    request: z.object({ userId: z.number().int() }).strict(),
    response: UserView,
  }),
} as const;
