// Runs in: tests (Node). Reading a test's expectations straight out of a console's database.
import type { Db } from '../../main/db/database';

/** The first column of every row the query returns, in order. */
export function column<T = string>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db
    .prepare(sql)
    .pluck()
    .all(...params) as T[];
}
