// Runs in: main process.
// The admin's engine status.
import type { engineChannels } from '../../ipc/channels/engine';
import type { DomainHandlers } from '../ipc/domain-handlers';
import { engineStatus } from './engine-status';

export const engineHandlers: DomainHandlers<typeof engineChannels> = {
  'engine.status': (_req, { app }) => engineStatus(app),
};
