// Runs in: vitest (Node, real SQLite file). Flags over a generated vetting window (all eight
// ports, 40 days, the cross-port patterns and the usual ones planted, amendments included),
// computed batch by batch as a console does: every flag, evidence and explanation included, is
// what a full recompute of the same database finds, nothing is cleared that should be open, and
// the cross-port patterns are on today's SYS applicants with the other ports' evidence.
import { beforeAll, describe, expect, it } from 'vitest';
import { FlagEngine } from '../../../main/flags/engine';
import { RULES } from '../../../main/flags/rules/index';
import { generateFeed, type GeneratedFeed, type PortDay } from '../../../main/feed/generator/index';
import { batchesOf } from '../../../main/feed/publish';
import type { Batch, FeedRecord } from '../../../main/feed/schema';
import { ManifestRepository } from '../../../main/sync/manifest-repository';
import { LookoutRepository } from '../../../main/sync/lookout-repository';
import { localConsole } from '../../helpers/feed';
import { OWN, windowDates } from '../../helpers/window-feed';
import { PORTS } from '../../../main/domain/ports';

const c = localConsole();
const engine = new FlagEngine(c.db);
let feed: GeneratedFeed;
let incremental: FlagContent[];
let batches = 0;

interface FlagContent {
  applicant_id: string;
  rule_id: string;
  rule_version: number;
  match_key: string;
  severity: string;
  evidence: string;
  explanation: string;
  status: string;
}

/** Every flag as stored, open and cleared, without the row id and the time it was computed. */
const flags = () =>
  c.db
    .prepare(
      `SELECT applicant_id, rule_id, rule_version, match_key, severity, evidence, explanation, status FROM flags
       ORDER BY rule_id, applicant_id, match_key`,
    )
    .all() as FlagContent[];

beforeAll(async () => {
  const { today, dates } = windowDates();
  feed = await generateFeed({
    ports: PORTS.map((p) => p.code),
    dates,
    perPortPerDay: 12,
    seed: 1313,
    photos: false,
    crossPort: { today, port: OWN },
  });
  new LookoutRepository(c.db).replace(feed.lookout, 'test');
  const repo = new ManifestRepository(c.db);
  const header = (day: PortDay, version: number, lastSeq: number) =>
    repo.recordHeader(
      {
        port: day.port,
        serviceDate: day.serviceDate,
        version,
        generatedAt: `${day.serviceDate}T05:00:00Z`,
        lastSeq,
        recordCount: day.records.length + day.amendments.length,
      },
      'test',
    );
  const apply = (b: Batch) => {
    engine.updateFor(repo.applyBatch(b, 'feed').applicantIds);
    batches++;
  };
  // Days in the order the window fills them (today first, then newest first), each day's own
  // amendments (cancellations, reschedules, corrections) as later batches; flags after each batch.
  for (const day of feed.days) {
    const all = batchesOf(day, 20);
    header(day, 1, all.length);
    all.forEach(apply);
  }
  // Then corrections that undo planted patterns, each a new batch of its day once the whole
  // window is in: a booking device's every user gave another one; one of a person's
  // appointments gave another birth date.
  const dayOf = new Map(
    feed.days.flatMap((d) => d.records.flatMap((r) => (r.type === 'applicant' ? [[r.applicantId, d]] : []))),
  );
  const corrections = new Map<PortDay, FeedRecord[]>();
  const correct = (id: string, fields: Extract<FeedRecord, { type: 'correction' }>['fields']) => {
    const d = dayOf.get(id)!;
    corrections.set(d, [...(corrections.get(d) ?? []), { type: 'correction', applicantId: id, fields }]);
  };
  const device = feed.groundTruth.patterns.find((p) => p.kind === 'shared_device')!;
  device.applicantIds.forEach((id, i) => correct(id, { deviceId: `ios-corrected-${i}` }));
  const identity = feed.groundTruth.patterns.find((p) => p.kind === 'identity_duplicate')!;
  correct(identity.applicantIds[0]!, { dob: '1901-01-01' });
  for (const [day, records] of corrections) {
    const seq = repo.appliedSeq(day.port, day.serviceDate) + 1;
    header(day, 2, seq);
    apply({ port: day.port, serviceDate: day.serviceDate, seq, prevSeq: seq - 1, records });
  }
  incremental = flags();
  engine.recomputeAll();
}, 120_000);

describe('incremental flags over a generated vetting window', () => {
  it('are exactly what a full recompute finds: same flags, evidence and explanations, same ones cleared', () => {
    expect(batches).toBeGreaterThan(feed.days.length);
    const open = incremental.filter((f) => f.status === 'open');
    expect(open.length).toBeGreaterThan(100);
    // Every rule but the two about photos (this feed has none).
    const faceRules = ['FACE_DUPLICATE', 'PHOTO_PROBLEM'];
    expect(new Set(open.map((f) => f.rule_id))).toEqual(
      new Set(RULES.map((r) => r.id).filter((id) => !faceRules.includes(id))),
    );
    // The corrections cleared flags along the way (kept, as cleared).
    const cleared = incremental.filter((f) => f.status === 'cleared').map((f) => f.rule_id);
    expect(cleared).toContain('SHARED_DEVICE');
    expect(cleared).toContain('IDENTITY_DUPLICATE');
    expect(flags()).toEqual(incremental);
  });

  it('puts each cross-port pattern on a SYS applicant of today with the other ports in its evidence', () => {
    const { today } = windowDates();
    const spans = new Map<string, string[]>();
    for (const f of incremental.filter((x) => x.status === 'open')) {
      const e = JSON.parse(f.evidence) as { span?: { ports: string[] }; others: Array<{ port: string }> };
      const own = c.db
        .prepare('SELECT port, service_date FROM applicants WHERE applicant_id = ?')
        .get(f.applicant_id) as { port: string; service_date: string };
      if (own.port === OWN && own.service_date === today && e.span && e.span.ports.length > 1)
        spans.set(f.rule_id, e.span.ports);
    }
    expect(spans.get('SHARED_ADDRESS')).toEqual(expect.arrayContaining(['ELP', 'NOG', 'SYS']));
    expect(spans.get('SHARED_PHONE')).toEqual(expect.arrayContaining(['CXL', 'SYS']));
    expect(spans.get('DOCUMENT_DUPLICATE')).toEqual(expect.arrayContaining(['BRO', 'SYS']));
    const listed = feed.groundTruth.patterns.find((p) => p.id === 'xport-lookout')!;
    expect(
      incremental
        .filter((f) => f.rule_id === 'LOOKOUT_MATCH' && f.status === 'open')
        .map((f) => f.applicant_id),
    ).toContain(listed.applicantIds[0]);
  });
});
