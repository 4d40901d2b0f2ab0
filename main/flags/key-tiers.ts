// Runs in: main process and CLI. The two tiers of matching-key indexes (migrations/0007): fresh
// keys land in small, hot partial indexes so a synced batch is flagged quickly; an idle-time
// merge moves them into the main indexes in bulk. Every lookup by key reads both tiers.
import type { Db } from '../db/database';

export const KEY_COLUMNS = ['addr_key', 'phone_key', 'email_key', 'device_key', 'doc_key'] as const;
export type KeyColumn = (typeof KEY_COLUMNS)[number];

/** Index name, indexed columns, and the column that must be set: one per key column, and the name blocks. */
const INDEXED: Array<[string, string, string]> = [
  ...KEY_COLUMNS.map((c): [string, string, string] => [`applicants_${c}`, `(${c})`, c]),
  ['applicants_dob_names', '(dob, name_tokens, surname_tokens, applicant_id)', 'name_tokens'],
];

/** Name and definition of every key index, both tiers, exactly as migrations/0007 creates them. */
export const KEY_INDEXES: Array<[string, string]> = INDEXED.flatMap(([name, cols, notNull]) => [
  [name, `${cols} WHERE keys_fresh = 0 AND ${notNull} IS NOT NULL`] as [string, string],
  [`${name}_fresh`, `${cols} WHERE keys_fresh = 1 AND ${notNull} IS NOT NULL`] as [string, string],
]);

/**
 * One statement per main-tier key index that reads it through from the index alone. Run at idle
 * after start (FlagService.warmKeyIndexes), it brings those pages into SQLite's page cache in
 * bulk: a batch's flags step looks keys up at random across them, and each page it does not
 * find there is read and decrypted on its own (about a quarter of a 2,000-applicant step over a
 * 444k window, before the cache has them).
 */
export const WARM_KEY_INDEXES: string[] = INDEXED.map(
  ([name, , notNull]) =>
    `SELECT COUNT(*) FROM applicants INDEXED BY ${name} WHERE keys_fresh = 0 AND ${notNull} IS NOT NULL`,
);

/**
 * `select ... WHERE where` over both tiers. `where` must use named parameters (@key) so both
 * halves bind the same values, and must imply the indexed column IS NOT NULL; naming the tier in
 * each half is what lets SQLite use that tier's partial index.
 */
export function bothTiers(select: string, where: string): string {
  return `${select} WHERE (${where}) AND keys_fresh = 0 UNION ALL ${select} WHERE (${where}) AND keys_fresh = 1`;
}

/** Applicants whose keys are still in the fresh tier. */
export function freshCount(db: Db): number {
  return (
    db
      .prepare('SELECT COUNT(*) AS n FROM applicants WHERE keys_fresh = 1 AND name_tokens IS NOT NULL')
      .get() as { n: number }
  ).n;
}

/**
 * Moves up to `limit` fresh rows (all by default) into the main tier, in one transaction: the
 * bigger the merge, the more of its inserts share a page of the main indexes.
 */
export function mergeFresh(db: Db, limit = -1): number {
  return db.transaction(
    () =>
      db
        .prepare(
          'UPDATE applicants SET keys_fresh = 0 WHERE rowid IN (SELECT rowid FROM applicants WHERE keys_fresh = 1 AND name_tokens IS NOT NULL LIMIT ?)',
        )
        .run(limit).changes,
  )();
}
