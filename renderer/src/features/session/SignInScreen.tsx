// Runs in: renderer. Sign-in; on success the gate shows the page that was asked for.
import { useTranslation } from 'react-i18next';
import type { AppInfoView } from '../../../../ipc/channels/app';
import { CenteredScreen } from '../../ui/CenteredScreen';
import { SignInForm } from './components/SignInForm';
import { useSignIn } from './mutations';

export function SignInScreen({ info }: { info: AppInfoView }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
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
