// Runs in: renderer. The site settings an admin sets: how soon an idle booth locks, and how long
// personal data is kept (props only).
import { useState } from 'react';
import { Button, Group, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../../ipc/channels/settings';

export interface SettingsFormProps {
  initial: SettingsView;
  onSave: (settings: SettingsView) => void;
  saving: boolean;
}

/** Both settings are a required whole number, at least 1. */
const WHOLE = { min: 1, allowDecimal: false, required: true } as const;

export function SettingsForm({ initial, onSave, saving }: SettingsFormProps) {
  const { t } = useTranslation();
  const [idle, setIdle] = useState<number | string>(initial.idleLockMinutes);
  const [retention, setRetention] = useState<number | string>(initial.retentionDays);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ idleLockMinutes: Number(idle), retentionDays: Number(retention) });
      }}
    >
      <Group align="flex-end">
        <NumberInput
          label={t('admin.settings.idle')}
          {...WHOLE}
          max={240}
          value={idle}
          onChange={setIdle}
          w={180}
        />
        <NumberInput
          label={t('admin.settings.retention')}
          {...WHOLE}
          max={3650}
          value={retention}
          onChange={setRetention}
          w={260}
        />
        <Button type="submit" loading={saving}>
          {t('admin.settings.save')}
        </Button>
      </Group>
    </form>
  );
}
