// Runs in: tests (Node). Signed-in sessions through the real router: first-run setup of the admin,
// then users created by the admin, each signed in on a connection of its own.
import type { Role } from '../../ipc/channel';
import type { Router } from '../../main/ipc/router';

export const ADMIN = { username: 'site.admin', password: 'admin-password-1' };
export const USER_PASSWORD = 'user-password-1';

export interface TestUser {
  username: string;
  displayName: string;
  role: Role;
  /** The connection the user signs in on. */
  connection: string;
}

/** Sets up the admin (signed in on connection 'a'), then creates and signs in each user; throws on a refusal. */
export async function signInUsers(route: Router, users: TestUser[]): Promise<void> {
  const call = async (channel: string, payload: unknown, connection: string) => {
    const r = await route(channel, payload, connection);
    if (!r.ok) throw new Error(`${channel} was refused: ${r.error.code} ${r.error.message}`);
  };
  await call('auth.setup', { ...ADMIN, displayName: 'Admin' }, 'setup');
  await call('auth.signIn', ADMIN, 'a');
  for (const { connection, ...user } of users) {
    await call('users.create', { ...user, password: USER_PASSWORD }, 'a');
    await call('auth.signIn', { username: user.username, password: USER_PASSWORD }, connection);
  }
}
