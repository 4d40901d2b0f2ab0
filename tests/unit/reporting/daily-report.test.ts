// Runs in: vitest (Node, real SQLite file, real pdfkit output read back with unpdf). The daily
// report of a port-day as PDF: the port-day, every figure, the hours, booths and officers, the
// verification outcomes and the referral list with its sign-off are in its text; names in any
// script are set in an embedded font (or, with none on the machine, reduced to what the built-in
// font shows); the export is audited. `arrivals report daily` writes the same file, whole, and
// keeps an existing one.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { extractText } from 'unpdf';
import type { AppContext } from '../../../main/app-context';
import { EncounterRepository } from '../../../main/encounter/encounter-repository';
import { dailyReportPdf } from '../../../main/reporting/daily-report-pdf';
import { arrivalsDashboard } from '../../../main/reporting/dashboard';
import { registerReportCommands } from '../../../main/reporting/cli';
import { signOffReferral } from '../../../main/reporting/referrals';
import { BUILT_IN, reportFont, toWinAnsi } from '../../../main/reporting/report-font';
import { applicant } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
import { seedPortDay } from '../../helpers/port-day';
import { tempDir } from '../../helpers/temp-dir';

let app: AppContext | undefined;
afterEach(() => app?.close());

const DAY = '2026-11-22';
const NAMES: Record<number, [string, string]> = {
  0: ['José', 'Núñez Ibáñez'],
  1: ['Łucja Zoë', 'Wąsowska-Đorđević'],
};

/** 30 applicants at SYS; 12 decided at two booths by three officers, two of them referred (the two named above). */
function seed(a: AppContext): void {
  seedPortDay(
    a.db,
    'SYS',
    DAY,
    Array.from({ length: 30 }, (_, i) =>
      applicant(i, {
        photo: null,
        ...(NAMES[i] && { givenNames: NAMES[i][0], familyNames: NAMES[i][1] }),
      }),
    ),
  );
  const enc = new EncounterRepository(a.db);
  const verify = a.db.prepare(
    `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold,
       inconclusive_threshold, liveness, quality_reasons, model_version, total_ms)
     VALUES (?, 'ofc1', ?, 'c', ?, 0.5, 0.47, 0.37, 0.9, '[]', 'm1', 20)`,
  );
  for (let i = 0; i < 12; i++) {
    const arrived = Date.parse(`${DAY}T15:00:00Z`) + i * 600_000;
    verify.run(`A${i}`, new Date(arrived).toISOString(), i % 3 ? 'MATCH' : 'INCONCLUSIVE');
    enc.insert({
      client_id: `E${i}`,
      applicant_id: `A${i}`,
      appointment_id: `AP${i}`,
      officer: `ofc${i % 3}`,
      booth: `Booth ${i % 2}`,
      arrived_at: new Date(arrived).toISOString(),
      completed_at: new Date(arrived + (4 + i) * 60_000).toISOString(),
      disposition: i < 2 ? 'referred_secondary' : 'processed',
      note: i < 2 ? `Goods to declare, case ${i}` : '',
      verification_id: null,
      manual_check_id: null,
      flags_acknowledged: '[]',
      supersedes: null,
    });
  }
  signOffReferral(a, 'sup', { encounterId: 'E0', outcome: 'admitted', note: 'Cleared at secondary' });
}

/** The PDF's text on one line (a name wrapped after its hyphen read whole again). */
const text = async (bytes: Buffer) =>
  (await extractText(new Uint8Array(bytes), { mergePages: true })).text
    .replace(/\s+/g, ' ')
    .replace(/- /g, '-');

