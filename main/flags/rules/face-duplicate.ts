// Runs in: main process and CLI.
// FACE_DUPLICATE: submitted photos of different identities whose faces match above a high
// threshold (default 0.6, far above the impostor scores measured for the model).
// PHOTO_PROBLEM: a submitted photo the face engine could not use as a reference.
import type { FlagCandidate, Rule, RuleContext } from './rule';
import { displayName, evidenceOf, peopleByIds, peopleWhere, spanOf, spanText, type Person } from './people';
import { TemplateIndex } from '../../face/search';
import { fromBlob } from '../../face/template-repository';
import { sameName } from './identity-duplicate';

function currentModel(ctx: RuleContext): string | null {
  if (ctx.modelVersion) return ctx.modelVersion;
  const r = ctx.db
    .prepare(
      'SELECT model_version AS m FROM face_templates GROUP BY model_version ORDER BY MAX(computed_at) DESC LIMIT 1',
    )
    .get() as { m: string } | undefined;
  return r?.m ?? null;
}

function index(ctx: RuleContext, model: string): { idx: TemplateIndex; bySha: Map<string, Float32Array> } {
  const rows = ctx.db
    .prepare<[string], { s: string; e: Buffer }>(
      'SELECT photo_sha256 AS s, embedding AS e FROM face_templates WHERE model_version = ? AND embedding IS NOT NULL',
    )
    .all(model);
  const idx = new TemplateIndex(Math.max(16, rows.length));
  const bySha = new Map<string, Float32Array>();
  for (const r of rows) {
    const e = fromBlob(r.e);
    idx.add(r.s, e);
    bySha.set(r.s, e);
  }
  return { idx, bySha };
}

/** Different identities = not the same name and birth date (the same person re-booking is IDENTITY_DUPLICATE). */
function differentIdentity(a: Person, b: Person, ctx: RuleContext): boolean {
  return (
    a.dob !== b.dob ||
    sameName(a, b, ctx.config.identityNameMinSimilarity) < ctx.config.identityNameMinSimilarity
  );
}

function faceFlags(
  ctx: RuleContext,
  people: Person[],
  model: string,
): { candidates: FlagCandidate[]; involved: string[] } {
  const { idx, bySha } = index(ctx, model);
  const min = ctx.config.faceDuplicateMinScore;
  const candidates: FlagCandidate[] = [];
  const involved = new Set<string>();
  for (const p of people) {
    const emb = p.photo_sha256 ? bySha.get(p.photo_sha256) : undefined;
    if (!emb) continue;
    const hits = idx.search(emb, 10, min);
    const others = peopleWhere(
      ctx.db,
      `photo_sha256 IN (${hits.map(() => '?').join(',') || "''"})`,
      ...hits.map((h) => h.id),
    ).filter((o) => o.applicant_id !== p.applicant_id && differentIdentity(p, o, ctx));
    if (!others.length) continue;
    const score = (o: Person) => hits.find((h) => h.id === o.photo_sha256)?.score ?? 1;
    involved.add(p.applicant_id);
    others.forEach((o) => involved.add(o.applicant_id));
    candidates.push({
      applicantId: p.applicant_id,
      ruleId: 'FACE_DUPLICATE',
      ruleVersion: 1,
      key: `face:${p.photo_sha256}`,
      severity: 'high',
      evidence: {
        summary: `the submitted face matches ${others.length} other identit${others.length === 1 ? 'y' : 'ies'} ${spanText(spanOf([p, ...others]))}`,
        span: spanOf([p, ...others]),
        modelVersion: model,
        threshold: min,
        others: others
          .slice(0, ctx.config.evidenceLimit)
          .map((o) => evidenceOf(o, `face similarity ${score(o).toFixed(2)}`)),
        othersTotal: others.length,
      },
      explanation: `The face in ${displayName(p)}'s submitted photo matches the photo of ${others.map((o) => `"${displayName(o)}" born ${o.dob} (${o.port} ${o.service_date}, similarity ${score(o).toFixed(2)})`).join(', ')}, above the ${min} threshold for model ${model}; ${others.length + 1} identities ${spanText(spanOf([p, ...others]))}. One person may be using two identities; compare both photos with the person.`,
    });
  }
  return { candidates, involved: [...involved] };
}

