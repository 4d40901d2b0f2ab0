// Runs in: renderer (types only).
/// <reference types="vite/client" />
import type { ArrivalsApi } from '../../ipc/contract';

declare global {
  interface Window {
    /** Present in the Electron shell (exposed by preload); absent in the browser shell. */
    arrivals?: ArrivalsApi;
  }
}
