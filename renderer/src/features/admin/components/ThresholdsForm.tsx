// Runs in: renderer. The flag thresholds, every one the contract defines; saving recomputes
// every flag (props only).
import { useState } from 'react';
import { Alert, Button, Group, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlagThresholdKey, FlagThresholds as Thresholds } from '../../../../../ipc/channels/flags';

/**
 * Every threshold, in the order the form shows them, and how each steps: similarities by a
 * hundredth, counts and years by one. A Record, so a threshold added to the contract does not
 * compile until it is here too; main checks each value's range on save.
 */
const STEP: Record<FlagThresholdKey, number> = {
  sharedAddressMinHouseholds: 1,
  sharedPhoneMinHouseholds: 1,
  sharedEmailMinHouseholds: 1,
  sharedDeviceMinHouseholds: 1,
  faceDuplicateMinScore: 0.01,
  identityNameMinSimilarity: 0.01,
  lookoutMinSimilarity: 0.01,
  lookoutYearTolerance: 1,
};
export const THRESHOLD_KEYS = Object.keys(STEP) as FlagThresholdKey[];

export interface ThresholdsFormProps {
  initial: Thresholds;
  onSave: (thresholds: Thresholds) => void;
  saving: boolean;
  /** The last save went through (and every flag was recomputed). */
  saved: boolean;
}

export function ThresholdsForm({ initial, onSave, saving, saved }: ThresholdsFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Thresholds>(() => pick(initial));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(values);
      }}
    >
      <Group align="flex-end">
        {THRESHOLD_KEYS.map((k) => (
          <NumberInput
            key={k}
            label={t(`admin.thresholds.labels.${k}`)}
            value={values[k]}
            step={STEP[k]}
            decimalScale={STEP[k] < 1 ? 2 : 0}
            required
            w={230}
            onChange={(v) => setValues((cur) => ({ ...cur, [k]: Number(v) }))}
          />
        ))}
        <Button type="submit" loading={saving}>
          {t('admin.thresholds.save')}
        </Button>
      </Group>
      {saved && (
        <Alert mt="sm" color="green" role="status">
          {t('admin.thresholds.saved')}
        </Alert>
      )}
    </form>
  );
}

/** Only the thresholds: the config also carries values an admin does not set here. */
function pick(cfg: Thresholds): Thresholds {
  return Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, cfg[k]])) as Thresholds;
}
