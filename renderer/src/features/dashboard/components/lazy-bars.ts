// Runs in: renderer. The bar drawings (Bars.tsx, with Recharts) as lazy components, and a preload
// the dashboard's route starts with its data, so the drawing's code arrives alongside the figures
// rather than after them.
import { lazy } from 'react';

const load = () => import('./Bars');

/** Starts loading the drawings' chunk (once: the module loader keeps the promise). */
export const preloadBars = () => void load().catch(() => undefined);

export const HoursBars = lazy(() => load().then((m) => ({ default: m.HoursBars })));
export const StackedRows = lazy(() => load().then((m) => ({ default: m.StackedRows })));
