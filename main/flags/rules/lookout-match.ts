// Runs in: main process and CLI.
// LOOKOUT_MATCH: an applicant whose name (accents folded, transliteration variants, any word
// order, aliases, invisible characters ignored, look-alike letters of other scripts read as the
// Latin ones they resemble) and date of birth (exact, or year ± 1 when the list gives only a
// year) match a lookout-list entry. The score and the entry are shown; the officer decides.
import type { FlagCandidate, Rule, RuleContext } from './rule';
import { displayName, evidenceOf, peopleByIds, peopleInTiers, peopleWhere, type Person } from './people';
import { nameNotes, nameTokens, shapeTokens, tokenMatch } from '../normalize/name';

/** 2: invisible characters and look-alike letters (by shape) on both sides; notes on the flag. */
const VERSION = 2;

interface Entry {
  entry_id: string;
  given_names: string;
  family_names: string;
  aliases: string;
  dob: string | null;
  dob_year: number | null;
  reason_code: string;
}

interface Variant {
  label: string;
  /** By sound: as the applicants' stored name keys (transliterated). */
  tokens: string[];
  /** By shape, when the name has Cyrillic or Greek letters (shapeTokens). */
  shape: string[] | null;
}

interface PreparedEntry extends Entry {
  variants: Variant[];
  notes: string[];
}

function prepare(e: Entry): PreparedEntry {
  const aliases = JSON.parse(e.aliases) as string[];
  const variant = (label: string, ...parts: string[]): Variant => ({
    label,
    tokens: nameTokens(...parts),
    shape: shapeTokens(...parts),
  });
  return {
    ...e,
    variants: [
      variant(`${e.given_names} ${e.family_names}`, e.given_names, e.family_names),
      ...aliases.map((a) => variant(`alias "${a}"`, a)),
    ],
    notes: nameNotes(e.given_names, e.family_names),
  };
}

/** The list as last prepared, per database: preparing every name is the costly part of a small batch. */
const prepared = new WeakMap<RuleContext['db'], { raw: string; entries: PreparedEntry[] }>();

