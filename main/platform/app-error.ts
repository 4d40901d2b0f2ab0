// Runs in: main process and CLI.
import type { ErrorCode, ErrorDetails } from '../../ipc/channel';

/** An error meant for a person: `message` is shown as is, so it must be plain and complete. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | StartupErrorCode,
    message: string,
    /** Passed to the renderer with the message (ipc/channel.ts ErrorDetails). */
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export type StartupErrorCode =
  | 'DB_TOO_NEW'
  | 'DB_CORRUPT'
  | 'DATA_DIR_READ_ONLY'
  | 'DB_MIGRATION_FAILED'
  | 'DB_HALF_MIGRATED'
  | 'DATA_KEY_UNAVAILABLE'
  | 'CONFIG_INVALID';
