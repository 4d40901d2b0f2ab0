// Runs in: main process and CLI. The current lookout list, replaced whole by a newer version.
import type { Db } from '../db/database';
import type { LookoutList } from '../feed/schema';

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

  replace(list: LookoutList, keyId: string): void {
    this.db.transaction(() => {
      if (list.version <= this.version()) return;
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
          'INSERT INTO lookout_meta (id, version, key_id, fetched_at) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version, key_id = excluded.key_id, fetched_at = excluded.fetched_at',
        )
        .run(list.version, keyId, new Date().toISOString());
    })();
  }
}
