// Runs in: main process and CLI. Text folding shared by the normalisers.
// Everything compared is first cleaned of what does not show: the feed schema accepts any
// string, and a zero-width space or soft hyphen inside a word looks like nothing on screen but
// used to fold into a word break ("Sa\u200Blgado" → SA LGADO). Stored text stays as received.
import { latinise, type LookalikeMode } from './lookalike';

/**
 * Default-ignorable code points (zero-width space and joiners, soft hyphen, word joiner, BOM,
 * variation selectors, combining grapheme joiner, Hangul fillers, tags) and every other format
 * character (Cf: direction marks and embeddings, invisible operators): none is visible.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const PLAIN = /^[\x20-\x7e]*$/;

/** The text as matching reads it: invisible code points removed, then NFKC. */
export function cleanText(s: string): string {
  if (PLAIN.test(s)) return s;
  return s.replace(INVISIBLE, '').normalize('NFKC');
}

/** The distinct invisible code points in `s`, in order of appearance. */
export function invisiblesIn(s: string): string[] {
  return [...new Set(s.match(INVISIBLE) ?? [])];
}

/**
 * Upper case, accents removed (José → JOSE), look-alike letters of other scripts inside Latin
 * words read as Latin (lookalike.ts), punctuation to spaces, spaces collapsed.
 */
export function fold(s: string, lookalikes: LookalikeMode = 'mixed'): string {
  const bare = cleanText(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return latinise(bare, lookalikes)
    .toUpperCase()
    .replace(/[^A-Z0-9\u0400-\u04FF#]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