export const FACE_DUPLICATE: Rule = {
  id: 'FACE_DUPLICATE',
  version: 1,
  description:
    'Flags different identities (different name or date of birth) whose submitted photos match above a high threshold (default 0.6 cosine) with the current face model.',
  all(ctx) {
    const model = currentModel(ctx);
    if (!model) return [];
    return faceFlags(
      ctx,
      peopleWhere(
        ctx.db,
        'photo_sha256 IN (SELECT photo_sha256 FROM face_templates WHERE model_version = ? AND embedding IS NOT NULL)',
        model,
      ),
      model,
    ).candidates;
  },
  affected(ctx, applicantIds) {
    const model = currentModel(ctx);
    if (!model) return { scope: { applicantIds }, candidates: [] };
    const first = faceFlags(ctx, peopleByIds(ctx.db, applicantIds), model);
    // The people they match get (or lose) a flag too.
    const ids = [...new Set([...applicantIds, ...first.involved])];
    return {
      scope: { applicantIds: ids },
      candidates: faceFlags(ctx, peopleByIds(ctx.db, ids), model).candidates,
    };
  },
};

function photoFlags(ctx: RuleContext, where: string, ...params: unknown[]): FlagCandidate[] {
  const model = currentModel(ctx);
  if (!model) return [];
  const rows = ctx.db
    .prepare<
      unknown[],
      {
        applicant_id: string;
        given_names: string;
        family_names: string;
        photo_sha256: string;
        quality_ok: number;
        quality_reasons: string;
        liveness: number | null;
        liveness_suspect: number;
        unusable_reason: string | null;
      }
    >(
      `SELECT a.applicant_id, a.given_names, a.family_names, a.photo_sha256, t.quality_ok, t.quality_reasons, t.liveness, t.liveness_suspect, t.unusable_reason
       FROM applicants a JOIN face_templates t ON t.photo_sha256 = a.photo_sha256 AND t.model_version = ?
       WHERE (t.unusable_reason IS NOT NULL OR t.quality_ok = 0 OR t.liveness_suspect = 1) AND ${where}`,
    )
    .all(model, ...params);
  return rows.map((r) => {
    const reasons = (JSON.parse(r.quality_reasons) as Array<{ message: string }>).map((x) => x.message);
    const problems = [
      r.unusable_reason,
      ...reasons,
      r.liveness_suspect
        ? `the liveness check scored it ${r.liveness?.toFixed(2)} (advisory; often wrong)`
        : null,
    ].filter((x): x is string => Boolean(x));
    const unusable = r.unusable_reason !== null;
    return {
      applicantId: r.applicant_id,
      ruleId: 'PHOTO_PROBLEM',
      ruleVersion: 1,
      key: `photo:${r.photo_sha256}`,
      severity: unusable ? ('medium' as const) : ('low' as const),
      evidence: {
        summary: problems.join('; '),
        problems,
        unusable,
        liveness: r.liveness,
        modelVersion: model,
        others: [],
        othersTotal: 0,
      },
      explanation: `The photo ${r.given_names} ${r.family_names} submitted when booking ${unusable ? 'cannot be used for face verification' : 'is of poor quality'}: ${problems.join('; ')}. ${unusable ? 'Verify identity with the travel document.' : 'A live comparison may be less reliable.'}`,
    };
  });
}

export const PHOTO_PROBLEM: Rule = {
  id: 'PHOTO_PROBLEM',
  version: 1,
  description:
    'Flags submitted photos the face engine could not use (no face, several faces), of poor quality, or that the (advisory) liveness check scored as suspect.',
  all: (ctx) => photoFlags(ctx, '1 = 1'),
  affected(ctx, applicantIds) {
    const candidates: FlagCandidate[] = [];
    for (let i = 0; i < applicantIds.length; i += 500) {
      const chunk = applicantIds.slice(i, i + 500);
      candidates.push(...photoFlags(ctx, `a.applicant_id IN (${chunk.map(() => '?').join(',')})`, ...chunk));
    }
    return { scope: { applicantIds }, candidates };
  },
};
