// Runs in: renderer. Sign-in; on success the gate shows the page that was asked for. While the form
// waits, the booth readies itself (booth/warm-up.ts): most sign-ins at a port are an officer's, and
// an officer's queue is asked for before the booth is shown.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppInfoView } from '../../../../ipc/channels/app';
import { useFormat } from '../../format';
import { CenteredScreen } from '../../ui/CenteredScreen';
import { askForQueue, warmUpBooth } from '../booth/warm-up';
import { SignInForm } from './components/SignInForm';
import { useSignIn } from './mutations';

export function SignInScreen({ info }: { info: AppInfoView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const signIn = useSignIn((session) => askForQueue(client, session));
  const format = useFormat();
  useEffect(() => warmUpBooth(format), [format]);
  const port = info.port
    ? t('session.signIn.port', { name: info.port.name, code: info.port.code })
    : t('session.signIn.noPort');
  return (
    <CenteredScreen>
      <SignInForm
        subtitle={info.mode === 'demo' ? t('session.signIn.withDemo', { port }) : port}
        error={signIn.error?.message ?? null}
        busy={signIn.isPending}
        onSubmit={(c) => signIn.mutateAsync(c)}
      />
    </CenteredScreen>
  );
}
