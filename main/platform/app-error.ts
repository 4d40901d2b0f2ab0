// Runs in: main process and CLI.
import type { ErrorCode } from '../../ipc/channel';

/** An error meant for a person: `message` is shown as is, so it must be plain and complete. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | StartupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export type StartupErrorCode =
  'DB_TOO_NEW' | 'DB_CORRUPT' | 'DATA_DIR_READ_ONLY' | 'DB_MIGRATION_FAILED' | 'CONFIG_INVALID';
