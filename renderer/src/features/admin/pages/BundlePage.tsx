// Runs in: renderer. Admin › Offline bundle (container): verify and import a signed bundle; the
// result, or the reason it was refused, shows under the form.
import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/Section';
import { BundleImportForm } from '../components/BundleImportForm';
import { useImportBundle } from '../mutations';

export default function BundlePage() {
  const { t } = useTranslation();
  const importBundle = useImportBundle();
  return (
    <Section title={t('admin.bundle.title')}>
      <BundleImportForm
        importing={importBundle.isPending}
        result={importBundle.isPending ? null : importBundle.data}
        error={importBundle.error?.message ?? null}
        onImport={(path) => importBundle.mutate({ path })}
      />
    </Section>
  );
}
