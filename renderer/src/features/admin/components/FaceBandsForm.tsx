// Runs in: renderer. The face-match thresholds for the model in use: MATCH and INCONCLUSIVE as in
// force, with the calibration's numbers beside them (what they were measured on, the error
// rates there), so a change is made knowing what it trades; and the way back to the
// calibration's (props only).
import { Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BandThresholds, ModelAccuracyView } from '../../../../../ipc/channels/face';
import { useFormat } from '../../../format';
import { useNumberFields } from '../../../ui/bind';
import { SaveForm } from '../../../ui/SaveForm';

export interface FaceBandsFormProps {
  modelVersion: string;
  calibration: ModelAccuracyView['calibration'];
  /** An admin's thresholds for this model; null while the calibration's hold. */
  custom: BandThresholds | null;
  onSave: (bands: BandThresholds) => void;
  onRestore: () => void;
  saving: boolean;
}

// Four places: the calibration writes thresholds such as 0.4696, which must not be rounded on a save.
const BAND_INPUT = { min: 0.05, max: 0.95, step: 0.01, decimalScale: 4, required: true, w: 200 } as const;
/** Both thresholds, by the names they are saved under, take the same input. */
const BANDS = { match: BAND_INPUT, inconclusive: BAND_INPUT };

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
  // The thresholds in force: the admin's, else the calibration's.
  const bands = useNumberFields(BANDS, custom ?? c);
  const rate = (v: number | null) => (v === null ? '—' : format.percent(v, 2));
  return (
    <SaveForm
      save={t('admin.faceBands.save')}
      saving={saving}
      onSubmit={() => onSave(bands.values())}
      actions={
        custom && (
          <Button variant="default" onClick={onRestore} disabled={saving}>
            {t('admin.faceBands.restore')}
          </Button>
        )
      }
    >
      <Text size="sm">
        {custom
          ? t('admin.faceBands.inForceCustom', { model: modelVersion })
          : t('admin.faceBands.inForceCalibration', { model: modelVersion })}
      </Text>
      <Group align="flex-start" wrap="wrap">
        <Group align="flex-end">
          <NumberInput label={t('admin.faceBands.match')} {...bands.field('match')} />
          <NumberInput label={t('admin.faceBands.inconclusive')} {...bands.field('inconclusive')} />
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
            <CalibrationRow
              band={t('admin.faceBands.match')}
              threshold={c.match}
              rate={t('admin.faceBands.eer')}
              value={rate(c.eer)}
            />
            <CalibrationRow
              band={t('admin.faceBands.inconclusive')}
              threshold={c.inconclusive}
              rate={t('admin.faceBands.fnmr')}
              value={rate(c.fnmrAtFmr01)}
            />
          </Table.Tbody>
        </Table>
      </Group>
    </SaveForm>
  );
}

/** A band's calibrated threshold, and beside it one of the error rates measured there. */
function CalibrationRow(r: { band: string; threshold: number; rate: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{r.band}</Table.Th>
      <Table.Td>{r.threshold}</Table.Td>
      <Table.Th scope="row">{r.rate}</Table.Th>
      <Table.Td>{r.value}</Table.Td>
    </Table.Tr>
  );
}
