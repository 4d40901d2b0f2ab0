// Runs in: renderer. The admin's changes. Each refreshes what it changed by invalidation, and
// 'audit' too, since every one of them is audited. Failures reach the user through the client's
// notification, except where a form shows them beside itself (meta.silent).
import { call, sendFile } from '../../api';
import { useChannelMutation, useStepsMutation } from '../../data/channel-hooks';

export const useCreateUser = () =>
  useChannelMutation('users.create', { invalidates: ['users', 'audit'], meta: { silent: true } });

export const useSetUserRole = () => useChannelMutation('users.setRole', { invalidates: ['users', 'audit'] });

export const useSetUserDisabled = () =>
  useChannelMutation('users.setDisabled', { invalidates: ['users', 'audit'] });

/** Shown in the dialog that asked for it (meta.silent). */
export const useResetPassword = () =>
  useChannelMutation('users.resetPassword', { invalidates: ['users', 'audit'], meta: { silent: true } });

export const useUnlockUser = () => useChannelMutation('users.unlock', { invalidates: ['users', 'audit'] });

export const useUpdateSettings = () =>
  useChannelMutation('settings.update', { invalidates: ['settings', 'audit'] });

export const useUpdateSite = () =>
  useChannelMutation('settings.updateSite', { invalidates: ['settings', 'audit'] });

/** A pasted key checked in main; its answer (or why not) shows beside the field. */
export const useInspectKey = () => useChannelMutation('settings.inspectKey', { meta: { silent: true } });

/** A look at a file: nothing changes, so nothing to invalidate; problems show in the preview. */
export const usePreviewLookout = () => useChannelMutation('lookout.preview', { meta: { silent: true } });

/** A new list recomputes the lookout matches: the flags views are stale too. */
export const useImportLookout = () =>
  useChannelMutation('lookout.import', {
    invalidates: ['lookout', 'flags', 'queue', 'applicant', 'audit'],
    meta: { silent: true },
  });

/** Its answer is the new status; the fleet and audit may change with it. Refusals show in place. */
export const useCheckForUpdate = () =>
  useChannelMutation('update.check', { invalidates: ['update'], meta: { silent: true } });

export const useInstallUpdate = () =>
  useChannelMutation('update.installNow', { invalidates: ['update', 'audit'], meta: { silent: true } });

/** A change recomputes every flag: the overview, precision and review list are stale too. */
export const useUpdateFlagConfig = () =>
  useChannelMutation('flags.config', { invalidates: ['flags', 'audit'] });

/**
 * A bundle file the admin picked or dropped: announced (main refuses one too large at once), its
 * bytes sent (`onProgress` hears how many arrived), then verified and imported. An import can
 * change the day's manifest, photos, lookout list and flags.
 */
export const useImportBundle = () =>
  useStepsMutation(
    async ({ file, onProgress }: { file: File; onProgress?: (received: number) => void }) => {
      const { uploadId } = await call('bundle.upload', { name: file.name, size: file.size });
      await sendFile(uploadId, file, onProgress);
      return call('bundle.import', { uploadId });
    },
    {
      invalidates: ['bundle', 'sync', 'queue', 'arrivals', 'applicant', 'flags', 'face', 'engine', 'audit'],
      meta: { silent: true },
    },
  );
