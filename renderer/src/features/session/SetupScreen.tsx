// Runs in: renderer. First run: create the administrator (and, in demo mode, demo accounts).
import { useState } from 'react';
import type { AppInfoView } from '../../../../ipc/channels/app';
import { CenteredScreen } from '../../ui/CenteredScreen';
import { SetupDone, SetupForm } from './components/SetupForm';
import { useFinishSetup, useSetup } from './mutations';

export function SetupScreen({ info }: { info: AppInfoView }) {
  const setup = useSetup();
  const finish = useFinishSetup();
  const [created, setCreated] = useState<string[] | null>(null);
  if (created) {
    return (
      <CenteredScreen width={480}>
        <SetupDone accounts={created} onContinue={() => void finish()} />
      </CenteredScreen>
    );
  }
  return (
    <CenteredScreen width={480}>
      <SetupForm
        demoMode={info.mode === 'demo'}
        error={setup.error?.message ?? null}
        busy={setup.isPending}
        onSubmit={(values) =>
          setup.mutate(values, {
            // Show the demo accounts before moving on; without any, go straight to sign-in.
            onSuccess: (r) => (r.demoAccounts.length ? setCreated(r.demoAccounts) : void finish()),
          })
        }
      />
    </CenteredScreen>
  );
}
