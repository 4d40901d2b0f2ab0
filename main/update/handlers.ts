// Runs in: main process. Software updates and the fleet, for admins.
import type { updateChannels } from '../../ipc/channels/update';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { fleetView } from './fleet';

export const updateHandlers: DomainHandlers<typeof updateChannels> = {
  'update.status': (_req, { app }) => app.updates.status(),

  'update.check': (_req, { app }) => app.updates.check(),

  'update.installNow': (_req, ctx) => ctx.app.updates.installNow(actor(ctx)),

  'update.fleet': (_req, { app }) => fleetView(app),
};
