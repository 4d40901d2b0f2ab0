// Runs in: renderer. The root of every route: first-run setup, sign-in or the idle lock take
// the whole window until there is an unlocked session; then the page at the URL (whatever was
// asked for, e.g. a reloaded #/booth/<id>) renders. Main checks every call regardless.
import { Suspense, lazy } from 'react';
import { Outlet } from 'react-router';
import type { AppInfoView } from '../../../../ipc/channels/app';
import type { SessionView } from '../../../../ipc/channels/auth';
import { FormatProvider } from '../../format';
import { Loading } from '../../ui/Loading';
import { useAppInfo, useSession } from './queries';
import { LockScreen } from './LockScreen';
import { SignInScreen } from './SignInScreen';
import { UnavailableScreen } from './UnavailableScreen';

// Sign-in is the usual first screen and the lock must never wait on (or fail to fetch) a
// chunk: both come with the entry. First-run setup, once per install, loads when needed.
const SetupScreen = lazy(() => import('./SetupScreen'));

function Gate({ info, session }: { info: AppInfoView; session: SessionView }) {
  if (info.needsSetup) return <SetupScreen info={info} />;
  if (!session.user) return <SignInScreen info={info} />;
  if (session.locked) return <LockScreen session={session} />;
  return <Outlet />;
}

export function SessionGate() {
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
        <Gate info={info.data} session={session.data} />
      </Suspense>
    </FormatProvider>
  );
}
