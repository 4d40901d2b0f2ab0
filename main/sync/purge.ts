// Runs in: main process and CLI. What both purges share (retention.ts, window-retention.ts): the
// deletion under secure_delete, the flags of others that named the purged recomputed or rewritten,
// and the file rebuilt afterwards. secure_delete zeroes what is deleted, but a b-tree keeps stale
// copies of cells it moved while rebalancing (in the unused middle of live pages), and the WAL
// keeps the old pages until a checkpoint, so only rebuilding the file (VACUUM: every live page
// written anew, then the WAL folded in and emptied) leaves nothing of the purged in it. That
// blocks for seconds at full scale (`npm run bench`), so a console with an officer mid-case
// waits: the rebuild is marked pending (in the settings table, so it survives a restart) and
// done as soon as no case is open.
import type { AppContext } from '../app-context';
import type { Db } from '../db/database';
import { removeDatabaseBackups } from '../db/backups';
import { PurgeRepository, type ApplicantPurge } from './purge-repository';

/** Set from a purge until the file is rebuilt. */
const REBUILD_PENDING = 'purge.rebuildPending';

type PurgeApp = Pick<AppContext, 'db' | 'flags' | 'settings' | 'cases'>;

/** Runs `fn` with secure_delete on (deleted content overwritten with zeros), then restores the setting. */
export function withSecureDelete<T>(db: Db, fn: () => T): T {
  const before = ['OFF', 'ON', 'FAST'][db.pragma('secure_delete', { simple: true }) as number] ?? 'OFF';
  db.pragma('secure_delete = ON');
  try {
    return fn();
  } finally {
    db.pragma(`secure_delete = ${before}`);
  }
}

/**
 * After applicants were deleted: the flags that concerned them are found again without them
 * (each rule decides, at its own threshold, whether what remains still makes a flag; an open flag
 * then carries fresh evidence and counts of the remaining people only); a flag that no longer
 * qualifies is cleared, as any flag not found again is, and kept for its acknowledgement and
 * feedback, but its evidence and explanation (which named the purged) are replaced by `note`.
 * Returns how many flags were rewritten so.
 */
export function forgetInFlags(
  app: PurgeApp,
  r: Pick<ApplicantPurge, 'purged' | 'affected' | 'affectedFlags'>,
  note: string,
): number {
  const purged = new Set(r.purged);
  const remaining = r.affected.filter((id) => !purged.has(id));
  if (remaining.length) app.flags.engine.updateFor(remaining);
  const repo = new PurgeRepository(app.db);
  const stale = repo.flagsNaming(r.affectedFlags, purged);
  for (const id of stale) repo.scrub(id, { summary: note, others: [], othersTotal: 0, purged: true }, note);
  return stale.length;
}

/**
 * After a purge: the database's backups go too, since each was taken before it and still holds
 * the purged (db/backups.ts). Returns how many were removed.
 */
export function forgetInBackups(db: Db): number {
  return removeDatabaseBackups(db.name).length;
}

/** Rebuilds the database file (VACUUM, then the WAL folded in and truncated); returns the ms it took. */
export function rebuildFile(db: Db): number {
  const t0 = performance.now();
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return Math.round(performance.now() - t0);
}

/**
 * After a purge (`purged`), or to catch up on an earlier one: rebuilds the file if one is due
 * and no case is open. Returns the rebuild's ms, or null when none was due or it has to wait.
 */
export function rebuildIfDue(app: PurgeApp, purged: boolean): number | null {
  if (purged) app.settings.setJson(REBUILD_PENDING, true);
  if (!app.settings.getJson<boolean>(REBUILD_PENDING) || !app.cases.idle) return null;
  const ms = rebuildFile(app.db);
  app.settings.setJson(REBUILD_PENDING, false);
  return ms;
}
