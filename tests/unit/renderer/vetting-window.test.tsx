// Runs in: tests (jsdom). The vetting window as people see it: the status line (port-days
// current, behind, and how old the data is when offline), the admin's form and engine card, the
// span of ports and days on a flag with a lookout mark on another port's line, and the per-port
// breakdown of the supervisor's trends.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EngineStatusView } from '../../../ipc/channels/engine';
import type { FlagView, TrendView } from '../../../ipc/channels/flags';
import type { WindowStatusView } from '../../../ipc/channels/sync';
import { EngineStatusCard } from '../../../renderer/src/features/admin/components/EngineStatusCard';
import { VettingWindowForm } from '../../../renderer/src/features/admin/components/VettingWindowForm';
import { FlagCard } from '../../../renderer/src/features/booth/components/FlagCard';
import { TrendsTable } from '../../../renderer/src/features/dashboard/components/TrendsTable';
import { WindowSummary } from '../../../renderer/src/ui/WindowSummary';
import { renderUi } from './render';
import { reviewFlag } from './dashboard/review-flag';

const PORTS = ['SYS', 'CXL', 'NOG', 'ELP', 'EGP', 'LRD', 'HID', 'BRO'];
const window: WindowStatusView = {
  ports: PORTS,
  from: '2026-11-02',
  to: '2026-12-08',
  portDays: 296,
  current: 284,
  behind: 12,
  stale: 0,
  notPublished: 0,
  failing: 1,
  asOf: '2026-12-01T17:05:00Z',
  filling: null,
  offline: false,
  changedAt: null,
  faceTemplates: false,
  lastCycle: {
    finishedAt: '2026-12-01T17:05:00Z',
    ms: 1240,
    requests: 296,
    checked: 295,
    updated: 2,
    complete: true,
  },
  perPort: PORTS.map((port) => ({ port, current: port === 'ELP' ? 25 : 37, total: 37 })),
  lagging: [
    {
      port: 'ELP',
      serviceDate: '2026-11-21',
      state: 'failing',
      lastError: 'The manifest header for El Paso on 2026-11-21 failed its signature check.',
      nextAttemptAt: '2026-12-01T17:35:00Z',
    },
  ],
};

