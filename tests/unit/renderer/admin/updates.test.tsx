// Runs in: tests (jsdom). Admin › Updates' pieces: the release offered with its rollout and this
// booth's place in it, the download's progress, "install now" and main's refusal shown in place,
// and the fleet table's lagging and silent booths with the rollout's progress.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { FleetView, UpdateStatusView } from '../../../../ipc/channels/update';
import { FleetTable } from '../../../../renderer/src/features/admin/components/FleetTable';
import { UpdateStatusCard } from '../../../../renderer/src/features/admin/components/UpdateStatusCard';
import { renderUi } from '../render';

const base: UpdateStatusView = {
  currentVersion: '0.1.0',
  channel: 'stable',
  feedUrl: 'https://updates.example.gov/',
  quietHour: 3,
  stagePosition: 26.51,
  phase: 'downloaded',
  available: { version: '0.2.0', releaseDate: null, stagingPercentage: 50, inStage: true, size: 1000 },
  progress: { transferred: 1000, total: 1000, percent: 100 },
  downloadedVersion: '0.2.0',
  error: null,
  lastCheckAt: null,
  busy: { openCases: 0, verifications: 0 },
};

function card(
  status: Partial<UpdateStatusView>,
  more: { installError?: string; onInstall?: () => void } = {},
) {
  return renderUi(
    <MemoryRouter>
      <UpdateStatusCard
        status={{ ...base, ...status }}
        checking={false}
        onCheck={vi.fn()}
        installing={false}
        onInstall={more.onInstall ?? vi.fn()}
        installError={more.installError ?? null}
      />
    </MemoryRouter>,
  );
}

describe('UpdateStatusCard', () => {
  it('shows the release, its rollout as a named progress bar, this booth in it, and installs on request', async () => {
    const onInstall = vi.fn();
    card({}, { onInstall });
    expect(screen.getByText('Version 0.2.0 is available.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Rollout: offered to 50 % of booths.' })).toHaveAttribute(
      'aria-valuenow',
      '50',
    );
    expect(screen.getByTestId('update-stage')).toHaveTextContent('in the rollout (its place: 26.5 of 100)');
    expect(screen.getByTestId('update-phase')).toHaveTextContent('at the next sign-out or at 03:00');
    await userEvent.click(screen.getByRole('button', { name: 'Install now' }));
    expect(onInstall).toHaveBeenCalledOnce();
  });

  it("shows what holds the install back and main's refusal in words", () => {
    card(
      { busy: { openCases: 1, verifications: 0 } },
      { installError: 'Not now: a case is open on this console.' },
    );
    expect(screen.getByText(/1 open case\(s\) and 0 face check\(s\) running/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Not now: a case is open on this console.');
  });

  it('a booth outside the stage is told when it joins; a download shows its progress', () => {
    const { unmount } = card({
      phase: 'not-in-stage',
      downloadedVersion: null,
      available: { ...base.available!, stagingPercentage: 10, inStage: false },
    });
    expect(screen.getByTestId('update-stage')).toHaveTextContent('joins when the rollout passes 26.5 %');
    expect(screen.queryByRole('button', { name: 'Install now' })).toBeNull();
    unmount();
    card({
      phase: 'downloading',
      downloadedVersion: null,
      progress: { transferred: 2 * 1048576, total: 8 * 1048576, percent: 25 },
    });
    expect(screen.getByRole('progressbar', { name: /2\.0 of 8\.0 MB \(25 %\)/ })).toHaveAttribute(
      'aria-valuenow',
      '25',
    );
  });

  it('without an update server it says where to set one', () => {
    card({ phase: 'unconfigured', feedUrl: null, available: null, downloadedVersion: null });
    expect(screen.getByText(/No update server is set/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Site settings' })).toHaveAttribute('href', '/admin/settings');
  });
});

describe('FleetTable', () => {
  const now = new Date().toISOString();
  const fleet: FleetView = {
    port: 'SYS',
    error: null,
    rollout: { version: '0.2.0', channel: 'stable', stagingPercentage: 50, onVersion: 1, booths: 3 },
    booths: [
      {
        boothId: 'a',
        booth: 'Booth 1',
        appVersion: '0.1.0',
        modelVersion: 'm1',
        channel: 'stable',
        lastSyncAt: now,
        pendingUploads: 0,
        lastSeenAt: now,
        updatePhase: 'downloaded',
        behind: true,
        silent: false,
        self: true,
      },
      {
        boothId: 'b',
        booth: 'Booth 2',
        appVersion: '0.2.0',
        modelVersion: 'm1',
        channel: 'stable',
        lastSyncAt: null,
        pendingUploads: 4,
        lastSeenAt: now,
        updatePhase: 'up-to-date',
        behind: false,
        silent: true,
        self: false,
      },
    ],
  };

  it('lists each booth with what lags and what went silent, under the rollout progress', () => {
    renderUi(<FleetTable fleet={fleet} />);
    expect(screen.getByTestId('fleet-rollout')).toHaveTextContent(
      'Version 0.2.0 is on 1 of 3 stable booths (33 %). Its rollout is at 50 %.',
    );
    const rows = within(screen.getByRole('table', { name: 'Booths at this port' })).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(/Booth 1this console0\.1\.0behind.*downloaded, waiting/);
    expect(rows[2]).toHaveTextContent(/Booth 20\.2\.0stable.*never4.*silent.*up to date/);
  });

  it('says why the fleet could not be read', () => {
    renderUi(
      <FleetTable fleet={{ ...fleet, rollout: null, booths: [], error: 'The feed could not be reached.' }} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The list of booths could not be read: The feed could not be reached.',
    );
  });
});
