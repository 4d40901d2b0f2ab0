// Runs in: renderer. Admin › Lookout list (container): the list in force, and an import from a
// file: read here as text, checked in main row by row, applied whole only once nothing is wrong;
// the lookout matching then runs again and the page shows the new version and its matches.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuerySection } from '../../../ui/QuerySection';
import { Section } from '../../../ui/Section';
import { LookoutImportForm } from '../components/LookoutImportForm';
import { LookoutStatusCard } from '../components/LookoutStatusCard';
import { useImportLookout, usePreviewLookout } from '../mutations';
import { confirmDone } from '../notify';
import { useLookoutStatus } from '../queries';

export default function LookoutPage() {
  const { t } = useTranslation();
  const status = useLookoutStatus();
  const preview = usePreviewLookout();
  const apply = useImportLookout();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  const pick = (f: File) => {
    apply.reset();
    setReadError(null);
    f.text().then(
      (content) => {
        const picked = { fileName: f.name, content };
        setFile(picked);
        preview.mutate(picked);
      },
      () => setReadError(t('admin.lookout.unreadable', { file: f.name })),
    );
  };

  return (
    <>
      <QuerySection title={t('admin.lookout.title')} query={status}>
        {(s) => <LookoutStatusCard status={s} />}
      </QuerySection>
      <Section title={t('admin.lookout.importTitle')}>
        <LookoutImportForm
          onFile={pick}
          preview={preview.isPending ? null : (preview.data ?? null)}
          checking={preview.isPending}
          applying={apply.isPending}
          error={readError ?? preview.error?.message ?? apply.error?.message ?? null}
          onApply={() =>
            file &&
            apply.mutate(file, {
              onSuccess: (s) => {
                preview.reset();
                setFile(null);
                confirmDone(t('admin.lookout.applied', { version: s.version, count: s.matches.applicants }));
              },
            })
          }
        />
      </Section>
    </>
  );
}
