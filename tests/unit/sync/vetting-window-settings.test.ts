// Runs in: tests (Node, real SQLite file). The vetting window as a setting: its port-days in fill
// order (today's first, own port first each day, then the days ahead, then back), its default
// (8 × 37 port-days), an admin's change audited with what changed, a port the console does not
// know refused with a plain message, and a window reaching back no further than retention.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { createRouter } from '../../../main/ipc/router';
import { inWindow, shiftDate, windowPortDays } from '../../../main/sync/vetting-window';
import { effectiveWindow } from '../../../main/sync/window-sync';
import { testApp } from '../../helpers/app';
import { signInUsers } from '../../helpers/sessions';

let app: AppContext | undefined;
afterEach(() => app?.close());

const TODAY = '2026-12-01';

describe('the vetting window', () => {
  it('fills today first (own port first), then the days ahead, then the days back, oldest last', () => {
    const days = windowPortDays(
      { ports: ['ELP', 'SYS', 'NOG'], daysBack: 3, daysAhead: 2, faceTemplates: false },
      'SYS',
      TODAY,
    );
    expect(days.map((d) => `${d.port} ${d.serviceDate}`)).toEqual([
      'SYS 2026-12-01',
      'ELP 2026-12-01',
      'NOG 2026-12-01',
      'SYS 2026-12-02',
      'ELP 2026-12-02',
      'NOG 2026-12-02',
      'SYS 2026-12-03',
      'ELP 2026-12-03',
      'NOG 2026-12-03',
      'SYS 2026-11-30',
      'ELP 2026-11-30',
      'NOG 2026-11-30',
      'SYS 2026-11-29',
      'ELP 2026-11-29',
      'NOG 2026-11-29',
    ]);
    const w = { ports: ['ELP'], daysBack: 3, daysAhead: 2, faceTemplates: false };
    expect(inWindow(w, TODAY, { port: 'ELP', serviceDate: shiftDate(TODAY, -2) })).toBe(true);
    expect(inWindow(w, TODAY, { port: 'ELP', serviceDate: shiftDate(TODAY, -3) })).toBe(false);
    expect(inWindow(w, TODAY, { port: 'ELP', serviceDate: shiftDate(TODAY, 3) })).toBe(false);
    expect(inWindow(w, TODAY, { port: 'NOG', serviceDate: TODAY })).toBe(false);
  });

  it('defaults to all eight ports, 30 days back and 7 ahead: 296 port-days', () => {
    app = testApp();
    const w = app.settings.get().vettingWindow;
    expect(w).toEqual({
      ports: ['SYS', 'CXL', 'NOG', 'ELP', 'EGP', 'LRD', 'HID', 'BRO'],
      daysBack: 30,
      daysAhead: 7,
      faceTemplates: false,
    });
    expect(windowPortDays(w, 'SYS', TODAY)).toHaveLength(296);
  });

  it("is an admin's setting: audited with what changed, an unknown port refused, never past retention", async () => {
    app = testApp();
    const route = createRouter(app);
    await signInUsers(route, []);
    const next = { ports: ['SYS', 'ELP'], daysBack: 20, daysAhead: 3, faceTemplates: true };
    expect(await route('settings.update', { vettingWindow: next }, 'a')).toMatchObject({
      ok: true,
      value: { vettingWindow: next },
    });
    const entry = app.audit.recent(5).find((e) => e.action === 'settings.update')!;
    expect(entry.details).toMatchObject({ changed: ['vettingWindow'], after: { vettingWindow: next } });
    const bad = await route('settings.update', { vettingWindow: { ...next, ports: ['SYS', 'XYZ'] } }, 'a');
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(!bad.ok && bad.error.message).toMatch(/XYZ, which is not a port this console knows/);
    expect(app.settings.get().vettingWindow).toEqual(next);
    // Personal data kept 10 days: the window reaches back 10, whatever it is set to.
    expect((await route('settings.update', { retentionDays: 10 }, 'a')).ok).toBe(true);
    expect(effectiveWindow(app)).toMatchObject({ daysBack: 10 });
  });
});
