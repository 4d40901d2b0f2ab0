// Runs in: renderer. What the admin pages read. A page that cannot load shows why in place
// (meta.silent) instead of an empty form plus a notification.
import { useChannelQuery } from '../../data/channel-hooks';

const inPlace = { meta: { silent: true } } as const;

export const useUsers = () => useChannelQuery('users.list', {}, inPlace);

export const useSettings = () => useChannelQuery('settings.get', {}, inPlace);

/** flags.config with no change is a read: the thresholds in force. */
export const useFlagConfig = () => useChannelQuery('flags.config', {}, inPlace);

export const useEngineStatus = () => useChannelQuery('engine.status', {}, inPlace);
