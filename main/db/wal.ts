// Runs in: main process and CLI.
// When the write-ahead log is folded back into the database file (a checkpoint). SQLite's default
// folds it inside whichever commit takes the log past 1,000 pages: under encryption every page of
// that checkpoint is decrypted and encrypted again (70–100 ms for a batch's worth), paid by one
// synced batch's flags. Here the app checkpoints at idle instead (after a sync, with the key-tier
// merge: FlagService.maintain), and SQLite's own checkpoint stays only as a cap.
import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * The cap: a commit that takes the log past this many pages (16 MiB at 4 KiB) checkpoints inline,
 * as SQLite does by default at 1,000. A synced batch with its keys and flags writes 1,100–1,500
 * pages, so a sync of a few batches between two idle checkpoints never reaches it, while a long
 * run with no idle moment (a window fill, a bulk import, a CLI command) still cannot grow the log
 * without bound, and the checkpoint it pays stays a fraction of a second. Other processes' readers
 * (the CLI) read through the log as before; only a reader holding one snapshot for a long time
 * keeps any checkpoint from finishing, as with SQLite's default.
 */
export const WAL_CAP_PAGES = 4096;

/** The log file is cut back to this size when SQLite starts it over (after a big transaction). */
const WAL_KEEP_BYTES = WAL_CAP_PAGES * 4096;

/** The checkpoint policy every connection of the app runs with (see above). */
export function walPolicy(db: Database.Database): void {
  db.pragma(`wal_autocheckpoint = ${WAL_CAP_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_KEEP_BYTES}`);
}

export interface CheckpointResult {
  /** Pages in the log before, and how many of them are now in the database file. */
  logPages: number;
  checkpointed: number;
  /** Another connection's reader or writer kept it from finishing (it is retried at the next idle time). */
  busy: boolean;
}

/**
 * At idle: folds what the log holds into the file without waiting on anyone (PASSIVE); once all of
 * it is in, the next commit starts the log over from its beginning. Not inside a transaction.
 */
export function checkpointIdle(db: Database.Database): CheckpointResult | null {
  if (!db.open || db.inTransaction) return null;
  const [r] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{
    busy: number;
    log: number;
    checkpointed: number;
  }>;
  return { logPages: Math.max(0, r!.log), checkpointed: Math.max(0, r!.checkpointed), busy: r!.busy !== 0 };
}
