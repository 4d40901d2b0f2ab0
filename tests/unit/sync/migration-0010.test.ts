// Runs in: tests (Node). Migration 0010 on a database written before it: synced port-days keep
// everything they held (the window finds them complete and checks them with one request), the
// new port_days table refuses a state it does not know.
import { describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase } from '../../../main/db/database';
import { folderBefore } from '../../helpers/migrations';

describe('migration 0010 (vetting window)', () => {
  it('adds port_days beside the manifests already synced, which stay as they were', () => {
    const { dir, index: at } = folderBefore('0010_vetting_window.sql', (old) =>
      old
        .prepare(
          `INSERT INTO manifests (port, service_date, version, generated_at, key_id, last_seq, record_count, applied_seq, first_synced_at, completed_at)
         VALUES ('ELP', '2026-11-21', 1, '2026-11-21T05:00:00Z', 'publisher-2026', 3, 1200, 3, '2026-11-21T06:00:00Z', '2026-11-21T06:01:00Z')`,
        )
        .run(),
    );
    expect(at).toBe(9);
    const db = openDatabase(dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      expect(db.prepare('SELECT port, applied_seq, completed_at FROM manifests').all()).toEqual([
        { port: 'ELP', applied_seq: 3, completed_at: '2026-11-21T06:01:00Z' },
      ]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM port_days').get()).toEqual({ n: 0 });
      db.prepare(
        "INSERT INTO port_days (port, service_date, state) VALUES ('ELP', '2026-11-21', 'current')",
      ).run();
      expect(() =>
        db
          .prepare("INSERT INTO port_days (port, service_date, state) VALUES ('NOG', '2026-11-21', 'done')")
          .run(),
      ).toThrow(/CHECK constraint/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO port_days (port, service_date, state) VALUES ('ELP', '2026-11-21', 'pending')",
          )
          .run(),
      ).toThrow(/UNIQUE|PRIMARY KEY/);
    } finally {
      db.close();
    }
  });
});
