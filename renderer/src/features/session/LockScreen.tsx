// Runs in: renderer. The idle lock: the same user unlocks with their password, or signs out.
// The page behind it is unmounted, so nothing of the case stays on screen while locked.
import type { SessionView } from '../../../../ipc/channels/auth';
import { CenteredScreen } from '../../ui/CenteredScreen';
import { LockForm } from './components/LockForm';
import { useSignOut, useUnlock } from './mutations';

export function LockScreen({ session }: { session: SessionView }) {
  const unlock = useUnlock();
  const signOut = useSignOut();
  return (
    <CenteredScreen bg="gray.2">
      <LockForm
        displayName={session.user?.displayName ?? ''}
        idleLockMinutes={session.idleLockMinutes}
        error={unlock.error?.message ?? null}
        busy={unlock.isPending}
        onUnlock={(password) => unlock.mutateAsync({ password })}
        onSignOut={() => signOut.mutate({})}
      />
    </CenteredScreen>
  );
}
