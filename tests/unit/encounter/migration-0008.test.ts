// Runs in: vitest (Node, real SQLite file). Migration 0008 on a database that already holds
// verifications and decisions: they keep their values (not blind, no judgement, no manual check),
// and the new columns and table refuse what the booth must never store.
import { describe, expect, it } from 'vitest';
import { openDatabaseFile } from '../../../main/db/database';
import { afterMigration, folderBefore } from '../../helpers/migrations';

describe('migration 0008 (identity checks)', () => {
  it('keeps earlier verifications and decisions, and checks what is stored from now on', () => {
    const { dir, index: at } = folderBefore('0008_identity_checks.sql', (before) => {
      before
        .prepare(
          `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold,
           inconclusive_threshold, liveness, quality_reasons, model_version, total_ms)
         VALUES ('A0', 'ofc', '2026-11-22T15:00:00Z', 'c0', 'MATCH', 0.71, 0.45, 0.35, 0.9, '[]', 'm1', 30)`,
        )
        .run();
      before
        .prepare(
          `INSERT INTO encounters (client_id, applicant_id, appointment_id, officer, booth, arrived_at, completed_at,
           disposition, note, verification_id, flags_acknowledged, supersedes)
         VALUES ('E0', 'A0', 'AP0', 'ofc', 'Booth 1', '2026-11-22T15:00:00Z', '2026-11-22T15:01:00Z',
           'processed', '', 1, '[]', NULL)`,
        )
        .run();
    });
    expect(at).toBe(7);
    afterMigration(dir, at, (db) => {
      expect(db.prepare('SELECT band, score, blind, judgement, judged_at FROM verifications').get()).toEqual({
        band: 'MATCH',
        score: 0.71,
        blind: 0,
        judgement: null,
        judged_at: null,
      });
      expect(db.prepare('SELECT verification_id, manual_check_id FROM encounters').get()).toEqual({
        verification_id: 1,
        manual_check_id: null,
      });
      // A judgement is one of three words, stored once.
      db.prepare(
        "UPDATE verifications SET blind = 1, judgement = 'same', judged_at = 'x' WHERE id = 1",
      ).run();
      expect(() => db.prepare("UPDATE verifications SET judgement = 'maybe' WHERE id = 1").run()).toThrow(
        /CHECK constraint failed/,
      );
      expect(() => db.prepare('UPDATE verifications SET blind = 2 WHERE id = 1').run()).toThrow(
        /CHECK constraint failed/,
      );
      // A manual check has its document inspected and a reason.
      const check = db.prepare(
        `INSERT INTO manual_checks (applicant_id, officer, at, document_inspected, reason, attempts, unsuccessful)
         VALUES ('A0', 'ofc', '2026-11-22T15:05:00Z', ?, ?, 3, 3)`,
      );
      expect(() => check.run(0, 'checked the passport')).toThrow(/CHECK constraint failed/);
      expect(() => check.run(1, '   ')).toThrow(/CHECK constraint failed/);
      const id = Number(check.run(1, 'checked the passport').lastInsertRowid);
      // A decision may name only a manual check that exists.
      const insert = db.prepare(
        `INSERT INTO encounters (client_id, applicant_id, appointment_id, officer, booth, arrived_at, completed_at,
           disposition, note, verification_id, manual_check_id, flags_acknowledged, supersedes)
         VALUES (?, 'A0', 'AP0', 'ofc', 'Booth 1', 'x', 'y', 'referred_secondary', '', NULL, ?, '[]', 'E0')`,
      );
      expect(() => insert.run('E1', id + 100)).toThrow(/FOREIGN KEY constraint failed/);
      insert.run('E1', id);
      // Decisions are still never edited in place.
      expect(() =>
        db.prepare("UPDATE encounters SET manual_check_id = NULL WHERE client_id = 'E1'").run(),
      ).toThrow(/never edited/);
    });
    // The file on disk is at 0008 (a fresh open with every migration goes on from there).
    const raw = openDatabaseFile(dir, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(at + 1);
    raw.close();
  });
});
