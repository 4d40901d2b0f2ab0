// Runs in: renderer. Admin › Offline bundle (container): a signed bundle file picked or dropped,
// sent to main (how much has arrived, while it is sent), verified and imported; the result, or
// the reason it was refused, shows under the form.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/Section';
import { BundleImportForm } from '../components/BundleImportForm';
import { useImportBundle } from '../mutations';

export default function BundlePage() {
  const { t } = useTranslation();
  const importBundle = useImportBundle();
  // Bytes main has received while the file is sent; null once all are in (then it is checked).
  const [received, setReceived] = useState<number | null>(null);
  return (
    <Section title={t('admin.bundle.title')}>
      <BundleImportForm
        importing={importBundle.isPending}
        received={received}
        result={importBundle.isPending ? null : importBundle.data}
        error={importBundle.error?.message ?? null}
        onImport={(file) => {
          setReceived(0);
          importBundle.mutate(
            { file, onProgress: (n) => setReceived(n >= file.size ? null : n) },
            { onSettled: () => setReceived(null) },
          );
        }}
      />
    </Section>
  );
}
