// Runs in: main process and face worker threads. Error codes + messages a person at the booth understands.

export type FaceErrorCode =
  'EMPTY_INPUT' | 'UNSUPPORTED_IMAGE' | 'IMAGE_TOO_LARGE' | 'IMAGE_TOO_SMALL' | 'MODELS_MISSING' | 'INTERNAL';

/** Thrown for inputs we cannot process at all (as opposed to a quality reason on a decoded image). */
export class FaceError extends Error {
  constructor(
    public readonly code: FaceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FaceError';
  }
}

/** Worker results cross a thread boundary; a plain object survives structured clone, an Error subclass does not. */
export interface FaceErrorInfo {
  code: FaceErrorCode;
  message: string;
}

export function toErrorInfo(err: unknown): FaceErrorInfo {
  if (err instanceof FaceError) return { code: err.code, message: err.message };
  const msg = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `face engine error: ${msg}` };
}
