// Runs in: tests (Node). Migration 0009 on a database written before it: accounts keep their
// passwords without a forced change, the lookout list in force is marked as the feed's.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { folderBefore } from '../../helpers/migrations';

describe('migration 0009 (admin console)', () => {
  it('adds the one-time password mark and the lookout source to existing rows', () => {
    const { dir, index: at } = folderBefore('0009_admin_console.sql', (old) => {
      old
        .prepare(
          "INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('ofc.old', 'Old', 'officer', 'scrypt$x', '2026-01-01T00:00:00Z')",
        )
        .run();
      old
        .prepare(
          "INSERT INTO lookout_meta (id, version, key_id, fetched_at) VALUES (1, 4, 'publisher-2026', '2026-01-01T00:00:00Z')",
        )
        .run();
    });
    expect(at).toBe(8);
    const db = openDatabase(dir);
    try {
      expect(db.prepare("SELECT must_change_password FROM users WHERE username = 'ofc.old'").get()).toEqual({
        must_change_password: 0,
      });
      expect(db.prepare('SELECT version, source, file_name, imported_by FROM lookout_meta').get()).toEqual({
        version: 4,
        source: 'feed',
        file_name: null,
        imported_by: null,
      });
      expect(() => db.prepare("UPDATE lookout_meta SET source = 'email'").run()).toThrow(/CHECK constraint/);
      expect(() => db.prepare('UPDATE users SET must_change_password = 2').run()).toThrow(/CHECK constraint/);
    } finally {
      db.close();
    }
  });
});
