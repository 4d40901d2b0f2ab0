// Runs in: main process and CLI.
// Letters that pass for Latin ones. A Cyrillic 'а' or a Greek 'Ο' inside a Latin name looks
// identical on screen, so matching reads it as the Latin letter it resembles, using the
// look-alike table of the `confusables` package (derived from Unicode's UTS #39 confusables).
// Only where that is what the text means: a word mixing Latin with other letters is a Latin
// word; a word wholly in Cyrillic is a Cyrillic name, transliterated by sound (name.ts), and only
// the lookout comparison also reads it by shape (`all`), since Щербаков must still be
// Shcherbakov. Latin letters without a decomposition (ø, ł, ß) are spelled in ASCII, as
// passports do, instead of becoming word breaks.
// The CommonJS build by path: the package's ES build (what a bundler would pick) carries an older,
// smaller table, and the app, the CLI and tests must compute the same keys. A new table (package
// upgrade) changes keys: bump NAME_NORMALISER_VERSION.
import { confusablesMap } from 'confusables/dist/index.js';

export type LookalikeMode = 'mixed' | 'all';

const LATIN = /\p{Script=Latin}/u;
/** Scripts whose letters are read by shape in `all` mode: the ones used to imitate Latin names. */
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const WORD = /\p{L}+/gu;
const PLAIN = /^[\x20-\x7e]*$/;

/** Latin letters NFKD leaves whole, in the ASCII spelling of machine-readable passports. */
const LATIN_ASCII: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'TH',
  þ: 'th',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ſ: 's',
  Ŋ: 'NG',
  ŋ: 'ng',
  ĸ: 'k',
};

/** The table's prototype for a vertical stroke is 'l'; a capital (Greek Ι, Cyrillic І, Ӏ) reads as I. */
const STROKE: Record<string, string> = { ι: 'i' };

const cache = new Map<string, string | null>();

/** The Latin letter(s) a non-ASCII letter looks like, or null when it looks like none. */
export function lookalikeOf(c: string): string | null {
  let v = cache.get(c);
  if (v !== undefined) return v;
  v = LATIN_ASCII[c] ?? STROKE[c] ?? confusablesMap.get(c) ?? null;
  // Only letters: the table also maps to digits and signs (З → 3), which no name means.
  if (v !== null && !/^[A-Za-z]{1,2}$/.test(v)) v = null;
  if (v === 'l' && c !== c.toLowerCase()) v = 'I';
  cache.set(c, v);
  return v;
}

/**
 * Non-Latin letters read as the Latin ones they look like: in words that mix scripts
 * (`mixed`), or also in whole Cyrillic and Greek words (`all`, for the lookout comparison).
 * Expects text without combining marks (fold removes them first).
 */
export function latinise(s: string, mode: LookalikeMode): string {
  if (PLAIN.test(s)) return s;
  return s.replace(WORD, (word) => {
    let latin = false;
    let other = false;
    for (const c of word) {
      if (LATIN.test(c)) latin = true;
      else other = true;
    }
    let out = '';
    for (const c of word) {
      if (c.charCodeAt(0) < 0x80) out += c;
      else if (LATIN.test(c)) out += LATIN_ASCII[c] ?? c;
      else if (other && (latin || (mode === 'all' && LOOKALIKE_SCRIPT.test(c)))) out += lookalikeOf(c) ?? c;
      else out += c;
    }
    return out;
  });
}

const SCRIPTS = ['Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic'].map((name) => ({
  name,
  re: new RegExp(`\\p{Script=${name}}`, 'u'),
}));

/** Script name for a note ("Cyrillic с (U+0441) read as c"). */
export function scriptOf(c: string): string {
  return SCRIPTS.find((s) => s.re.test(c))?.name ?? 'non-Latin';
}

/**
 * The look-alike letters in a name field that a reader takes for Latin ones: those in mixed
 * words, and, when the whole name is otherwise Latin (`latinName`), those in Cyrillic or Greek
 * words too. A wholly Cyrillic name has none.
 */
export function lookalikesIn(s: string, latinName: boolean): Array<{ char: string; reads: string }> {
  const out = new Map<string, string>();
  for (const word of s.match(WORD) ?? []) {
    const mixed = [...word].some((c) => LATIN.test(c));
    for (const c of word) {
      if (c.charCodeAt(0) < 0x80 || LATIN.test(c)) continue;
      if (!mixed && !(latinName && LOOKALIKE_SCRIPT.test(c))) continue;
      const reads = lookalikeOf(c);
      if (reads) out.set(c, reads);
    }
  }
  return [...out].map(([char, reads]) => ({ char, reads }));
}

export function hasLatin(s: string): boolean {
  return LATIN.test(s);
}

export function hasLookalikeScript(s: string): boolean {
  return LOOKALIKE_SCRIPT.test(s);
}
