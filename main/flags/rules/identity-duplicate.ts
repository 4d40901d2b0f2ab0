// Runs in: main process and CLI.
// IDENTITY_DUPLICATE: one person (same date of birth, names alike after spelling and
// transliteration are normalised) in more than one appointment.
// DOCUMENT_DUPLICATE: one travel document number under different names.
import type { FlagCandidate, Rule, RuleContext } from './rule';
import {
  displayName,
  evidenceOf,
  flaggedKeys,
  keysOf,
  peopleByIds,
  peopleInTiers,
  sharedKeys,
  spanOf,
  spanText,
  statement,
  touchedRows,
  type Person,
} from './people';
import { jaroWinkler, nameMark, nameNotes } from '../normalize/name';

/** Same number of name words, each alike (Jaro–Winkler over spelling skeletons). */
export function sameName(
  a: Pick<Person, 'name_tokens'>,
  b: Pick<Person, 'name_tokens'>,
  min: number,
): number {
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

/** The narrow projection blocks are formed from; whole records are loaded only for a block with a match. */
type Slim = Pick<Person, 'applicant_id' | 'dob' | 'name_tokens' | 'surname_tokens'>;
const SLIM = 'SELECT applicant_id, dob, name_tokens, surname_tokens FROM applicants';

/** Candidates are compared only within a block: same birth date and same name initials. */
const blockOf = (p: Slim) =>
  `${p.dob}|${(p.name_tokens ?? '').charAt(0)}${(p.surname_tokens ?? '').charAt(0)}`;

/** A block's flags: none unless two of its names are alike, else each such person's. */
function blockFlags(ctx: RuleContext, block: Slim[], key: string): FlagCandidate[] {
  const min = ctx.config.identityNameMinSimilarity;
  const hit = block.some((a, i) => block.some((b, j) => j > i && sameName(a, b, min) >= min));
  if (!hit) return [];
  const ids = block.map((b) => b.applicant_id);
  return identityFlags(ctx, peopleByIds(ctx.db, ids), key);
}

function identityFlags(ctx: RuleContext, block: Person[], key: string): FlagCandidate[] {
  const min = ctx.config.identityNameMinSimilarity;
  const out: FlagCandidate[] = [];
  for (const p of block) {
    const matches = block.filter((o) => o.applicant_id !== p.applicant_id && sameName(p, o, min) >= min);
    if (!matches.length) continue;
    // Names alike once invisible or look-alike characters are set aside: said on the flag, in
    // full for this applicant's name and as a mark on each other appointment's line.
    const own = nameNotes(p.given_names, p.family_names);
    const marks = new Map(matches.map((o) => [o, nameMark(o.given_names, o.family_names)]));
    const marked = (o: Person) =>
      `${displayName(o)}, born ${o.dob}${marks.get(o) ? ` · not plain text: ${marks.get(o)}` : ''}`;
    const odd = [...marks.values()].filter(Boolean).length;
    const verb = odd === 1 ? 'holds' : 'hold';
    const others = odd
      ? `${odd} of the other names ${verb} invisible or look-alike characters (marked in the evidence)`
      : '';
    const asReceived = own.length ? `; the name as received: ${own.join('; ')}` : '';
    out.push({
      applicantId: p.applicant_id,
      ruleId: 'IDENTITY_DUPLICATE',
      ruleVersion: 1,
      key,
      severity: 'medium',
      evidence: {
        summary: `${matches.length + 1} appointments for one person born ${p.dob} ${spanText(spanOf([p, ...matches]))}${asReceived}${others ? `; ${others}` : ''}`,
        nameNotes: [...own, ...(others ? [others] : [])],
        span: spanOf([p, ...matches]),
        others: matches.slice(0, ctx.config.evidenceLimit).map((o) => evidenceOf(o, marked(o))),
        othersTotal: matches.length,
      },
      explanation:
        `${displayName(p)}, born ${p.dob}, also appears as ${matches.map((o) => `"${displayName(o)}" (${o.port} ${o.service_date})`).join(', ')}, ` +
        `${matches.length + 1} appointments ${spanText(spanOf([p, ...matches]))}: ` +
        'the same person booked more than once, or two people with near-identical names and the same birth date.' +
        (own.length
          ? ` This name as received is not plain text, though it may look plain on screen: ${own.join('; ')}.`
          : '') +
        (others ? ` ${others}.` : ''),
    });
  }
  return out;
}

export const IDENTITY_DUPLICATE: Rule = {
  id: 'IDENTITY_DUPLICATE',
  version: 1,
  description:
    'Flags one person (same date of birth; every name word alike after accents, spelling and transliteration variants are normalised, Jaro–Winkler ≥ 0.9) in more than one appointment.',
  all(ctx) {
    // Stream the narrow projection in block order.
    const out: FlagCandidate[] = [];
    let block: Slim[] = [];
    let key = '';
    const flush = () => {
      out.push(...blockFlags(ctx, block, key));
      block = [];
    };
    const rows = ctx.db
      .prepare<[], Slim>(
        `${SLIM} WHERE name_tokens IS NOT NULL AND keys_fresh = 0 ORDER BY dob, substr(name_tokens, 1, 1), substr(coalesce(surname_tokens, ''), 1, 1)`,
      )
      .iterate();
    for (const r of rows) {
      const k = blockOf(r);
      if (k !== key) {
        flush();
        key = k;
      }
      block.push(r);
    }
    flush();
    return out;
  },
  affected(ctx, applicantIds) {
    const keys = [
      ...new Set([
        ...touchedRows(ctx, applicantIds).map(blockOf),
        ...flaggedKeys(ctx.db, 'IDENTITY_DUPLICATE', applicantIds),
      ]),
    ];
    // Every touched block in one statement, straight from the covering (dob, name_tokens, …)
    // index of each tier: a range on the first letter of the names per block, then the surname
    // initial checked here. Rows come block by block, the main tier's before the fresh tier's.
    const ranges = keys.map((k) => {
      const [dob = '', initials = ''] = k.split('|');
      const g = initials.charAt(0);
      return [dob, g, String.fromCharCode((g.charCodeAt(0) || 0) + 1)];
    });
    const blocks = keys.map((): Slim[] => []);
    const rows = statement(ctx.db, BLOCKS).all({ ranges: JSON.stringify(ranges) }) as Array<
      Slim & { i: number }
    >;
    for (const { i, ...r } of rows) if (blockOf(r) === keys[i]) blocks[i]!.push(r);
    const candidates = keys.flatMap((k, i) => blockFlags(ctx, blocks[i]!, k));
    return { scope: { keys }, candidates };
  },
};

/** Applicants in any of the blocks given as JSON (@ranges: [[dob, from, to], …]), with the block's index `i`. */
const BLOCKS = [0, 1]
  .map(
    (tier) =>
      `SELECT j.key AS i, a.applicant_id, a.dob, a.name_tokens, a.surname_tokens FROM json_each(@ranges) j CROSS JOIN applicants a
       WHERE a.dob = j.value ->> 0 AND a.name_tokens >= j.value ->> 1 AND a.name_tokens < j.value ->> 2
         AND a.keys_fresh = ${tier} AND a.name_tokens IS NOT NULL`,
  )
  .join(' UNION ALL ');

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
          summary: `document ${p.doc_issuer} ${p.doc_number} given under ${others.length + 1} different names ${spanText(spanOf([p, ...others]))}`,
          document: key,
          span: spanOf([p, ...others]),
          others: others
            .slice(0, ctx.config.evidenceLimit)
            .map((o) => evidenceOf(o, `${o.doc_issuer} ${o.doc_number}`)),
          othersTotal: others.length,
        },
        explanation: `The travel document ${p.doc_issuer} ${p.doc_number} of ${displayName(p)} was also given by ${others.map((o) => `"${displayName(o)}" (${o.port} ${o.service_date})`).join(', ')}: ${others.length + 1} names ${spanText(spanOf([p, ...others]))}. Check the document in hand.`,
      },
    ];
  });
}

export const DOCUMENT_DUPLICATE: Rule = {
  id: 'DOCUMENT_DUPLICATE',
  version: 1,
  description: 'Flags a travel document number (with its issuer) given under different names.',
  all(ctx) {
    const keys = ctx.db
      .prepare<[], { k: string }>(
        'SELECT doc_key AS k FROM applicants WHERE doc_key IS NOT NULL AND keys_fresh = 0 GROUP BY doc_key HAVING COUNT(*) > 1',
      )
      .all();
    return keys.flatMap(({ k }) =>
      documentFlags(ctx, k, peopleInTiers(ctx.db, 'doc_key = @key', { key: k })),
    );
  },
  affected(ctx, applicantIds) {
    const keys = [
      ...new Set([
        ...keysOf(ctx, 'doc_key', applicantIds),
        ...flaggedKeys(ctx.db, 'DOCUMENT_DUPLICATE', applicantIds),
      ]),
    ];
    const live = sharedKeys(ctx.db, 'doc_key', keys, 2);
    return {
      scope: { keys },
      candidates: live.flatMap((k) =>
        documentFlags(ctx, k, peopleInTiers(ctx.db, 'doc_key = @key', { key: k })),
      ),
    };
  },
};
