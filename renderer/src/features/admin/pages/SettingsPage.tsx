// Runs in: renderer. Admin › Site settings (container): idle lock and retention; a save says so.
import { useTranslation } from 'react-i18next';
import { QueryContent } from '../../../ui/QueryContent';
import { Section } from '../../../ui/Section';
import { SettingsForm } from '../components/SettingsForm';
import { useUpdateSettings } from '../mutations';
import { confirmDone } from '../notify';
import { useSettings } from '../queries';

export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  return (
    <Section title={t('admin.settings.title')}>
      <QueryContent query={settings}>
        {(data) => (
          <SettingsForm
            // A fresh answer from main (after a save elsewhere) resets the fields to it.
            key={JSON.stringify(data)}
            initial={data}
            saving={update.isPending}
            onSave={(s) =>
              update.mutate(s, {
                onSuccess: () => confirmDone(t('admin.settings.saved')),
              })
            }
          />
        )}
      </QueryContent>
    </Section>
  );
}
