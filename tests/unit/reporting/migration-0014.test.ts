// Runs in: tests (Node). Migration 0014 on a database written before it: the day's applicants stay,
// and the day figures' lookups of an applicant (from each face comparison, as reporting-repository.ts does) and of a day's photos read the new covering indexes.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { folderBefore } from '../../helpers/migrations';

describe('migration 0014 (reporting indexes)', () => {
  it('keeps the applicants and serves the figures from covering indexes', () => {
    const { dir, index } = folderBefore('0014_reporting_indexes.sql', (old) =>
      old
        .prepare(
          `INSERT INTO applicants (applicant_id, group_id, port, service_date, given_names, family_names,
             name_as_written, dob, sex, nationality, country_of_birth, addr_line1, addr_city, addr_state, addr_zip,
             phone, email, language, device_id, photo_sha256, updated_seq)
           VALUES ('A1', 'G1', 'SYS', '2026-11-22', 'Ana', 'Ruiz', 'Ana Ruiz', '1990-05-01', 'F', 'MEX', 'MEX',
             '1 Main St', 'Laredo', 'TX', '78040', '+15550100', 'a@example.org', 'es', 'D1', 'abc', 1)`,
        )
        .run(),
    );
    expect(index).toBe(13);
    const db = openDatabase(dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
      expect(
        db
          .prepare(
            "SELECT sex, nationality FROM applicants WHERE port = 'SYS' AND service_date = '2026-11-22'",
          )
          .get(),
      ).toEqual({ sex: 'F', nationality: 'MEX' });
      const plan = (sql: string) =>
        db
          .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all()
          .map((r) => r.detail)
          .join('\n');
      expect(
        plan(
          `SELECT a.sex, a.dob, a.nationality, a.language FROM verifications v
           CROSS JOIN applicants a ON a.applicant_id = v.applicant_id
           WHERE a.port = 'SYS' AND a.service_date = '2026-11-22'`,
        ),
      ).toMatch(/COVERING INDEX applicants_report/);
      expect(
        plan(
          "SELECT DISTINCT photo_sha256 FROM applicants WHERE port = 'SYS' AND service_date = '2026-11-22' AND photo_sha256 IS NOT NULL",
        ),
      ).toMatch(/COVERING INDEX applicants_day_photo/);
    } finally {
      db.close();
    }
  });
});
