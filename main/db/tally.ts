// Runs in: main process and CLI.
// Reads a repository's tally query as a record: the SQL stays in the repository.
import type { Db } from './database';

/**
 * The rows of a `SELECT … AS key, … AS n … GROUP BY …` query as { key: n }. A key with no row is
 * absent, not 0.
 */
export function tally<P extends unknown[]>(db: Db, sql: string, ...params: P): Record<string, number> {
  const rows = db.prepare<P, { key: string; n: number }>(sql).all(...params);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}
