// Runs in: vitest (Node, real SQLite file). CSV exports of a port-day's tables: RFC 4180 quoting,
// a byte-order mark, formulas defused, the same figures as the dashboard, every export audited.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { csvCell, toCsv } from '../../../main/reporting/csv';
import { arrivalsDashboard } from '../../../main/reporting/dashboard';
import { exportCsv } from '../../../main/reporting/export';
import { applicant } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
import { seedPortDay } from '../../helpers/port-day';
import { parseCsv } from '../../helpers/csv';

let app: AppContext | undefined;
afterEach(() => app?.close());

describe('CSV export', () => {
  it('quotes what needs quoting, keeps accents behind a BOM, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    const csv = toCsv(['Nombre', 'Nota'], [['José Peña', 'dijo "sí", luego\r\nno']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      ['Nombre', 'Nota'],
      ['José Peña', 'dijo "sí", luego\r\nno'],
    ]);
  });

  it("exports the dashboard's tables and the referral list for a port-day, each export audited", () => {
    app = testApp();
    seedPortDay(app.db, 'SYS', '2026-11-22', [
      applicant(1, { givenNames: 'José', familyNames: 'Peña, Ruiz' }),
      applicant(2),
    ]);
    app.db
      .prepare(
        `INSERT INTO encounters (client_id, applicant_id, appointment_id, officer, booth, arrived_at, completed_at,
           disposition, note, verification_id, flags_acknowledged, supersedes)
         VALUES ('E1', 'A1', 'AP1', 'ofc', 'Booth 1', '2026-11-22T15:00:00Z', '2026-11-22T15:06:00Z',
           'referred_secondary', '=1+1 "bags", twice', NULL, '["SHARED_PHONE:3"]', NULL)`,
      )
      .run();
    const day = { port: 'SYS', date: '2026-11-22' };
    const d = arrivalsDashboard(app, day);
    const figures = exportCsv(app, 'sup', { ...day, table: 'figures' });
    expect(figures.filename).toBe('SYS-2026-11-22-figures.csv');
    const rows = parseCsv(figures.csv.slice(1));
    expect(rows[0]).toEqual(['Figure', 'Cases']);
    expect(rows).toContainEqual(['Scheduled', String(d.figures.scheduled)]);
    expect(rows).toContainEqual(['Referred to secondary', '1']);
    expect(rows).toContainEqual(['Open referrals', '1']);
    const booths = parseCsv(exportCsv(app, 'sup', { ...day, table: 'booths' }).csv.slice(1));
    expect(booths).toEqual([
      ['Booth', 'Cases', 'Median minutes per case', 'P90 minutes per case', 'Referrals'],
      ['Booth 1', '1', '6', '6', '1'],
    ]);
    const referrals = exportCsv(app, 'sup', { ...day, table: 'referrals' });
    const [header, first] = parseCsv(referrals.csv.slice(1));
    expect(header![1]).toBe('Name');
    expect(first!.slice(0, 2)).toEqual(['A1', 'José Peña, Ruiz']);
    expect(first![6]).toBe(`'=1+1 "bags", twice`);
    expect(first![7]).toBe('SHARED_PHONE');
    expect(first![8]).toBe('open');
    const audit = app.db
      .prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'report.export' ORDER BY seq")
      .all() as { actor: string; subject: string; details: string }[];
    expect(audit.map((a) => [a.actor, a.subject, JSON.parse(a.details)])).toEqual([
      ['sup', 'manifest:SYS:2026-11-22', { table: 'figures', format: 'csv', rows: 9 }],
      ['sup', 'manifest:SYS:2026-11-22', { table: 'booths', format: 'csv', rows: 1 }],
      ['sup', 'manifest:SYS:2026-11-22', { table: 'referrals', format: 'csv', rows: 1 }],
    ]);
    expect(() => exportCsv(app!, 'sup', { table: 'figures' })).toThrow(/no port yet/);
  });
});
