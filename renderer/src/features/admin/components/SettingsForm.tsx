// Runs in: renderer. The site settings an admin sets that hold at once: the booth's name on each
// decision, how soon an idle booth locks, how long personal data is kept, and how software
// updates arrive (channel, quiet hour, server) (props only).
import { useState } from 'react';
import { Group, Select, Switch, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bindChecked, bindText, useNumberFields } from '../../../ui/bind';
import { SaveForm } from '../../../ui/SaveForm';
import { WholeNumberInput } from '../../../ui/WholeNumberInput';
import type { SettingsPatch, SettingsView, UpdateChannel } from '../../../../../ipc/channels/settings';

export interface SettingsFormProps {
  initial: SettingsView;
  /** The booth name used when none is set here (config.json's or the default). */
  defaultBoothName?: string;
  onSave: (settings: SettingsPatch) => void;
  saving: boolean;
}

const HOURS = Array.from({ length: 24 }, (_, h) => `${h}`);
const NO_HOUR = 'none';

/** The whole numbers, by the names they are saved under: the contract's limits, and each one's width. */
const NUMBERS = {
  idleLockMinutes: { min: 1, max: 240, w: 180 },
  retentionDays: { min: 1, max: 3650, w: 280 },
};

export function SettingsForm({ initial, defaultBoothName, onSave, saving }: SettingsFormProps) {
  const { t } = useTranslation();
  const numbers = useNumberFields(NUMBERS, initial);
  const [booth, setBooth] = useState(initial.boothName ?? '');
  const [channel, setChannel] = useState<UpdateChannel>(initial.updateChannel);
  const [hour, setHour] = useState(initial.updateQuietHour === null ? NO_HOUR : `${initial.updateQuietHour}`);
  const [server, setServer] = useState(initial.updateFeedUrl ?? '');
  const [blindFirst, setBlindFirst] = useState(initial.blindFirst);
  return (
    <SaveForm
      save={t('admin.settings.save')}
      saving={saving}
      onSubmit={() =>
        onSave({
          ...numbers.values(),
          boothName: booth.trim() || null,
          updateChannel: channel,
          updateQuietHour: hour === NO_HOUR ? null : Number(hour),
          updateFeedUrl: server.trim() || null,
          blindFirst,
        })
      }
    >
      <Group align="flex-start">
        <TextInput
          label={t('admin.settings.booth')}
          description={t('admin.settings.atOnce')}
          placeholder={defaultBoothName}
          {...bindText(booth, setBooth)}
          maxLength={64}
          w={220}
        />
        <WholeNumberInput
          label={t('admin.settings.idle')}
          description={t('admin.settings.atOnce')}
          {...numbers.field('idleLockMinutes')}
        />
        <WholeNumberInput
          label={t('admin.settings.retention')}
          description={t('admin.settings.atNextPurge')}
          {...numbers.field('retentionDays')}
        />
      </Group>
      <Switch
        label={t('admin.settings.blindFirst')}
        description={t('admin.settings.blindFirstHelp')}
        {...bindChecked(blindFirst, setBlindFirst)}
      />
      <Title order={3} size="h5">
        {t('admin.settings.updates')}
      </Title>
      <Group align="flex-start">
        <Select
          label={t('admin.settings.channel')}
          data={[
            { value: 'stable', label: t('admin.settings.stable') },
            { value: 'beta', label: t('admin.settings.beta') },
          ]}
          value={channel}
          allowDeselect={false}
          onChange={(v) => v && setChannel(v as UpdateChannel)}
          w={180}
        />
        <Select
          label={t('admin.settings.quietHour')}
          description={t('admin.settings.quietHourHelp')}
          data={[
            { value: NO_HOUR, label: t('admin.settings.noQuietHour') },
            ...HOURS.map((h) => ({ value: h, label: `${h.padStart(2, '0')}:00` })),
          ]}
          value={hour}
          allowDeselect={false}
          onChange={(v) => v && setHour(v)}
          w={300}
        />
        <TextInput
          label={t('admin.settings.updateServer')}
          placeholder="https://updates.example.gov/arrivals/"
          {...bindText(server, setServer)}
          style={{ flex: 1 }}
          miw={280}
        />
      </Group>
    </SaveForm>
  );
}
