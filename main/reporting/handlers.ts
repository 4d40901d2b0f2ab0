// Runs in: main process.
// The supervisor's figures for the day (aggregates only).
import type { reportingChannels } from '../../ipc/channels/reporting';
import type { DomainHandlers } from '../ipc/domain-handlers';
import { arrivalsDashboard } from './dashboard';

export const reportingHandlers: DomainHandlers<typeof reportingChannels> = {
  'arrivals.dashboard': (_req, { app }) => arrivalsDashboard(app),
};
