// Runs in: tests (jsdom). The audit log: entries at the port's time, a scroll box a keyboard
// can reach, the chain check's answer.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuditLog } from '../../../../renderer/src/features/audit/components/AuditLog';
import { renderUi } from '../render';

const entries = [
  {
    seq: 12,
    at: '2026-12-01T16:30:00Z',
    actor: 'site.admin',
    action: 'user.create',
    subject: 'ofc.garcia',
    details: {},
  },
];

describe('AuditLog', () => {
  it('lists the entries in a focusable, named scroll region and verifies the chain on request', async () => {
    const onVerify = vi.fn();
    renderUi(<AuditLog entries={entries} check={undefined} verifying={false} onVerify={onVerify} />);
    const region = screen.getByRole('region', { name: 'Recent audit entries' });
    expect(region).toHaveAttribute('tabindex', '0');
    const row = within(region).getByRole('row', { name: /^12/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['12', 'Dec 1, 2026, 08:30', 'site.admin', 'user.create', 'ofc.garcia']);
    await userEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect(onVerify).toHaveBeenCalled();
  });

  it('says whether the chain is intact, or where it breaks', () => {
    const { unmount } = renderUi(
      <AuditLog
        entries={[]}
        check={{ ok: true, entries: 1204, firstBrokenSeq: null, problem: null }}
        verifying={false}
        onVerify={vi.fn()}
      />,
    );
    expect(screen.getByTestId('audit-verify-result')).toHaveTextContent('Intact: 1,204 entries verified.');
    unmount();
    renderUi(
      <AuditLog
        entries={[]}
        check={{ ok: false, entries: 40, firstBrokenSeq: 17, problem: 'hash does not match' }}
        verifying={false}
        onVerify={vi.fn()}
      />,
    );
    expect(screen.getByTestId('audit-verify-result')).toHaveTextContent(
      'Broken at entry 17: hash does not match',
    );
  });
});
