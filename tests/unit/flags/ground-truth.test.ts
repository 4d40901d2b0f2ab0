// Syncs generated port-days from a real feed server, enrols the photos with real inference,
// runs the rules incrementally at ingest, and measures them against the generator's ground truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlagEngine } from '../../../main/flags/engine';
import { evaluateAgainstTruth, type TruthReport } from '../../../main/flags/ground-truth';
import { OnlineFeedSource } from '../../../main/sync/online-source';
import { FacePool } from '../../../main/face/pool';
import { enrolPhotos } from '../../../main/face/enrol';
import { TemplateRepository } from '../../../main/face/template-repository';
import type { FeedServer } from '../../../main/feed/server';
import type { GeneratedFeed } from '../../../main/feed/generator/index';
import { KEYS, localConsole, serve } from '../../helpers/feed';
import { column } from '../../helpers/sql';

const PORTS = ['SYS', 'ELP', 'BRO'];
const DATES = ['2026-11-21', '2026-11-22'];
let server: FeedServer;
let feed: GeneratedFeed;
const c = localConsole();
let incremental: string[];
let report: TruthReport;

const flagSet = () =>
  column(
    c.db,
    "SELECT rule_id || ' ' || applicant_id || ' ' || match_key AS f FROM flags WHERE status = 'open' ORDER BY f",
  );

beforeAll(async () => {
  ({ server, feed } = await serve({ ports: PORTS, dates: DATES, perPortPerDay: 300, seed: 31 }));
  const engine = new FlagEngine(c.db);
  const src = new OnlineFeedSource(server.url, KEYS);
  // As the app does: flags after each batch, and LOOKOUT_MATCH again when a new list arrives.
  for (const port of PORTS)
    for (const date of DATES) {
      const r = await c.engine.syncDay(src, port, date, {
        onBatchApplied: (b) => engine.updateFor(b.applicantIds),
      });
      if (r.lookoutVersion !== null) engine.recomputeAll(['LOOKOUT_MATCH']);
    }
  // Enrol the submitted photos (real ONNX inference), then the face rules for those applicants.
  const pool = new FacePool({ workers: 2 });
  const repo = new TemplateRepository(c.db);
  const { modelVersion } = await pool.info();
  await enrolPhotos(
    pool,
    repo.pendingPhotos(modelVersion).map((s) => ({ id: s, load: () => c.photos.get(s) })),
    { onResult: (r) => repo.save(r) },
  );
  await pool.close();
  const withPhoto = column(c.db, 'SELECT applicant_id FROM applicants WHERE photo_sha256 IS NOT NULL');
  engine.updateFor(withPhoto, ['FACE_DUPLICATE', 'PHOTO_PROBLEM']);
  incremental = flagSet();
  engine.recomputeAll();
  report = evaluateAgainstTruth(c.db, feed.groundTruth);
  console.log(
    JSON.stringify(
      report.byRule.map(
        (r) =>
          `${r.ruleId}: recall ${r.found}/${r.planted}, precision ${r.precision === null ? 'n/a' : r.precision.toFixed(3)} (${r.truePositives}/${r.flagged})`,
      ),
      null,
      1,
    ),
  );
}, 180_000);
afterAll(() => server.close());

describe('flags against the ground truth', () => {
  it('finds every planted pattern', () => {
    expect(report.missed).toEqual([]);
    for (const r of report.byRule.filter((x) => x.planted > 0)) expect(r.recall, r.ruleId).toBe(1);
    expect(
      report.byRule
        .filter((r) => r.planted > 0)
        .map((r) => r.ruleId)
        .sort(),
    ).toEqual(
      [
        'DOCUMENT_DUPLICATE',
        'FACE_DUPLICATE',
        'IDENTITY_DUPLICATE',
        'LOOKOUT_MATCH',
        'SHARED_ADDRESS',
        'SHARED_DEVICE',
        'SHARED_EMAIL',
        'SHARED_PHONE',
      ].sort(),
    );
  });

  it('flags nothing else on these rules (precision 1 on synthetic data), and no decoy', () => {
    for (const r of report.byRule.filter((x) => x.ruleId !== 'PHOTO_PROBLEM'))
      expect(r.precision, r.ruleId).toBe(1);
    expect(report.decoysFlagged).toEqual([]);
  });

  it('address variants of one home form one flag key; the home across ports and days', () => {
    const big = feed.groundTruth.patterns.find((p) => p.id === 'addr-big')!;
    const keys = c.db
      .prepare(
        `SELECT DISTINCT match_key AS k FROM flags WHERE rule_id = 'SHARED_ADDRESS' AND applicant_id IN (${big.applicantIds.map(() => '?').join(',')})`,
      )
      .all(...big.applicantIds);
    expect(keys).toHaveLength(1);
    const typed = c.db
      .prepare(
        `SELECT COUNT(DISTINCT addr_line1 || coalesce(addr_line2, '') || addr_zip) AS n, COUNT(DISTINCT port || service_date) AS d FROM applicants WHERE applicant_id IN (${big.applicantIds.map(() => '?').join(',')})`,
      )
      .get(...big.applicantIds) as { n: number; d: number };
    expect(typed.n).toBeGreaterThan(5);
    expect(typed.d).toBe(PORTS.length * DATES.length);
  });

  it('incremental flags at ingest equal a full recompute', () => {
    expect(incremental).toEqual(flagSet());
  });

  it('every flag explains itself with evidence', () => {
    const rows = c.db
      .prepare("SELECT rule_id, evidence, explanation FROM flags WHERE status = 'open'")
      .all() as { rule_id: string; evidence: string; explanation: string }[];
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(r.explanation.length).toBeGreaterThan(40);
      const e = JSON.parse(r.evidence) as { summary: string; others: unknown[] };
      expect(e.summary.length).toBeGreaterThan(10);
      if (!['LOOKOUT_MATCH', 'PHOTO_PROBLEM'].includes(r.rule_id)) expect(e.others.length).toBeGreaterThan(0);
    }
  });
});
