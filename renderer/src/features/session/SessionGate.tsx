// Runs in: renderer. The root of every route: first-run setup, sign-in or the idle lock take
// the whole window until there is an unlocked session; then the page at the URL (whatever was
// asked for, e.g. a reloaded #/booth/<id>) renders, watched for input by the idle lock. The lock
// unmounts the pages: nothing personal stays in the window. Main checks every call regardless.
import { Suspense, lazy, type ReactNode } from 'react';
import type { AppInfoView } from '../../../../ipc/channels/app';
import type { SessionView } from '../../../../ipc/channels/auth';
import { FormatProvider } from '../../format';
import { Loading } from '../../ui/Loading';
import { useAppInfo, useSession } from './queries';
import { IdleWatch } from './IdleWatch';
import { LockScreen } from './LockScreen';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { UnavailableScreen } from './UnavailableScreen';

// Setup, sign-in and the lock come with the entry: the first screen, whichever it is, never
// waits on (or fails to fetch) a chunk.
// Choosing a new password follows an admin's reset only: rare, so it loads when needed.
const ChangePasswordScreen = lazy(() =>
  import('./ChangePasswordScreen').then((m) => ({ default: m.ChangePasswordScreen })),
);

function Gate({ info, session, children }: { info: AppInfoView; session: SessionView; children: ReactNode }) {
  if (info.needsSetup) return <SetupScreen info={info} />;
  if (!session.user) return <SignInScreen info={info} />;
  if (session.locked) return <LockScreen session={session} />;
  if (session.user.mustChangePassword) return <ChangePasswordScreen session={session} />;
  return (
    <>
      <IdleWatch idleLockMinutes={session.idleLockMinutes} />
      {children}
    </>
  );
}

/** Shows its children (the routed app) only to an unlocked session. */
export function SessionGate({ children }: { children: ReactNode }) {
  const info = useAppInfo();
  const session = useSession();
  if (!info.data || !session.data) {
    // A failed poll later keeps the last answer; only a first answer that never came is fatal.
    const error = info.error ?? session.error;
    return error ? <UnavailableScreen message={error.message} /> : <Loading fullScreen />;
  }
  return (
    <FormatProvider timeZone={info.data.port?.timeZone}>
      <Suspense fallback={<Loading fullScreen />}>
        <Gate info={info.data} session={session.data}>
          {children}
        </Gate>
      </Suspense>
    </FormatProvider>
  );
}
