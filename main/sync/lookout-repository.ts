// Runs in: main process and CLI. The current lookout list, replaced whole by a newer version,
// and where it came from (the feed, or a file an admin imported).
import type { Db } from '../db/database';
import type { LookoutList } from '../feed/schema';

export type LookoutSource = 'feed' | 'csv' | 'signed-json';

export interface LookoutOrigin {
  source: LookoutSource;
  /** The signing key (feed, signed JSON); '' for an unsigned CSV an admin imported. */
  keyId: string;
  fileName: string | null;
  importedBy: string | null;
}

export interface LookoutMeta extends LookoutOrigin {
  version: number;
  fetchedAt: string;
}

export class LookoutRepository {
  constructor(private readonly db: Db) {}

  version(): number {
    return (
      (
        this.db.prepare('SELECT version FROM lookout_meta WHERE id = 1').get() as
          { version: number } | undefined
      )?.version ?? 0
    );
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM lookout_entries').get() as { n: number }).n;
  }

  meta(): LookoutMeta | null {
    const r = this.db
      .prepare<
        [],
        {
          version: number;
          key_id: string;
          fetched_at: string;
          source: LookoutSource;
          file_name: string | null;
          imported_by: string | null;
        }
      >('SELECT version, key_id, fetched_at, source, file_name, imported_by FROM lookout_meta WHERE id = 1')
      .get();
    return r
      ? {
          version: r.version,
          keyId: r.key_id,
          fetchedAt: r.fetched_at,
          source: r.source,
          fileName: r.file_name,
          importedBy: r.imported_by,
        }
      : null;
  }

  /** Replaces the list if `list` is newer; false (nothing written) if it is not. */
  replace(
    list: LookoutList,
    keyId: string,
    origin: Omit<LookoutOrigin, 'keyId'> = { source: 'feed', fileName: null, importedBy: null },
  ): boolean {
    return this.db.transaction(() => {
      if (list.version <= this.version()) return false;
      this.db.prepare('DELETE FROM lookout_entries').run();
      const ins = this.db.prepare(
        'INSERT INTO lookout_entries (entry_id, given_names, family_names, aliases, dob, dob_year, reason_code, list_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const e of list.entries)
        ins.run(
          e.entryId,
          e.givenNames,
          e.familyNames,
          JSON.stringify(e.aliases),
          e.dob,
          e.dobYear,
          e.reasonCode,
          list.version,
        );
      this.db
        .prepare(
          `INSERT INTO lookout_meta (id, version, key_id, fetched_at, source, file_name, imported_by) VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET version = excluded.version, key_id = excluded.key_id, fetched_at = excluded.fetched_at,
             source = excluded.source, file_name = excluded.file_name, imported_by = excluded.imported_by`,
        )
        .run(
          list.version,
          keyId,
          new Date().toISOString(),
          origin.source,
          origin.fileName,
          origin.importedBy,
        );
      return true;
    })();
  }
}
