// Runs in: renderer. Where each role starts, and what a role may open. Main checks every call
// by role regardless: these only decide what the screen offers.
import type { Role } from '../../../ipc/channel';

export const ROLE_HOME: Record<Role, string> = {
  officer: '/booth',
  supervisor: '/dashboard',
  admin: '/admin',
};
