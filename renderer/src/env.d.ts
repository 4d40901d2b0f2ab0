// Runs in: renderer (types only).
/// <reference types="vite/client" />
import type { ArrivalsApi } from '../../ipc/contract';
import type { UploadBridge } from '../../ipc/upload';

declare global {
  interface Window {
    /** Present in the Electron shell (exposed by preload); absent in the browser shell. */
    arrivals?: ArrivalsApi;
    /** Electron only: sends a file's bytes in chunks (preload; the browser shell POSTs them). */
    arrivalsUpload?: UploadBridge;
  }
}