describe('WindowSummary', () => {
  it('says how many port-days are current and behind', () => {
    renderUi(<WindowSummary window={{ ...window, failing: 0 }} />);
    expect(screen.getByTestId('window-state')).toHaveTextContent(
      'Window: 284 of 296 port-days current; 12 behind',
    );
  });

  it('offline, says how old what vetting reads is', () => {
    renderUi(<WindowSummary window={{ ...window, behind: 0, current: 290, stale: 6, offline: true }} />);
    expect(screen.getByTestId('window-state')).toHaveTextContent(
      /Window: 290 of 296 port-days current; 6 not confirmed for over 2 h; offline: vetting with what it holds, as of Dec 1, 2026, 09:05/,
    );
  });
  it('in the status bar (brief), leaves out the port-day being filled and gives the time alone', () => {
    const filling = { ...window, filling: { port: 'ELP', serviceDate: '2026-11-21' }, offline: true };
    const { unmount } = renderUi(<WindowSummary window={filling} />);
    expect(screen.getByTestId('window-state')).toHaveTextContent('filling ELP Nov 21, 2026');
    unmount();
    renderUi(<WindowSummary window={filling} brief />);
    expect(screen.getByTestId('window-state')).not.toHaveTextContent('filling');
    expect(screen.getByTestId('window-state')).toHaveTextContent(/as of 09:05 \(/);
  });
});

describe('VettingWindowForm', () => {
  it('saves the ports in their order, the days back and ahead, and the face-template option', async () => {
    const onSave = vi.fn();
    renderUi(
      <VettingWindowForm
        initial={{ ports: ['SYS', 'ELP'], daysBack: 30, daysAhead: 7, faceTemplates: false }}
        ports={PORTS.map((code) => ({ code, name: code === 'SYS' ? 'San Ysidro' : code }))}
        ownPort="SYS"
        demo={false}
        saving={false}
        onSave={onSave}
      />,
    );
    expect(screen.getByLabelText("San Ysidro (SYS, this console's port)")).toBeChecked();
    await userEvent.click(screen.getByLabelText('BRO (BRO)'));
    await userEvent.click(screen.getByLabelText('CXL (CXL)'));
    const back = screen.getByLabelText(/Days back/);
    await userEvent.clear(back);
    await userEvent.type(back, '20');
    await userEvent.click(screen.getByRole('switch', { name: /Cross-port face checks/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save window' }));
    expect(onSave).toHaveBeenCalledWith({
      ports: ['SYS', 'CXL', 'ELP', 'BRO'],
      daysBack: 20,
      daysAhead: 7,
      faceTemplates: true,
    });
  });
});

describe('EngineStatusCard with the vetting window', () => {
  it("shows the window's reach, state, last cycle, each port, and what is not current with why", () => {
    const status: EngineStatusView = {
      face: null,
      faceError: null,
      enrolment: { running: false, done: 0, total: 0, unusable: 0, lastRunAt: null },
      flags: { freshKeys: 0, mergeAt: 10_000, merging: false, keysVersion: 3 },
      window,
    };
    renderUi(<EngineStatusCard status={status} refreshing={false} onRefresh={vi.fn()} />);
    const card = screen.getByTestId('engine-window');
    expect(card).toHaveTextContent(
      "Ports SYS, CXL, NOG, ELP, EGP, LRD, HID, BRO, service days Nov 2, 2026 to Dec 8, 2026; other ports' photos: left at the feed.",
    );
    expect(card).toHaveTextContent('Window: 284 of 296 port-days current; 12 behind');
    expect(screen.getByTestId('window-cycle')).toHaveTextContent(
      'Last cycle Dec 1, 2026, 09:05: 296 requests for 295 port-days, 2 updated, 1,240 ms.',
    );
    const perPort = screen.getByRole('table', { name: 'Port-days current per port' });
    expect(within(perPort).getByRole('row', { name: /ELP/ })).toHaveTextContent('25 / 37');
    const lagging = screen.getByRole('table', { name: 'Port-days not current' });
    expect(within(lagging).getByRole('row', { name: /ELP/ })).toHaveTextContent(
      /Nov 21, 2026failing, backing offThe manifest header for El Paso on 2026-11-21 failed its signature check\.09:35/,
    );
  });
});

describe('FlagCard across ports', () => {
  it("shows the ports and days a pattern spans, and another port's lookout hit on its line", () => {
    const flag: FlagView = reviewFlag({
      id: 3,
      ruleId: 'DOCUMENT_DUPLICATE',
      ruleVersion: 1,
      ruleDescription: 'One document under different names',
      severity: 'high',
      explanation:
        'The travel document MEX S25529549 of Jorge López was also given by "Ana Castro" (BRO 2026-12-02).',
      evidence: {
        summary: 'document MEX S25529549 given under 2 different names',
        span: { ports: ['BRO', 'SYS'], from: '2026-12-01', to: '2026-12-02' },
        others: [
          {
            applicantId: 'BRO-20261202-00001',
            name: 'Ana Castro',
            port: 'BRO',
            serviceDate: '2026-12-02',
            groupId: 'G-BRO-1',
            matched: 'MEX S25529549',
            lookout: 'LO-X001',
          },
        ],
        othersTotal: 1,
      },
    });
    renderUi(<FlagCard flag={flag} canAcknowledge={false} />);
    expect(screen.getByTestId('flag-span')).toHaveTextContent(
      'Across 2 ports (BRO, SYS), Dec 1, 2026 to Dec 2, 2026',
    );
    const row = within(screen.getByRole('table', { name: 'Evidence for Duplicate document' })).getByRole(
      'row',
      {
        name: /Ana Castro/,
      },
    );
    expect(row).toHaveTextContent('Ana Castroon the lookout list (LO-X001)');
    expect(row).toHaveTextContent('BRO · 2026-12-02');
  });
});

describe('TrendsTable', () => {
  it('breaks each shared value down by port', () => {
    const trend: TrendView = {
      kind: 'address',
      example: '8122 Maple Blvd, Chicago IL 60609',
      applicants: 8,
      households: 8,
      ports: ['ELP', 'NOG', 'SYS'],
      perPort: [
        { port: 'ELP', applicants: 3 },
        { port: 'NOG', applicants: 3 },
        { port: 'SYS', applicants: 2 },
      ],
      days: 3,
      firstDate: '2026-11-21',
      lastDate: '2026-12-01',
    };
    renderUi(<TrendsTable trends={[trend]} />);
    expect(screen.getByRole('row', { name: /8122 Maple/ })).toHaveTextContent('ELP 3 · NOG 3 · SYS 2');
  });
});
