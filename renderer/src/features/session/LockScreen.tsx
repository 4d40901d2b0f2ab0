// Runs in: renderer. The idle lock: the same user unlocks with their password, or signs out.
// The page behind it is unmounted, so nothing of the case stays on screen while locked. A
// refusal says how many tries are left, or until when (port time) the account is locked.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SessionView } from '../../../../ipc/channels/auth';
import type { ChannelError } from '../../data/channel-hooks';
import { useFormat, type Format } from '../../format';
import { CenteredScreen } from '../../ui/CenteredScreen';
import { LockForm } from './components/LockForm';
import { useSignOut, useUnlock } from './mutations';

export function unlockRefusal(error: ChannelError | null, t: TFunction, format: Format): string | null {
  if (!error) return null;
  const d = error.details;
  if (error.code === 'ACCOUNT_LOCKED' && d?.lockedUntil)
    return t('session.lock.lockedUntil', { time: format.time(d.lockedUntil) });
  if (error.code === 'BAD_CREDENTIALS' && d?.attemptsLeft !== undefined)
    return t('session.lock.wrongPassword', { count: d.attemptsLeft });
  return error.message;
}

export function LockScreen({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unlock = useUnlock();
  const signOut = useSignOut();
  return (
    <CenteredScreen bg="gray.2">
      <LockForm
        displayName={session.user?.displayName ?? ''}
        idleLockMinutes={session.idleLockMinutes}
        error={unlockRefusal(unlock.error, t, format)}
        busy={unlock.isPending}
        onUnlock={(password) => unlock.mutateAsync({ password })}
        onSignOut={() => signOut.mutate({})}
      />
    </CenteredScreen>
  );
}
