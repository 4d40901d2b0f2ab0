// Runs in: renderer. Admin › Flag thresholds (container): a change is audited and recomputes
// every flag; the line under the form says it did.
import { useTranslation } from 'react-i18next';
import { QuerySection } from '../../../ui/QuerySection';
import { ThresholdsForm } from '../components/ThresholdsForm';
import { useUpdateFlagConfig } from '../mutations';
import { useFlagConfig } from '../queries';

export default function FlagThresholdsPage() {
  const { t } = useTranslation();
  const config = useFlagConfig();
  const update = useUpdateFlagConfig();
  return (
    <QuerySection title={t('admin.thresholds.title')} query={config}>
      {(data) => (
        <ThresholdsForm
          key={JSON.stringify(data)}
          initial={data}
          saving={update.isPending}
          saved={update.isSuccess}
          onSave={(values) => update.mutate(values)}
        />
      )}
    </QuerySection>
  );
}
