// Runs in: main process and CLI. The vetting window: which port-days the console keeps synced
// beside its own port's today (admin setting `vettingWindow`), in the order they are filled.
// Dates count in the console's own port's service days: "30 days back" is today and the 29
// before it, "7 ahead" the next seven, so the default window is 8 ports × 37 days.
import type { VettingWindowView } from '../../ipc/channels/settings';
import { portByCode } from '../domain/ports';
import { AppError } from '../platform/app-error';

export type VettingWindow = VettingWindowView;

export interface PortDay {
  port: string;
  serviceDate: string;
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The window's first and last service date around `today`. */
export function windowRange(w: Pick<VettingWindow, 'daysBack' | 'daysAhead'>, today: string) {
  return { from: shiftDate(today, -(Math.max(1, w.daysBack) - 1)), to: shiftDate(today, w.daysAhead) };
}

/**
 * Every port-day of the window, in fill order: today's (own port first), then the days ahead
 * from tomorrow, then the days back from yesterday, each date port by port with the console's
 * own port first. What vetting today needs most comes first; the oldest days last.
 */
export function windowPortDays(w: VettingWindow, ownPort: string, today: string): PortDay[] {
  const ports = [...new Set(w.ports)].sort((a, b) => Number(b === ownPort) - Number(a === ownPort));
  const dates = [today];
  for (let d = 1; d <= w.daysAhead; d++) dates.push(shiftDate(today, d));
  for (let d = 1; d < w.daysBack; d++) dates.push(shiftDate(today, -d));
  return dates.flatMap((serviceDate) => ports.map((port) => ({ port, serviceDate })));
}

/** Whether a port-day lies inside the window (the own port's days are kept by retention instead). */
export function inWindow(w: VettingWindow, today: string, p: PortDay): boolean {
  const { from, to } = windowRange(w, today);
  return w.ports.includes(p.port) && p.serviceDate >= from && p.serviceDate <= to;
}

/** What the contract cannot check: the ports must be ones this console knows. */
export function checkVettingWindow(w: VettingWindow): void {
  const unknown = w.ports.filter((p) => !portByCode(p));
  if (unknown.length)
    throw new AppError(
      'INVALID_REQUEST',
      `The vetting window names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not a port' : 'are not ports'} this console knows (SYS, CXL, NOG, ELP, EGP, LRD, HID, BRO).`,
    );
}
