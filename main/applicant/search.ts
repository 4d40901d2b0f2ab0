// Runs in: main process and CLI. The booth's search as officers type it: accents and case folded
// both ways, any word order, the start of a word, transliteration variants (the flags engine's
// name folding, and its Jaro–Winkler for near spellings, ranked last), document numbers and
// registration or appointment ids without separators, and invisible characters ignored. Results
// are ranked, exact first.
import { SearchMatch } from '../../ipc/channels/queue';
import { cleanText, fold } from '../flags/normalize/text';
import { jaroWinkler, skeleton, transliterate } from '../flags/normalize/name';

/** How a row matched, best first; the order of this list is the ranking. */
export type MatchKind = SearchMatch;
const MATCH_KINDS = SearchMatch.options;

/** What a row is searched by, worked out once per row (SearchKeyCache) rather than per keystroke. */
export interface SearchKeys {
  /** Name words, accents folded, upper case, Cyrillic written in Latin letters. */
  words: string[];
  /** The same words by spelling skeleton (Shcherbakov = Scherbakov, Aleksandr ~ Alexander). */
  skeletons: string[];
  /** The document number, upper case, letters and digits only. */
  document: string;
  /** Registration and appointment ids, the same way. */
  ids: string[];
}

export interface SearchSource {
  applicant_id: string;
  appointment_id: string;
  given_names: string;
  family_names: string;
  name_as_written: string;
  doc_number: string | null;
}

/** Letters and digits only, upper case: "y-4738 2621" and "Y47382621" read the same. */
export function compact(s: string): string {
  return cleanText(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Name words as the search compares them: folded, then Cyrillic in Latin letters. */
export function nameWords(s: string): string[] {
  return fold(s)
    .split(' ')
    .map(transliterate)
    .filter((w) => w.length > 0 && w !== '#');
}

export function searchKeys(r: SearchSource): SearchKeys {
  const words = [...new Set(nameWords(`${r.given_names} ${r.family_names} ${r.name_as_written}`))];
  return {
    words,
    skeletons: [...new Set(words.map(skeleton))],
    document: r.doc_number ? compact(r.doc_number) : '',
    ids: [compact(r.applicant_id), compact(r.appointment_id)],
  };
}

export interface SearchQuery {
  words: string[];
  skeletons: string[];
  /** The whole query as an id or document number would be typed, or '' when it cannot be one. */
  number: string;
}

export function parseQuery(q: string): SearchQuery {
  const words = [...new Set(nameWords(q))];
  const number = compact(q);
  return {
    words,
    skeletons: words.map(skeleton),
    // Ids and document numbers carry digits; a name does not, so "Ana" never matches an id.
    number: /\d/.test(number) ? number : '',
  };
}

const startsAny = (list: string[], prefix: string) => list.some((w) => w.startsWith(prefix));

/** Jaro–Winkler on skeletons: Nunes ~ Núñez, Aleksandr ~ Alexander, not Roman ~ Romero (0.79). */
export const SIMILAR = 0.92;

/** A word of four letters or more spelled nearly like one of the name's (same first letter). */
function similarToAny(s: string, skeletons: string[]): boolean {
  return s.length >= 4 && skeletons.some((t) => t[0] === s[0] && jaroWinkler(s, t) >= SIMILAR);
}

/**
 * How the row matches the query, or null. The whole query is tried as an id or document number
 * first; otherwise every query word must be found among the name's words (in any order): as a
 * whole word, as a spelling variant, or as the start of one.
 */
export function matchOf(q: SearchQuery, k: SearchKeys): MatchKind | null {
  if (q.number) {
    if (k.ids.includes(q.number)) return 'id';
    if (k.document && k.document === q.number) return 'document';
  }
  if (q.words.length) {
    if (q.words.every((w) => k.words.includes(w)))
      return q.words.length === k.words.length ? 'exact' : 'name';
    if (q.skeletons.every((s) => k.skeletons.includes(s))) return 'variant';
    if (q.words.every((w, i) => startsAny(k.words, w) || startsAny(k.skeletons, q.skeletons[i]!)))
      return 'partial';
    if (q.skeletons.every((s) => similarToAny(s, k.skeletons))) return 'similar';
  }
  // Part of an id (officers type its last digits) or the start of a document number.
  if (q.number.length >= 3 && (k.ids.some((id) => id.includes(q.number)) || k.document.startsWith(q.number)))
    return 'number';
  return null;
}

export const matchRank = (m: MatchKind): number => MATCH_KINDS.indexOf(m);

/**
 * Each row's search keys, kept between searches and worked out again only for a row whose
 * names, document or ids changed (a correction, a purge): folding a day's names costs tens of
 * milliseconds, more than the rest of a search.
 */
export class SearchKeyCache {
  private readonly entries = new Map<string, { source: string; keys: SearchKeys }>();

  keysFor(r: SearchSource): SearchKeys {
    const source = `${r.given_names}\u0000${r.family_names}\u0000${r.name_as_written}\u0000${r.doc_number ?? ''}\u0000${r.appointment_id}`;
    const hit = this.entries.get(r.applicant_id);
    if (hit && hit.source === source) return hit.keys;
    const keys = searchKeys(r);
    this.entries.set(r.applicant_id, { source, keys });
    return keys;
  }

  /** Drops rows no longer asked about (another day's queue), so the cache stays one day's size. */
  keepOnly(applicantIds: Set<string>): void {
    for (const id of this.entries.keys()) if (!applicantIds.has(id)) this.entries.delete(id);
  }
}

/** The rows that match, best match first; rows that match equally keep their given (slot) order. */
export function rankRows<R extends SearchSource>(
  rows: R[],
  query: string,
  cache: SearchKeyCache,
): Array<{ row: R; match: MatchKind }> {
  const q = parseQuery(query);
  if (!q.words.length && !q.number) return [];
  const found: Array<{ row: R; match: MatchKind; rank: number; order: number }> = [];
  rows.forEach((row, order) => {
    const match = matchOf(q, cache.keysFor(row));
    if (match) found.push({ row, match, rank: matchRank(match), order });
  });
  found.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return found.map(({ row, match }) => ({ row, match }));
}
