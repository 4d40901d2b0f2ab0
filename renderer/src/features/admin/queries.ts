// Runs in: renderer. What the admin pages read. A page that cannot load shows why in place
// (meta.silent) instead of an empty form plus a notification.
import { useChannelQuery } from '../../data/channel-hooks';

const inPlace = { meta: { silent: true } } as const;

export const useUsers = () => useChannelQuery('users.list', {}, inPlace);

export const useSettings = () => useChannelQuery('settings.get', {}, inPlace);

export const useSiteSettings = () => useChannelQuery('settings.site', {}, inPlace);

/** The calibration's numbers for the model in use, shown beside the face thresholds. */
export const useFaceAccuracy = () => useChannelQuery('face.accuracy', {}, inPlace);

export const useLookoutStatus = () => useChannelQuery('lookout.status', {}, inPlace);

/** flags.config with no change is a read: the thresholds in force. */
export const useFlagConfig = () => useChannelQuery('flags.config', {}, inPlace);

export const useEngineStatus = () => useChannelQuery('engine.status', {}, inPlace);

/** Asked for every 2 s while a check or download runs (its progress), else every 30 s. */
export const useUpdateStatus = () =>
  useChannelQuery(
    'update.status',
    {},
    {
      ...inPlace,
      refetchInterval: (q) =>
        q.state.data?.phase === 'downloading' || q.state.data?.phase === 'checking' ? 2_000 : 30_000,
    },
  );

/** The port's booths as their heartbeats to the feed describe them. */
export const useFleet = () => useChannelQuery('update.fleet', {}, { ...inPlace, refetchInterval: 60_000 });
