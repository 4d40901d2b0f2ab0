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

/** Calls the router; a refusal throws. */
async function call(route: Router, channel: string, payload: unknown, connection: string): Promise<void> {
  const r = await route(channel, payload, connection);
  if (!r.ok) throw new Error(`${channel} was refused: ${r.error.code} ${r.error.message}`);
}

/** First-run setup of the admin, who then signs in on `connection`; throws on a refusal. */
export async function setUpAdmin(route: Router, connection = 'a'): Promise<void> {
  await call(route, 'auth.setup', { ...ADMIN, displayName: 'Admin' }, 'setup');
  await call(route, 'auth.signIn', ADMIN, connection);
}

/** Sets up the admin (signed in on connection 'a'), then creates and signs in each user; throws on a refusal. */
export async function signInUsers(route: Router, users: TestUser[]): Promise<void> {
  await setUpAdmin(route);
  for (const { connection, ...user } of users) {
    await call(route, 'users.create', { ...user, password: USER_PASSWORD }, 'a');
    await call(route, 'auth.signIn', { username: user.username, password: USER_PASSWORD }, connection);
  }
}
