// Runs in: renderer. A dashboard source that could not be read, said in place (props only).
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../../ui/InlineError';

export function LoadFailed({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  return error ? <InlineError message={t('dashboard.loadFailed', { message: error.message })} /> : null;
}
