// Runs in: tests (jsdom). The case's presentational pieces as the officer and the person at the
// counter see them: the travel group with each member's status and the next one to process; a
// blind-first comparison that asks for the officer's judgement before any score; the manual
// identity check's form; the applicant-facing screen in the person's language, with no score.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { VerifyView } from '../../../../ipc/channels/face';
import {
  GroupList,
  nextInGroup,
  type GroupMember,
} from '../../../../renderer/src/features/booth/components/GroupList';
import { ManualCheckDialog } from '../../../../renderer/src/features/booth/components/ManualCheckDialog';
import { VerifyResult } from '../../../../renderer/src/features/booth/components/VerifyResult';
import { CounterScreen } from '../../../../renderer/src/features/counter/components/CounterScreen';
import { renderUi } from '../render';

const member = (id: string, status: string | null, openFlags = 0): GroupMember => ({
  applicantId: id,
  givenNames: `Given ${id}`,
  familyNames: `Family ${id}`,
  dob: '1990-01-01',
  status,
  openFlags,
});

describe('travel group', () => {
  const group = [
    member('A1', 'completed'),
    member('A2', 'scheduled', 2),
    member('A3', 'no_show'),
    member('A4', 'arrived'),
  ];

  it('"next in group" is the next member still to process, wrapping round, never this one', () => {
    expect(nextInGroup(group, 'A2')?.applicantId).toBe('A4');
    expect(nextInGroup(group, 'A4')?.applicantId).toBe('A2');
    expect(nextInGroup([member('A1', 'scheduled')], 'A1')).toBeNull();
    expect(nextInGroup([member('A1', 'scheduled'), member('A2', 'completed')], 'A1')).toBeNull();
  });

  it('lists every member with their status and flags; the others open from the list', () => {
    renderUi(
      <MemoryRouter>
        <GroupList group={group} currentId="A2" linkTo={(id) => `/booth/${id}`} />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Travel group' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveAttribute('aria-current', 'true');
    expect(within(rows[1]!).queryByRole('link')).toBeNull();
    expect(within(rows[1]!).getByText('2 open flags')).toBeVisible();
    expect(within(rows[0]!).getByRole('link', { name: 'Family A1, Given A1' })).toHaveAttribute(
      'href',
      '/booth/A1',
    );
    expect(within(rows[0]!).getByText('completed')).toBeVisible();
    expect(within(rows[2]!).getByText('no show')).toBeVisible();
  });
});

const result: VerifyView = {
  verificationId: 7,
  band: 'MATCH',
  score: 0.71,
  thresholds: { match: 0.47, inconclusive: 0.37, livenessAdvisory: 0.5, source: 'calibration' },
  liveness: 0.9,
  livenessWarning: null,
  capture: {
    ok: true,
    faces: [],
    chosen: 0,
    image: null,
    quality: { ok: true, reasons: [] },
    liveness: 0.9,
    error: null,
  },
  reference: null,
  explanation: ['Similarity 0.71 is at or above the MATCH threshold 0.47 for model m.'],
  timings: { totalMs: 30 },
  modelVersion: 'm',
  blind: false,
  judgement: null,
  attempts: { total: 1, unsuccessful: 0, manualCheckOffered: false },
};

describe('blind-first comparison', () => {
  it("asks for the officer's judgement first and shows no score until then", async () => {
    const onJudge = vi.fn();
    const blind = { ...result, blind: true, band: null, score: null, liveness: null, explanation: [] };
    renderUi(<VerifyResult result={blind} onJudge={onJudge} />);
    expect(screen.getByText('Your judgement first: is this the same person?')).toBeVisible();
    expect(screen.queryByTestId('verify-band')).toBeNull();
    expect(screen.queryByText(/Similarity/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Different person' }));
    expect(onJudge).toHaveBeenCalledWith('different');
  });

  it('then shows the band and the score beside the judgement recorded', () => {
    renderUi(<VerifyResult result={{ ...result, blind: true, judgement: 'unsure' }} />);
    expect(screen.getByTestId('verify-band')).toHaveTextContent('Match');
    expect(screen.getByText('You judged: Unsure')).toBeVisible();
    expect(screen.getByText('0.71')).toBeVisible();
  });
});

describe('manual identity check', () => {
  it('records only with the document inspected and a reason, trimmed', async () => {
    const onRecord = vi.fn();
    renderUi(
      <ManualCheckDialog
        opened
        attempts={3}
        saving={false}
        error={null}
        onClose={vi.fn()}
        onRecord={onRecord}
      />,
    );
    const record = screen.getByRole('button', { name: 'Record manual check' });
    expect(screen.getByText(/3 face comparisons gave no match/)).toBeVisible();
    expect(record).toBeDisabled();
    await userEvent.type(screen.getByRole('textbox', { name: /Reason/ }), '  Passport checked  ');
    expect(record).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /inspected the travel document/ }));
    await userEvent.click(record);
    expect(onRecord).toHaveBeenCalledWith('Passport checked');
  });
});

describe('applicant-facing screen', () => {
  it("speaks the person's language, with the capture hint from the same gates", () => {
    const { rerender } = renderUi(
      <CounterScreen state={{ active: true, language: 'es', message: 'lookAtCamera', hint: 'moveCloser' }} />,
    );
    expect(screen.getByTestId('counter-title')).toHaveTextContent('Por favor, mire a la cámara');
    expect(screen.getByTestId('counter-line')).toHaveTextContent(
      'Por favor, acérquese un poco más a la cámara',
    );
    expect(screen.getByTestId('counter-screen')).toHaveAttribute('lang', 'es');
    rerender(<CounterScreen state={{ active: true, language: 'ru', message: 'proceed', hint: null }} />);
    expect(screen.getByTestId('counter-title')).toHaveTextContent('Спасибо');
    expect(screen.getByTestId('counter-line')).toHaveTextContent('Вы можете пройти к выходу');
    rerender(<CounterScreen state={{ active: false, language: 'en', message: 'idle', hint: null }} />);
    expect(screen.getByTestId('counter-screen')).toHaveTextContent(
      'WelcomePlease wait until an officer calls you',
    );
  });
});
