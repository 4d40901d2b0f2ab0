// Runs in: tests (Node). Migration 0013 on a database written before it: accounts start at epoch
// 0, and the database bumps it on a role, status or password change (from any writer), never on
// sign-in bookkeeping.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { folderBefore } from '../../helpers/migrations';

describe('migration 0013 (account epoch)', () => {
  it('adds the epoch to existing accounts and bumps it on the changes that end sessions', () => {
    const { dir, index } = folderBefore('0013_account_epoch.sql', (old) =>
      old
        .prepare(
          "INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('ofc.old', 'Old', 'officer', 'scrypt$x', '2026-01-01T00:00:00Z')",
        )
        .run(),
    );
    expect(index).toBe(12);
    const db = openDatabase(dir);
    try {
      const epoch = () =>
        (db.prepare("SELECT epoch FROM users WHERE username = 'ofc.old'").get() as { epoch: number }).epoch;
      expect(epoch()).toBe(0);
      for (const [sql, expected] of [
        ["UPDATE users SET failed_attempts = 3, last_sign_in_at = 'x', locked_until = NULL", 0],
        ["UPDATE users SET role = 'officer'", 0],
        ["UPDATE users SET role = 'supervisor'", 1],
        ['UPDATE users SET disabled = 1', 2],
        ["UPDATE users SET password_hash = 'scrypt$y'", 3],
        ["UPDATE users SET role = 'admin', disabled = 0", 4],
      ] as const) {
        db.exec(sql);
        expect(epoch(), sql).toBe(expected);
      }
    } finally {
      db.close();
    }
  });
});
