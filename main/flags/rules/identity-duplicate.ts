// Runs in: main process and CLI.
// IDENTITY_DUPLICATE: one person (same date of birth, names alike after spelling and
// transliteration are normalised) in more than one appointment.
// DOCUMENT_DUPLICATE: one travel document number under different names.
import type { FlagCandidate, Rule, RuleContext } from './rule';
import { displayName, evidenceOf, peopleByIds, peopleWhere, type Person } from './people';
import { jaroWinkler } from '../normalize/name';

/** Same number of name words, each alike (Jaro–Winkler over spelling skeletons). */
export function sameName(a: Person, b: Person, min: number): number {
  const ta = (a.name_tokens ?? '').split(' ');
  const tb = (b.name_tokens ?? '').split(' ');
  if (ta.length !== tb.length || !ta[0]) return 0;
  let worst = 1;
  for (let i = 0; i < ta.length; i++) {
    worst = Math.min(worst, jaroWinkler(ta[i]!, tb[i]!));
    if (worst < min) return worst;
  }
  return worst;
}

const blockOf = (p: Person) => `${p.dob}|${(p.surname_tokens ?? '').charAt(0)}`;

function identityFlags(ctx: RuleContext, block: Person[], key: string): FlagCandidate[] {
  const min = ctx.config.identityNameMinSimilarity;
  const out: FlagCandidate[] = [];
  for (const p of block) {
    const matches = block.filter((o) => o.applicant_id !== p.applicant_id && sameName(p, o, min) >= min);
    if (!matches.length) continue;
    out.push({
      applicantId: p.applicant_id,
      ruleId: 'IDENTITY_DUPLICATE',
      ruleVersion: 1,
      key,
      severity: 'medium',
      evidence: {
        summary: `${matches.length + 1} appointments for one person born ${p.dob}`,
        others: matches.slice(0, ctx.config.evidenceLimit).map((o) => evidenceOf(o, `${displayName(o)}, born ${o.dob}`)),
        othersTotal: matches.length,
      },
      explanation: `${displayName(p)}, born ${p.dob}, also appears as ${matches.map((o) => `"${displayName(o)}" (${o.port} ${o.service_date})`).join(', ')}: the same person booked more than once, or two people with near-identical names and the same birth date.`,
    });
  }
  return out;
}

export const IDENTITY_DUPLICATE: Rule = {
  id: 'IDENTITY_DUPLICATE',
  version: 1,
  description: 'Flags one person (same date of birth; every name word alike after accents, spelling and transliteration variants are normalised, Jaro–Winkler ≥ 0.9) in more than one appointment.',
  all(ctx) {
    const people = peopleWhere(ctx.db, `dob IN (SELECT dob FROM applicants GROUP BY dob HAVING COUNT(*) > 1)`);
    const blocks = new Map<string, Person[]>();
    for (const p of people) {
      const k = blockOf(p);
      const b = blocks.get(k);
      if (b) b.push(p);
      else blocks.set(k, [p]);
    }
    return [...blocks].filter(([, b]) => b.length > 1).flatMap(([k, b]) => identityFlags(ctx, b, k));
  },
  affected(ctx, applicantIds) {
    const keys = [...new Set(peopleByIds(ctx.db, applicantIds).map(blockOf))];
    const candidates = keys.flatMap((k) => {
      const [dob, initial] = k.split('|');
      const block = peopleWhere(ctx.db, `dob = ? AND substr(coalesce(surname_tokens, ''), 1, 1) = ?`, dob, initial ?? '');
      return identityFlags(ctx, block, k);
    });
    return { scope: { keys }, candidates };
  },
};

function documentFlags(ctx: RuleContext, key: string, holders: Person[]): FlagCandidate[] {
  const min = ctx.config.identityNameMinSimilarity;
  return holders.flatMap((p) => {
    const others = holders.filter((o) => o.applicant_id !== p.applicant_id && sameName(p, o, min) < min);
    if (!others.length) return [];
    return [
      {
        applicantId: p.applicant_id,
        ruleId: 'DOCUMENT_DUPLICATE',
        ruleVersion: 1,
        key,
        severity: 'high' as const,
        evidence: {
          summary: `document ${p.doc_issuer} ${p.doc_number} given under ${others.length + 1} different names`,
          document: key,
          others: others.slice(0, ctx.config.evidenceLimit).map((o) => evidenceOf(o, `${o.doc_issuer} ${o.doc_number}`)),
          othersTotal: others.length,
        },
        explanation: `The travel document ${p.doc_issuer} ${p.doc_number} of ${displayName(p)} was also given by ${others.map((o) => `"${displayName(o)}" (${o.port} ${o.service_date})`).join(', ')}. Check the document in hand.`,
      },
    ];
  });
}

export const DOCUMENT_DUPLICATE: Rule = {
  id: 'DOCUMENT_DUPLICATE',
  version: 1,
  description: 'Flags a travel document number (with its issuer) given under different names.',
  all(ctx) {
    const keys = ctx.db.prepare<[], { k: string }>('SELECT doc_key AS k FROM applicants WHERE doc_key IS NOT NULL GROUP BY doc_key HAVING COUNT(*) > 1').all();
    return keys.flatMap(({ k }) => documentFlags(ctx, k, peopleWhere(ctx.db, 'doc_key = ?', k)));
  },
  affected(ctx, applicantIds) {
    const keys = [...new Set(peopleByIds(ctx.db, applicantIds).map((p) => p.doc_key).filter((k): k is string => Boolean(k)))];
    return { scope: { keys }, candidates: keys.flatMap((k) => documentFlags(ctx, k, peopleWhere(ctx.db, 'doc_key = ?', k))) };
  },
};
