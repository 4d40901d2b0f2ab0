// Runs in: tests (jsdom). The admin's forms: every flag threshold the contract allows, the
// engine card an engineer reads, the bundle import (a file picked or dropped, its progress, its
// result line).
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FLAG_THRESHOLD_KEYS, type FlagThresholds } from '../../../../ipc/channels/flags';
import type { EngineStatusView } from '../../../../ipc/channels/engine';
import { BundleImportForm } from '../../../../renderer/src/features/admin/components/BundleImportForm';
import { EngineStatusCard } from '../../../../renderer/src/features/admin/components/EngineStatusCard';
import { ThresholdsForm } from '../../../../renderer/src/features/admin/components/ThresholdsForm';
import { renderUi } from '../render';

const thresholds: FlagThresholds = {
  sharedAddressMinHouseholds: 3,
  sharedPhoneMinHouseholds: 3,
  sharedEmailMinHouseholds: 3,
  sharedDeviceMinHouseholds: 4,
  faceDuplicateMinScore: 0.62,
  identityNameMinSimilarity: 0.92,
  lookoutMinSimilarity: 0.9,
  lookoutYearTolerance: 1,
};

describe('ThresholdsForm', () => {
  it('has a labelled field for every threshold and saves them all', async () => {
    const onSave = vi.fn();
    renderUi(<ThresholdsForm initial={{ ...thresholds }} onSave={onSave} saving={false} saved={false} />);
    expect(screen.getAllByRole('textbox')).toHaveLength(FLAG_THRESHOLD_KEYS.length);
    const device = screen.getByLabelText(/^Shared device: unrelated households/);
    expect(device).toHaveValue('4');
    expect(screen.getByLabelText(/^Same face: minimum similarity/)).toHaveValue('0.62');
    await userEvent.clear(device);
    await userEvent.type(device, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Save and recompute' }));
    expect(onSave).toHaveBeenCalledWith({ ...thresholds, sharedDeviceMinHouseholds: 5 });
  });

  it('says the flags were recomputed after a save', () => {
    renderUi(<ThresholdsForm initial={thresholds} onSave={vi.fn()} saving={false} saved />);
    expect(screen.getByRole('status')).toHaveTextContent('Saved; every flag was recomputed.');
  });
});

const engine: EngineStatusView = {
  face: { modelVersion: 'fr-2026.1', workers: 2, loadMs: 812.4, denormalsFlushed: true, scaledJpeg: true },
  faceError: null,
  enrolment: { running: false, done: 400, total: 400, unusable: 3, lastRunAt: '2026-12-01T16:30:00Z' },
  flags: { freshKeys: 1520, mergeAt: 5000, merging: false, keysVersion: 3 },
  window: null,
};

describe('EngineStatusCard', () => {
  it('is the "Engine status" region: model, workers, fast arithmetic, enrolment, flags index', async () => {
    const onRefresh = vi.fn();
    renderUi(<EngineStatusCard status={engine} refreshing={false} onRefresh={onRefresh} />);
    const card = screen.getByRole('region', { name: 'Engine status' });
    expect(card).toHaveTextContent('Face model fr-2026.1 on 2 workers, loaded in 812 ms.');
    expect(screen.getByTestId('fast-arithmetic')).toHaveTextContent('fast arithmetic on');
    expect(card).toHaveTextContent('Enrolment: idle, last run Dec 1, 2026, 08:30 (3 unusable photos).');
    expect(card).toHaveTextContent(
      'Flags: 1,520 applicants in the fresh key index, merged after a sync once 5,000; matching keys v3.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalled();
  });

  it('warns when the face engine runs slow or is unavailable', () => {
    renderUi(
      <EngineStatusCard
        status={{ ...engine, face: { ...engine.face!, workers: 1, denormalsFlushed: false } }}
        refreshing={false}
        onRefresh={vi.fn()}
      />,
    );
    expect(screen.getByTestId('fast-arithmetic')).toHaveTextContent('fast arithmetic off');
    expect(screen.getByText(/on 1 worker,/)).toBeInTheDocument();
    expect(screen.getByText(/npm rebuild fpu-mode/)).toBeInTheDocument();
    expect(screen.getByTestId('fast-photo-decoding')).toHaveTextContent('fast photo decoding on');
    expect(screen.queryByText(/npm rebuild jpeg-scale/)).toBeNull();
  });

  it('warns when large photos decode slowly (the jpeg-scale addon not built)', () => {
    renderUi(
      <EngineStatusCard
        status={{ ...engine, face: { ...engine.face!, scaledJpeg: false } }}
        refreshing={false}
        onRefresh={vi.fn()}
      />,
    );
    expect(screen.getByTestId('fast-photo-decoding')).toHaveTextContent('fast photo decoding off');
    expect(screen.getByTestId('fast-arithmetic')).toHaveTextContent('fast arithmetic on');
    expect(screen.getByText(/apt install libturbojpeg0-dev/)).toBeInTheDocument();
  });
});

describe('BundleImportForm', () => {
  it('imports the file picked (never a path), shows how much was sent, and reports what was applied', async () => {
    const onImport = vi.fn();
    const { rerender, unmount } = renderUi(<BundleImportForm onImport={onImport} importing={false} />);
    expect(screen.queryByRole('button', { name: 'Verify and import' })).toBeNull();
    const file = new File([new Uint8Array(5 * 1024)], 'SYS-2026-11-22.acb');
    await userEvent.upload(screen.getByLabelText('Bundle file'), file);
    expect(screen.getByTestId('bundle-file')).toHaveTextContent('SYS-2026-11-22.acb (5 KB)');
    await userEvent.click(screen.getByRole('button', { name: 'Verify and import' }));
    expect(onImport).toHaveBeenCalledWith(file);
    rerender(<BundleImportForm onImport={onImport} importing received={2048} />);
    expect(screen.getByRole('progressbar', { name: 'Sending the bundle file' })).toHaveAttribute(
      'aria-valuenow',
      '40',
    );
    expect(screen.getByText('2 of 5 KB sent…')).toBeInTheDocument();
    rerender(<BundleImportForm onImport={onImport} importing received={null} />);
    expect(screen.getByRole('status')).toHaveTextContent('Checking the signatures and photos');
    unmount();
    renderUi(
      <BundleImportForm
        onImport={onImport}
        importing={false}
        result={{
          port: 'SYS',
          serviceDate: '2026-11-22',
          batchesApplied: 4,
          recordsApplied: 1250,
          photosStored: 400,
          lookoutVersion: 7,
        }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Imported SYS Nov 22, 2026: 4 batches (1,250 records), 400 photos, lookout list v7.',
    );
  });

  it('takes a dropped file too', async () => {
    const onImport = vi.fn();
    renderUi(<BundleImportForm onImport={onImport} importing={false} />);
    const file = new File(['x'], 'dropped.acb');
    fireEvent.drop(screen.getByTestId('bundle-drop'), { dataTransfer: { files: [file] } });
    await userEvent.click(await screen.findByRole('button', { name: 'Verify and import' }));
    expect(onImport).toHaveBeenCalledWith(file);
  });
});