function entries(ctx: RuleContext): PreparedEntry[] {
  const rows = ctx.db
    .prepare<[], Entry>(
      'SELECT entry_id, given_names, family_names, aliases, dob, dob_year, reason_code FROM lookout_entries',
    )
    .all();
  // Reused only while the list reads exactly the same.
  const raw = JSON.stringify(rows);
  const cached = prepared.get(ctx.db);
  if (cached?.raw === raw) return cached.entries;
  const list = rows.map(prepare);
  prepared.set(ctx.db, { raw, entries: list });
  return list;
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

interface Match {
  score: number;
  label: string;
  dob: string;
  /** Matched only when look-alike letters were read by shape. */
  byShape: boolean;
}

/** The applicant's name by shape, computed only for the few names with Cyrillic or Greek letters. */
const shapes = new WeakMap<Person, string[] | null>();
function shapeOf(p: Person): string[] | null {
  let s = shapes.get(p);
  if (s === undefined) shapes.set(p, (s = shapeTokens(p.given_names, p.family_names)));
  return s;
}

export function scoreAgainst(e: PreparedEntry, p: Person, ctx: RuleContext): Match | null {
  const dob = dobMatches(e, p, ctx.config.lookoutYearTolerance);
  if (!dob) return null;
  const target = (p.name_tokens ?? '').split(' ');
  const min = ctx.config.lookoutMinSimilarity;
  // Every listed word must be found (min), and the whole name closely (mean).
  const score = (q: string[], t: string[]) => {
    const m = tokenMatch(q, t);
    return m.min >= min - 0.05 ? m.mean : 0;
  };
  const shape = shapeOf(p);
  let best: Omit<Match, 'dob'> = { score: 0, label: '', byShape: false };
  for (const v of e.variants) {
    const bySound = score(v.tokens, target);
    if (bySound > best.score) best = { score: bySound, label: v.label, byShape: false };
    // By shape on both sides (a Latin name reads the same either way).
    if (!v.shape && !shape) continue;
    const byShape = score(v.shape ?? v.tokens, shape ?? target);
    if (byShape > best.score) best = { score: byShape, label: v.label, byShape: true };
  }
  return best.score >= min ? { ...best, dob } : null;
}

function flag(e: PreparedEntry, p: Person, m: Match): FlagCandidate {
  // What the officer cannot see on screen, in either name: said on the flag itself.
  const notes = [
    ...nameNotes(p.given_names, p.family_names),
    ...e.notes.map((n) => `in the lookout entry, ${n}`),
  ];
  if (m.byShape)
    notes.push('the names match only when look-alike letters are read as the Latin letters they resemble');
  const told = notes.length ? `; the name as received: ${notes.join('; ')}` : '';
  const born = e.dob ? `, born ${e.dob}` : e.dob_year ? `, born ${e.dob_year}` : '';
  const similarity = m.score.toFixed(2);
  return {
    applicantId: p.applicant_id,
    ruleId: 'LOOKOUT_MATCH',
    ruleVersion: VERSION,
    key: e.entry_id,
    severity: m.score >= 0.97 && e.dob ? 'high' : 'medium',
    evidence: {
      summary: `lookout entry ${e.entry_id} (${e.reason_code}): ${m.label}, ${m.dob}, name similarity ${similarity}${told}`,
      entry: {
        entryId: e.entry_id,
        name: `${e.given_names} ${e.family_names}`,
        aliases: JSON.parse(e.aliases) as string[],
        dob: e.dob,
        dobYear: e.dob_year,
        reasonCode: e.reason_code,
      },
      score: Math.round(m.score * 1000) / 1000,
      nameNotes: notes,
      others: [evidenceOf(p, `${displayName(p)}, born ${p.dob}`)],
      othersTotal: 0,
    },
    explanation:
      `${displayName(p)} (born ${p.dob}) resembles lookout entry ${e.entry_id} "${e.given_names} ${e.family_names}"${born}, ` +
      `reason ${e.reason_code}: matched on ${m.label} with name similarity ${similarity} and ${m.dob}.` +
      (notes.length
        ? ` The name as received is not plain text: ${notes.join('; ')}; it may look identical on screen.`
        : '') +
      ' A name match is not an identification: confirm with the document and the person.',
  };
}

export const LOOKOUT_MATCH: Rule = {
  id: 'LOOKOUT_MATCH',
  version: VERSION,
  description:
    'Flags applicants who resemble a lookout-list entry: names compared with accents folded, transliteration variants and word order ignored, invisible characters dropped and look-alike letters of other scripts read as Latin, aliases included (Jaro–Winkler per word, ≥ 0.9 overall), and date of birth exact or year ± 1.',
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
    const candidates = bornAsListed(ctx, es, applicantIds).flatMap((p) =>
      es.flatMap((e) => {
        const m = scoreAgainst(e, p, ctx);
        return m ? [flag(e, p, m)] : [];
      }),
    );
    return { scope: { applicantIds }, candidates };
  },
};

/**
 * Of the given applicants, those born on a date or in a year some entry could match (a superset
 * of what dobMatches accepts), read in full in the order peopleByIds reads them: few of a batch
 * are, and reading and scoring only those is most of this rule's time saved.
 */
function bornAsListed(ctx: RuleContext, es: PreparedEntry[], ids: string[]): Person[] {
  const tolerance = ctx.config.lookoutYearTolerance;
  const dates = new Set<string>();
  const years = new Set<string>();
  for (const e of es) {
    if (e.dob) dates.add(e.dob);
    else if (e.dob_year !== null)
      for (let y = e.dob_year - Math.ceil(tolerance); y <= e.dob_year + Math.ceil(tolerance); y++)
        years.add(String(y));
  }
  // A year not written with four digits could match a birth date that does not start with it.
  if ([...years].some((y) => !/^\d{4}$/.test(y))) return peopleByIds(ctx.db, ids);
  const out: Person[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...peopleWhere(
        ctx.db,
        'applicant_id IN (SELECT value FROM json_each(?)) AND (dob IN (SELECT value FROM json_each(?)) OR substr(dob, 1, 4) IN (SELECT value FROM json_each(?)))',
        JSON.stringify(ids.slice(i, i + 500)),
        JSON.stringify([...dates]),
        JSON.stringify([...years]),
      ),
    );
  return out;
}
