// Runs in: tests (jsdom). The face-accuracy panel as a supervisor reads it: shares as
// percentages, small groups not rated, the calibration in words.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { FieldCounts, type ModelAccuracyView } from '../../../../ipc/channels/face';
import { FaceAccuracy } from '../../../../renderer/src/features/dashboard/components/FaceAccuracy';
import { renderUi } from '../render';

// Every counter of the channel's schema at zero, then the ones a case sets.
const zero = Object.fromEntries(Object.keys(FieldCounts.shape).map((k) => [k, 0])) as FieldCounts;
const counts = (c: Partial<FieldCounts>): FieldCounts => ({ ...zero, ...c });

const model: ModelAccuracyView = {
  modelVersion: 'fr-2026.1',
  current: true,
  calibration: {
    calibrated: true,
    match: 0.42,
    inconclusive: 0.3,
    source: 'models/fr-2026.1.calibration.json',
    computedAt: '2026-11-20T09:00:00Z',
    pairs: 1386,
    auc: 0.998,
    eer: 0.012,
    fnmrAtFmr01: 0.034,
    perGroup: [{ group: 'glasses', genuine: 100, impostor: 300, fnmr: 0.05, fmr: 0.001 }],
  },
  field: counts({
    verifications: 8,
    match: 6,
    inconclusive: 1,
    noMatch: 1,
    noResult: 2,
    confirmedAfterNonMatch: 1,
  }),
  groups: [
    {
      ...counts({ verifications: 25, match: 20, inconclusive: 5 }),
      dimension: 'age',
      group: '30-44',
      enough: true,
    },
    { ...counts({ verifications: 3, match: 3 }), dimension: 'sex', group: 'F', enough: false },
  ],
};

describe('FaceAccuracy', () => {
  it('shows each group as percentages of its verifications, and says "too few to say" for a small one', () => {
    renderUi(<FaceAccuracy models={[model]} />);
    const table = screen.getByRole('table', { name: 'Booth verifications, fr-2026.1' });
    const all = within(table).getByRole('row', { name: /^All/ });
    expect(
      within(all)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['All', '8', '75 %', '12.5 %', '12.5 %', '2', '1', '0']);
    const age = within(table).getByRole('row', { name: /^Age: 30-44/ });
    expect(age).toHaveTextContent('80 %');
    expect(age).toHaveTextContent('20 %');
    const small = within(table).getByRole('row', { name: /^Sex: F/ });
    expect(small).toHaveTextContent('too few to say');
    expect(small).not.toHaveTextContent('%');
  });

  it('names the model in use and its calibration', () => {
    renderUi(<FaceAccuracy models={[model]} />);
    const panel = screen.getByRole('region', { name: 'Face matching by model version' });
    const m = within(panel).getByTestId('face-model-fr-2026.1');
    expect(within(m).getByRole('heading', { name: 'fr-2026.1' })).toBeInTheDocument();
    expect(m).toHaveTextContent('in use');
    expect(m).toHaveTextContent('MATCH at ≥ 0.42, INCONCLUSIVE at ≥ 0.3.');
    expect(m).toHaveTextContent('Calibrated Nov 20, 2026 on 1386 labelled pairs: AUC 0.998, EER 0.012');
    expect(m).toHaveTextContent('missed matches at 0.1 % false matches 3.4 %.');
    expect(m).toHaveTextContent('By pair condition: glasses 5 % missed, 0.1 % false.');
  });

  it('says when a version has no calibration, and a dash where nothing was verified', () => {
    const bare: ModelAccuracyView = {
      ...model,
      modelVersion: 'fr-old',
      current: false,
      calibration: { ...model.calibration, calibrated: false, perGroup: [] },
      field: counts({}),
      groups: [],
    };
    renderUi(<FaceAccuracy models={[bare]} />);
    const m = screen.getByTestId('face-model-fr-old');
    expect(m).toHaveTextContent('No calibration file for this version: default thresholds.');
    expect(m).not.toHaveTextContent('in use');
    expect(within(m).getByRole('row', { name: /^All/ })).toHaveTextContent('All0———000');
  });
});