describe('the daily report PDF', () => {
  it("holds the port-day's figures, hours, booths, verification and referrals as text, audited", async () => {
    app = testApp();
    seed(app);
    const now = new Date(`${DAY}T23:00:00Z`);
    const r = await dailyReportPdf(app, 'sup', { port: 'SYS', date: DAY }, { now });
    expect(r.filename).toBe(`SYS-${DAY}-daily-report.pdf`);
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const t = await text(r.bytes);
    expect(t).toContain(`Daily report: San Ysidro (SYS), ${DAY}`);
    const d = arrivalsDashboard(app, { port: 'SYS', date: DAY }, now);
    // Every figure tile, its label then its number.
    for (const [label, n] of [
      ['Scheduled', d.figures.scheduled],
      ['Arrived', d.figures.arrived],
      ['Completed', d.figures.completed],
      ['Processed', d.figures.processed],
      ['Referred to secondary', d.figures.referred],
      ['Identity not confirmed', d.figures.identityNotConfirmed],
      ['No-show', d.figures.noShow],
      ['Still to come', d.figures.stillToCome],
      ['Open referrals', d.openReferrals],
    ] as const)
      expect(t, label).toMatch(new RegExp(`${label} ${n}\\b`));
    expect(d.figures).toMatchObject({ scheduled: 30, completed: 12, referred: 2, stillToCome: 18 });
    // The hours on the chart's axis (07:00 to 09:00 at San Ysidro), booths and officers with their cases.
    for (const h of d.perHour) expect(t).toContain(h.hour);
    for (const b of d.booths) expect(t).toContain(`${b.key} ${b.cases} ${b.medianMinutes} ${b.p90Minutes}`);
    for (const o of d.officers) expect(t).toContain(`${o.key} ${o.cases}`);
    expect(t).toContain('Face comparisons: 12 for 12 applicants. MATCH 67 % (8), INCONCLUSIVE 33 % (4)');
    // 12 applicants, all alike in every group field: each group shown, none suppressed.
    expect(t).toContain('Sex: female 12 12 67 %');
    // The referral list, by name, with the officer's note and the sign-off.
    expect(t).toContain('Referrals to secondary inspection (2, 1 open)');
    expect(t).toContain('José Núñez Ibáñez');
    expect(t).toContain('Goods to declare, case 0');
    expect(t).toContain('Admitted · sup');
    expect(t).toContain('Cleared at secondary');
    // Any script: Noto Sans ships with the app (@expo-google-fonts/noto-sans) and is embedded.
    expect(r.font.source).toContain('@expo-google-fonts/noto-sans');
    expect(t).toContain('Łucja Zoë Wąsowska-Đorđević');
    expect(t).toContain(`SYS · ${DAY} · Arrivals Console daily report · page 1 of ${r.pages}`);
    const entry = app.db
      .prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'report.export'")
      .get() as { actor: string; subject: string; details: string };
    expect(entry).toMatchObject({ actor: 'sup', subject: `manifest:SYS:${DAY}` });
    expect(JSON.parse(entry.details)).toMatchObject({
      format: 'pdf',
      pages: r.pages,
      referrals: 2,
      applicants: ['A0', 'A1'],
    });
  });

  it('without an embedded font, sets names in the built-in one, each letter it lacks reduced, and says so', async () => {
    expect(toWinAnsi('José Núñez')).toBe('José Núñez');
    expect(toWinAnsi('Łucja Wąsowska-Đorđević')).toBe('Lucja Wasowska-Dordevic');
    expect(toWinAnsi('Ελένη 李')).toBe('????? ?');
    // The package comes first, whatever the system has.
    expect(reportFont([]).source).toContain('@expo-google-fonts/noto-sans');
    app = testApp();
    seed(app);
    const r = await dailyReportPdf(app, 'sup', { port: 'SYS', date: DAY }, { font: BUILT_IN });
    const t = await text(r.bytes);
    expect(t).toContain('José Núñez Ibáñez');
    expect(t).toContain('Lucja Zoë Wasowska-Dordevic');
    expect(t).toContain('Names are shown without the letters the built-in PDF font lacks');
  });

  it('is refused without a port, and for an unknown one', async () => {
    app = testApp();
    await expect(dailyReportPdf(app, 'sup', {})).rejects.toThrow(/no port yet/);
    await expect(dailyReportPdf(app, 'sup', { port: 'XXX' })).rejects.toThrow(/Unknown port XXX/);
  });
});

describe('arrivals report daily', () => {
  const run = async (a: AppContext, args: string[]) => {
    const program = new Command().exitOverride();
    registerReportCommands(program, (fn) => Promise.resolve(fn(a)));
    await program.parseAsync(['node', 'arrivals', 'report', 'daily', ...args]);
  };

  it('writes the PDF to the chosen file, keeps an existing one unless --force, and refuses bad input', async () => {
    app = testApp();
    seed(app);
    const out = path.join(tempDir(), 'SYS day.pdf');
    await run(app, ['--port', 'SYS', '--date', DAY, '--out', out]);
    const first = fs.readFileSync(out);
    expect(await text(first)).toContain(`Daily report: San Ysidro (SYS), ${DAY}`);
    await expect(run(app, ['--port', 'SYS', '--date', DAY, '--out', out])).rejects.toThrow(/exists/);
    expect(fs.readFileSync(out).equals(first)).toBe(true);
    await run(app, ['--port', 'SYS', '--date', DAY, '--out', out, '--force']);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['SYS day.pdf']);
    await expect(run(app, ['--port', 'sys', '--date', DAY, '--out', `${out}2`])).rejects.toThrow(
      /three capital letters/,
    );
    await expect(run(app, ['--port', 'SYS', '--date', '22/11/2026', '--out', `${out}2`])).rejects.toThrow(
      /YYYY-MM-DD/,
    );
    expect(fs.existsSync(`${out}2`)).toBe(false);
    const actors = app.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'report.export'")
      .pluck()
      .all() as string[];
    expect(actors).toEqual(['cli', 'cli']);
  });
});
