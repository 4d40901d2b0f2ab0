// Runs in: renderer. Admin › Flag thresholds (container): a change is audited and recomputes
// every flag; the line under the form says it did.
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../../ui/InlineError';
import { Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { ThresholdsForm } from '../components/ThresholdsForm';
import { useUpdateFlagConfig } from '../mutations';
import { useFlagConfig } from '../queries';

export default function FlagThresholdsPage() {
  const { t } = useTranslation();
  const config = useFlagConfig();
  const update = useUpdateFlagConfig();
  return (
    <Section title={t('admin.thresholds.title')}>
      {config.error && <InlineError message={config.error.message} />}
      {config.isPending && <Loading />}
      {config.data && (
        <ThresholdsForm
          key={JSON.stringify(config.data)}
          initial={config.data}
          saving={update.isPending}
          saved={update.isSuccess}
          onSave={(values) => update.mutate(values)}
        />
      )}
    </Section>
  );
}
