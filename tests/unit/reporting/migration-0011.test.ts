// Runs in: vitest (Node, real SQLite file). Migration 0011 on a database that already holds
// decisions: they stay; a sign-off has a known outcome and a note, is stored once per decision,
// is never edited, and goes with its decision when retention purges that.
import { describe, expect, it } from 'vitest';
import { afterMigration, folderBefore } from '../../helpers/migrations';

describe('migration 0011 (referral sign-offs)', () => {
  it('keeps earlier decisions, and checks every sign-off stored from now on', () => {
    const { dir, index: at } = folderBefore('0011_referral_signoffs.sql', (before) =>
      before.exec(
        `INSERT INTO encounters (client_id, applicant_id, appointment_id, officer, booth, arrived_at, completed_at,
           disposition, note, verification_id, flags_acknowledged, supersedes)
         VALUES ('E0', 'A0', 'AP0', 'ofc', 'Booth 1', '2026-11-22T15:00:00Z', '2026-11-22T15:01:00Z',
           'referred_secondary', 'bags', NULL, '[]', NULL)`,
      ),
    );
    expect(at).toBe(10);

    afterMigration(dir, at, (db) => {
      expect(db.prepare('SELECT client_id, note FROM encounters').get()).toEqual({
        client_id: 'E0',
        note: 'bags',
      });
      const insert = db.prepare(
        "INSERT INTO referral_signoffs (encounter_id, outcome, note, supervisor, at) VALUES (?, ?, ?, 'sup', 'x')",
      );
      expect(() => insert.run('E0', 'maybe', 'note')).toThrow(/CHECK constraint failed/);
      expect(() => insert.run('E0', 'admitted', '   ')).toThrow(/CHECK constraint failed/);
      insert.run('E0', 'admitted', 'Cleared');
      expect(() => insert.run('E0', 'not_admitted', 'Twice')).toThrow(/UNIQUE constraint failed/);
      expect(() => db.prepare("UPDATE referral_signoffs SET outcome = 'not_admitted'").run()).toThrow(
        /never edited/,
      );
      // Retention purges the decision (port-day-repository.ts): its sign-off goes with it.
      db.prepare("DELETE FROM encounters WHERE client_id = 'E0'").run();
      expect(db.prepare('SELECT COUNT(*) FROM referral_signoffs').pluck().get()).toBe(0);
      expect(
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('encounters_appointment', 'appointments_day_status') ORDER BY name",
          )
          .pluck()
          .all(),
      ).toEqual(['appointments_day_status', 'encounters_appointment']);
    });
  });
});
