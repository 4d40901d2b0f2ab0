// Runs in: renderer. The admin's changes. Each refreshes what it changed by invalidation, and
// 'audit' too, since every one of them is audited. Failures reach the user through the client's
// notification, except where a form shows them beside itself (meta.silent).
import { useChannelMutation } from '../../data/channel-hooks';

export const useCreateUser = () =>
  useChannelMutation('users.create', { invalidates: ['users', 'audit'], meta: { silent: true } });

export const useSetUserRole = () => useChannelMutation('users.setRole', { invalidates: ['users', 'audit'] });

export const useSetUserDisabled = () =>
  useChannelMutation('users.setDisabled', { invalidates: ['users', 'audit'] });

export const useUpdateSettings = () =>
  useChannelMutation('settings.update', { invalidates: ['settings', 'audit'] });

/** A change recomputes every flag: the overview, precision and review list are stale too. */
export const useUpdateFlagConfig = () =>
  useChannelMutation('flags.config', { invalidates: ['flags', 'audit'] });

/** An import can change the day's manifest, photos, lookout list and flags. */
export const useImportBundle = () =>
  useChannelMutation('bundle.import', {
    invalidates: ['bundle', 'sync', 'queue', 'arrivals', 'applicant', 'flags', 'face', 'engine', 'audit'],
    meta: { silent: true },
  });
