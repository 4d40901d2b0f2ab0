// Runs in: CLI and tests. Measures the rules against the synthetic generator's ground truth:
// recall per planted pattern kind, precision per rule, and whether any decoy was flagged.
import type { Db } from '../db/database';
import type { GroundTruth, PatternKind } from '../feed/generator/index';

export const RULE_FOR: Record<PatternKind, string> = {
  shared_address: 'SHARED_ADDRESS',
  shared_phone: 'SHARED_PHONE',
  shared_email: 'SHARED_EMAIL',
  shared_device: 'SHARED_DEVICE',
  face_duplicate: 'FACE_DUPLICATE',
  identity_duplicate: 'IDENTITY_DUPLICATE',
  document_duplicate: 'DOCUMENT_DUPLICATE',
  lookout_match: 'LOOKOUT_MATCH',
};

export interface TruthReport {
  byRule: Array<{
    ruleId: string;
    planted: number;
    found: number;
    recall: number;
    flagged: number;
    truePositives: number;
    precision: number | null;
  }>;
  missed: Array<{ pattern: string; ruleId: string; applicantIds: string[] }>;
  decoysFlagged: Array<{ decoy: string; applicantIds: string[] }>;
}

export function evaluateAgainstTruth(db: Db, truth: GroundTruth): TruthReport {
  const flagged = new Map<string, Set<string>>();
  const flaggedKeys = new Set<string>();
  for (const r of db
    .prepare<[], { rule_id: string; applicant_id: string; match_key: string }>(
      "SELECT rule_id, applicant_id, match_key FROM flags WHERE status = 'open'",
    )
    .all()) {
    const s = flagged.get(r.rule_id) ?? new Set<string>();
    s.add(r.applicant_id);
    flagged.set(r.rule_id, s);
    flaggedKeys.add(`${r.rule_id} ${r.applicant_id} ${r.match_key}`);
  }
  const planted = new Map<string, Set<string>>();
  const missed: TruthReport['missed'] = [];
  const patternCount = new Map<string, { planted: number; found: number }>();
  // Only applicants still in the database count (a test may sync a subset of port-days).
  const present = new Set(
    db
      .prepare<[], { a: string }>('SELECT applicant_id AS a FROM applicants')
      .all()
      .map((r) => r.a),
  );
  for (const p of truth.patterns) {
    const ruleId = RULE_FOR[p.kind];
    const ids = p.applicantIds.filter((id) => present.has(id));
    if (ids.length < (p.kind === 'lookout_match' ? 1 : 2)) continue;
    const set = planted.get(ruleId) ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    planted.set(ruleId, set);
    const c = patternCount.get(ruleId) ?? { planted: 0, found: 0 };
    c.planted++;
    const hit = flagged.get(ruleId);
    const notFound = ids.filter((id) => !hit?.has(id));
    if (notFound.length === 0) c.found++;
    else missed.push({ pattern: p.id, ruleId, applicantIds: notFound });
    patternCount.set(ruleId, c);
  }
  const rules = [...new Set([...patternCount.keys(), ...flagged.keys()])].sort();
  const byRule = rules.map((ruleId) => {
    const c = patternCount.get(ruleId) ?? { planted: 0, found: 0 };
    const f = flagged.get(ruleId) ?? new Set<string>();
    const truthSet = planted.get(ruleId) ?? new Set<string>();
    const tp = [...f].filter((id) => truthSet.has(id)).length;
    // Precision is only measurable for rules whose patterns were planted.
    return {
      ruleId,
      planted: c.planted,
      found: c.found,
      recall: c.planted ? c.found / c.planted : 1,
      flagged: f.size,
      truePositives: tp,
      precision: f.size && c.planted ? tp / f.size : null,
    };
  });
  const decoysFlagged = truth.decoys
    .map((d) => {
      // A near miss must not match ITS entry; a decoy building or street must not be flagged at all.
      if (d.kind === 'lookout_near_miss')
        return {
          decoy: d.id,
          applicantIds: d.applicantIds.filter((id) => flaggedKeys.has(`LOOKOUT_MATCH ${id} ${d.key}`)),
        };
      return {
        decoy: d.id,
        applicantIds: d.applicantIds.filter((id) => flagged.get('SHARED_ADDRESS')?.has(id)),
      };
    })
    .filter((d) => d.applicantIds.length > 0);
  return { byRule, missed, decoysFlagged };
}
