// Runs in: renderer. The vetting window an admin sets (props only): which ports' manifests the
// console keeps beside its own today, how many service days back and ahead, and whether other
// ports' photos are fetched for face templates (each photo deleted once enrolled).
import { useState } from 'react';
import { Alert, Checkbox, Group, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VettingWindowView } from '../../../../../ipc/channels/settings';
import { bindChecked, useNumberFields } from '../../../ui/bind';
import { SaveForm } from '../../../ui/SaveForm';
import { WholeNumberInput } from '../../../ui/WholeNumberInput';

export interface VettingWindowFormProps {
  initial: VettingWindowView;
  /** Every port the console knows, in the order to show them. */
  ports: { code: string; name: string }[];
  /** This console's own port (its today is synced first, whatever the window says). */
  ownPort: string | null;
  demo: boolean;
  saving: boolean;
  onSave: (w: VettingWindowView) => void;
}

/** The service days, by the names they are saved under: the contract's limits, and each one's width. */
const DAYS = {
  daysBack: { min: 1, max: 90, w: 220 },
  daysAhead: { min: 0, max: 14, w: 160 },
};

export function VettingWindowForm({ initial, ports, ownPort, demo, saving, onSave }: VettingWindowFormProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(initial.ports);
  const days = useNumberFields(DAYS, initial);
  const [faces, setFaces] = useState(initial.faceTemplates);
  return (
    <SaveForm
      save={t('admin.window.save')}
      saving={saving}
      onSubmit={() => {
        // In the order the ports are listed, whatever order they were ticked in.
        const ordered = ports.map((p) => p.code).filter((c) => chosen.includes(c));
        onSave({ ports: ordered, ...days.values(), faceTemplates: faces });
      }}
    >
      <Text size="sm">{t('admin.window.intro')}</Text>
      {demo && <Alert color="blue">{t('admin.window.demo')}</Alert>}
      <Checkbox.Group label={t('admin.window.ports')} value={chosen} onChange={setChosen}>
        <Group mt={4} gap="md">
          {ports.map((p) => (
            <Checkbox
              key={p.code}
              value={p.code}
              label={t(p.code === ownPort ? 'admin.window.ownPort' : 'admin.window.port', p)}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <Group align="flex-start">
        <WholeNumberInput
          label={t('admin.window.daysBack')}
          description={t('admin.window.daysBackHelp')}
          {...days.field('daysBack')}
        />
        <WholeNumberInput label={t('admin.window.daysAhead')} {...days.field('daysAhead')} />
      </Group>
      <Switch
        label={t('admin.window.faceTemplates')}
        description={t('admin.window.faceTemplatesHelp')}
        {...bindChecked(faces, setFaces)}
      />
    </SaveForm>
  );
}
