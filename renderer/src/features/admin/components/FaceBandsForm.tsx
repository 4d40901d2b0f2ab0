// Runs in: renderer. The face-match thresholds for the model in use: MATCH and INCONCLUSIVE as in
// force, with the calibration's numbers beside them (what they were measured on, the error
// rates there), so a change is made knowing what it trades; and the way back to the
// calibration's (props only).
import { useState } from 'react';
import { Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModelAccuracyView } from '../../../../../ipc/channels/face';
import { useFormat } from '../../../format';

export interface FaceBands {
  match: number;
  inconclusive: number;
}

export interface FaceBandsFormProps {
  modelVersion: string;
  calibration: ModelAccuracyView['calibration'];
  /** An admin's thresholds for this model; null while the calibration's hold. */
  custom: FaceBands | null;
  onSave: (bands: FaceBands) => void;
  onRestore: () => void;
  saving: boolean;
}

// Four places: the calibration writes thresholds such as 0.4696, which must not be rounded on a save.
const BAND_INPUT = { min: 0.05, max: 0.95, step: 0.01, decimalScale: 4, required: true, w: 200 } as const;

export function FaceBandsForm({
  modelVersion,
  calibration: c,
  custom,
  onSave,
  onRestore,
  saving,
}: FaceBandsFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const inForce = custom ?? { match: c.match, inconclusive: c.inconclusive };
  const [match, setMatch] = useState<number | string>(inForce.match);
  const [inconclusive, setInconclusive] = useState<number | string>(inForce.inconclusive);
  const rate = (v: number | null) => (v === null ? '—' : format.percent(v, 2));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ match: Number(match), inconclusive: Number(inconclusive) });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {custom
            ? t('admin.faceBands.inForceCustom', { model: modelVersion })
            : t('admin.faceBands.inForceCalibration', { model: modelVersion })}
        </Text>
        <Group align="flex-start" wrap="wrap">
          <Group align="flex-end">
            <NumberInput
              label={t('admin.faceBands.match')}
              {...BAND_INPUT}
              value={match}
              onChange={setMatch}
            />
            <NumberInput
              label={t('admin.faceBands.inconclusive')}
              {...BAND_INPUT}
              value={inconclusive}
              onChange={setInconclusive}
            />
          </Group>
          <Table aria-label={t('admin.faceBands.calibrationTable')} withTableBorder w="auto" fz="sm">
            <Table.Caption>
              {c.calibrated
                ? t('admin.faceBands.calibratedOn', {
                    pairs: format.number(c.pairs ?? 0),
                    at: format.date(c.computedAt.slice(0, 10)),
                  })
                : t('admin.faceBands.uncalibrated')}
            </Table.Caption>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('admin.faceBands.match')}</Table.Th>
                <Table.Td>{c.match}</Table.Td>
                <Table.Th scope="row">{t('admin.faceBands.eer')}</Table.Th>
                <Table.Td>{rate(c.eer)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('admin.faceBands.inconclusive')}</Table.Th>
                <Table.Td>{c.inconclusive}</Table.Td>
                <Table.Th scope="row">{t('admin.faceBands.fnmr')}</Table.Th>
                <Table.Td>{rate(c.fnmrAtFmr01)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Group>
        <Group>
          <Button type="submit" loading={saving}>
            {t('admin.faceBands.save')}
          </Button>
          {custom && (
            <Button variant="default" onClick={onRestore} disabled={saving}>
              {t('admin.faceBands.restore')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
