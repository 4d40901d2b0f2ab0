// Runs in: renderer. What the supervisor dashboard reads. Each panel shows its own error in
// place (meta.silent), so one failing source does not hide the others or stack notifications.
import { useChannelQuery } from '../../data/channel-hooks';

const inPlace = { meta: { silent: true } } as const;

export const useArrivalsDashboard = () => useChannelQuery('arrivals.dashboard', {}, inPlace);

export const useFlagsOverview = () => useChannelQuery('flags.overview', {}, inPlace);

export const useFaceAccuracy = () => useChannelQuery('face.accuracy', {}, inPlace);
