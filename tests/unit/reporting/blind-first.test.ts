// Runs in: vitest (Node, real SQLite file). The supervisor's blind-first comparison over a day of
// verifications at San Ysidro (blind and not, judged and waiting, another day's among them): every
// count equals one worked out here from the list of what was inserted, not by the service's SQL;
// the disagreements name the person, newest first; the read is in the audit log with whose they were.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { blindFirst } from '../../../main/reporting/blind-first';
import { applicant } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
import { seedPortDay } from '../../helpers/port-day';

let app: AppContext | undefined;
afterEach(() => app?.close());

const DAY = '2026-11-22';
type Band = 'MATCH' | 'INCONCLUSIVE' | 'NO_MATCH' | null;
type Judgement = 'same' | 'different' | 'unsure' | null;
interface Made {
  applicant: string;
  officer: string;
  at: string;
  band: Band;
  score: number | null;
  blind: 0 | 1;
  judgement: Judgement;
}

function seeded(): { app: AppContext; made: Made[] } {
  const a = testApp();
  a.demo = { port: 'SYS', feedUrl: '', publisherKeys: {} };
  seedPortDay(
    a.db,
    'SYS',
    DAY,
    [1, 2, 3, 4, 5, 6].map((i) => applicant(i)),
  );
  seedPortDay(
    a.db,
    'SYS',
    '2026-11-21',
    [7].map((i) => applicant(i)),
  );
  const insert = a.db.prepare(
    `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold,
       inconclusive_threshold, liveness, quality_reasons, model_version, total_ms, blind, judgement, judged_at)
     VALUES (@applicant, @officer, @at, 'c', @band, @score, 0.47, 0.37, 0.9, '[]', 'm1', 20, @blind, @judgement, @judgedAt)`,
  );
  const bands: Band[] = ['MATCH', 'NO_MATCH', 'INCONCLUSIVE', null];
  const judgements: Judgement[] = ['same', 'different', 'unsure', null];
  const made: Made[] = [];
  let n = 0;
  for (const i of [1, 2, 3, 4, 5, 6, 7])
    for (const band of bands)
      for (const judgement of judgements) {
        n++;
        const blind = (i + n) % 5 === 0 ? 0 : 1; // some made with the score shown
        const v: Made = {
          applicant: `A${i}`,
          officer: i % 2 ? 'ofc1' : 'ofc2',
          at: new Date(Date.parse(`${DAY}T16:00:00Z`) + n * 60_000).toISOString(),
          band,
          score: band === null ? null : 0.1 * (n % 10),
          blind,
          judgement: blind ? judgement : null,
        };
        made.push(v);
        insert.run({ ...v, judgedAt: v.judgement ? v.at : null });
      }
  return { app: a, made };
}

const agreed = (v: Made) =>
  (v.judgement === 'same' && v.band === 'MATCH') || (v.judgement === 'different' && v.band === 'NO_MATCH');
const disagreed = (v: Made) =>
  (v.judgement === 'same' && v.band === 'NO_MATCH') || (v.judgement === 'different' && v.band === 'MATCH');

describe('blind-first comparison', () => {
  it("counts the day's judgements against the bands, per officer, and lists the disagreements", () => {
    const s = seeded();
    app = s.app;
    const day = s.made.filter((v) => v.applicant !== 'A7' && v.blind === 1);
    const judged = day.filter((v) => v.judgement !== null);
    const view = blindFirst(app, 'sup', { date: DAY });

    expect(view).toMatchObject({ port: 'SYS', serviceDate: DAY, pending: day.length - judged.length });
    const cell = (j: Judgement, b: Band) => judged.filter((v) => v.judgement === j && v.band === b).length;
    expect(view.cells.reduce((sum, c) => sum + c.count, 0)).toBe(judged.length);
    for (const c of view.cells) expect(c.count, `${c.judgement} × ${c.band}`).toBe(cell(c.judgement, c.band));
    for (const officer of ['ofc1', 'ofc2']) {
      const mine = judged.filter((v) => v.officer === officer);
      expect(view.officers.find((o) => o.officer === officer)).toEqual({
        officer,
        judged: mine.length,
        agreed: mine.filter(agreed).length,
        disagreed: mine.filter(disagreed).length,
        unsure: mine.filter((v) => v.judgement === 'unsure').length,
      });
    }
    const expected = judged.filter(disagreed).sort((x, y) => y.at.localeCompare(x.at));
    expect(view.disagreements.map((d) => [d.applicantId, d.at, d.judgement, d.band])).toEqual(
      expected.map((v) => [v.applicant, v.at, v.judgement, v.band]),
    );
    expect(view.disagreements[0]!.name).toBe(
      `Given${expected[0]!.applicant.slice(1)} Family${expected[0]!.applicant.slice(1)}`,
    );

    const audit = app.db
      .prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'blind_first.view'")
      .all() as Array<{ actor: string; subject: string; details: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'sup', subject: `manifest:SYS:${DAY}` });
    expect(JSON.parse(audit[0]!.details)).toEqual({
      disagreements: expected.length,
      applicants: [...new Set(expected.map((v) => v.applicant))],
    });
  });

  it('is empty for a day without blind comparisons', () => {
    const s = seeded();
    app = s.app;
    expect(blindFirst(app, 'sup', { date: '2026-11-20' })).toEqual({
      port: 'SYS',
      serviceDate: '2026-11-20',
      cells: [],
      officers: [],
      pending: 0,
      disagreements: [],
    });
  });
});
