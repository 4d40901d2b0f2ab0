// Runs in: main, preload (the channel name), renderer (types only).
// The one transport message beside the contract's channels in the Electron shell: a chunk of a
// file the admin sends (a bundle), after `bundle.upload` announced it. The browser shell sends the
// same bytes as one streamed POST to the HTTP bridge's /upload/<id> instead.
import type { Result } from './channel';

export const UPLOAD_CHANNEL = '__upload';

/** What the preload gives the renderer beside the contract (window.arrivalsUpload). */
export interface UploadBridge {
  /** The bytes at `offset` of upload `uploadId` (each chunk in turn, awaited). */
  chunk(uploadId: string, offset: number, bytes: ArrayBuffer): Promise<Result<{ received: number }>>;
}
