// Runs in: renderer. The roles an account can have, in the order the pickers list them. The
// contract's ROLES is not imported as a value (the renderer takes only types from ipc/): the
// Record makes the compiler refuse this list if a role is added there and not here.
import type { Role } from '../../../../ipc/channel';

const LISTED: Record<Role, true> = { officer: true, supervisor: true, admin: true };

export const ROLE_OPTIONS = Object.keys(LISTED) as Role[];
