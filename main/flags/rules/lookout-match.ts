// Runs in: main process and CLI.
// LOOKOUT_MATCH: an applicant whose name (accents folded, transliteration variants, any word
// order, aliases) and date of birth (exact, or year ± 1 when the list gives only a year) match a
// lookout-list entry. The score and the entry are shown; the officer decides.
import type { FlagCandidate, Rule, RuleContext } from './rule';
import { displayName, evidenceOf, peopleByIds, peopleInTiers, type Person } from './people';
import { nameTokens, tokenMatch } from '../normalize/name';

interface Entry {
  entry_id: string;
  given_names: string;
  family_names: string;
  aliases: string;
  dob: string | null;
  dob_year: number | null;
  reason_code: string;
}

interface PreparedEntry extends Entry {
  variants: Array<{ label: string; tokens: string[] }>;
}

function prepare(e: Entry): PreparedEntry {
  const aliases = JSON.parse(e.aliases) as string[];
  return {
    ...e,
    variants: [
      { label: `${e.given_names} ${e.family_names}`, tokens: nameTokens(e.given_names, e.family_names) },
      ...aliases.map((a) => ({ label: `alias "${a}"`, tokens: nameTokens(a) })),
    ],
  };
}

function entries(ctx: RuleContext): PreparedEntry[] {
  return ctx.db.prepare<[], Entry>('SELECT entry_id, given_names, family_names, aliases, dob, dob_year, reason_code FROM lookout_entries').all().map(prepare);
}

function dobMatches(e: Entry, p: Person, tolerance: number): string | null {
  if (e.dob) return e.dob === p.dob ? 'same date of birth' : null;
  if (e.dob_year !== null) {
    const y = Number(p.dob.slice(0, 4));
    const d = Math.abs(y - e.dob_year);
    return d <= tolerance ? (d === 0 ? 'same year of birth' : `year of birth ${e.dob_year} (±${d})`) : null;
  }
  return null;
}

export function scoreAgainst(e: PreparedEntry, p: Person, ctx: RuleContext): { score: number; label: string; dob: string } | null {
  const dob = dobMatches(e, p, ctx.config.lookoutYearTolerance);
  if (!dob) return null;
  const target = (p.name_tokens ?? '').split(' ');
  let best = { score: 0, label: '' };
  for (const v of e.variants) {
    const m = tokenMatch(v.tokens, target);
    // Every listed word must be found (min), and the whole name closely (mean).
    const score = m.min >= ctx.config.lookoutMinSimilarity - 0.05 ? m.mean : 0;
    if (score > best.score) best = { score, label: v.label };
  }
  return best.score >= ctx.config.lookoutMinSimilarity ? { ...best, dob } : null;
}

function flag(e: PreparedEntry, p: Person, m: { score: number; label: string; dob: string }): FlagCandidate {
  return {
    applicantId: p.applicant_id,
    ruleId: 'LOOKOUT_MATCH',
    ruleVersion: 1,
    key: e.entry_id,
    severity: m.score >= 0.97 && e.dob ? 'high' : 'medium',
    evidence: {
      summary: `lookout entry ${e.entry_id} (${e.reason_code}): ${m.label}, ${m.dob}, name similarity ${m.score.toFixed(2)}`,
      entry: { entryId: e.entry_id, name: `${e.given_names} ${e.family_names}`, aliases: JSON.parse(e.aliases) as string[], dob: e.dob, dobYear: e.dob_year, reasonCode: e.reason_code },
      score: Math.round(m.score * 1000) / 1000,
      others: [evidenceOf(p, `${displayName(p)}, born ${p.dob}`)],
      othersTotal: 0,
    },
    explanation: `${displayName(p)} (born ${p.dob}) resembles lookout entry ${e.entry_id} "${e.given_names} ${e.family_names}"${e.dob ? `, born ${e.dob}` : e.dob_year ? `, born ${e.dob_year}` : ''}, reason ${e.reason_code}: matched on ${m.label} with name similarity ${m.score.toFixed(2)} and ${m.dob}. A name match is not an identification: confirm with the document and the person.`,
  };
}

export const LOOKOUT_MATCH: Rule = {
  id: 'LOOKOUT_MATCH',
  version: 1,
  description:
    'Flags applicants who resemble a lookout-list entry: names compared with accents folded, transliteration variants and word order ignored, aliases included (Jaro–Winkler per word, ≥ 0.9 overall), and date of birth exact or year ± 1.',
  all(ctx) {
    return entries(ctx).flatMap((e) => {
      const people = e.dob
        ? peopleInTiers(ctx.db, 'dob = @dob AND name_tokens IS NOT NULL', { dob: e.dob })
        : e.dob_year !== null
          ? peopleInTiers(ctx.db, 'dob >= @from AND dob < @to AND name_tokens IS NOT NULL', {
              from: `${e.dob_year - ctx.config.lookoutYearTolerance}`,
              to: `${e.dob_year + ctx.config.lookoutYearTolerance + 1}`,
            })
          : [];
      return people.flatMap((p) => {
        const m = scoreAgainst(e, p, ctx);
        return m ? [flag(e, p, m)] : [];
      });
    });
  },
  affected(ctx, applicantIds) {
    const es = entries(ctx);
    const people = peopleByIds(ctx.db, applicantIds);
    const candidates = people.flatMap((p) =>
      es.flatMap((e) => {
        const m = scoreAgainst(e, p, ctx);
        return m ? [flag(e, p, m)] : [];
      }),
    );
    return { scope: { applicantIds }, candidates };
  },
};
