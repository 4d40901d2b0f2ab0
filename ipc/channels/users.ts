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
} as const;
