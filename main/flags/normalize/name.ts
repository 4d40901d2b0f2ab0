// Runs in: main process and CLI.
// Names compared across scripts and spellings: invisible characters dropped and look-alike
// letters of other scripts inside Latin words read as Latin (text.ts, lookalike.ts), accents
// folded, Cyrillic transliterated, common Latin transliteration variants reduced to one skeleton
// (Shcherbakov / Scherbakov, Aleksandr / Alexander, Yuliya / Julia), and a Jaro–Winkler
// similarity per token.
import { cleanText, fold, invisiblesIn } from './text';
import { hasLatin, hasLookalikeScript, lookalikesIn, scriptOf } from './lookalike';

/** Bump when the name keys change (keys.ts); 2: invisible characters, look-alikes, ASCII spelling. */
export const NAME_NORMALISER_VERSION = 2;

const CYRILLIC: Record<string, string> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'E',
  Ё: 'E',
  Ж: 'ZH',
  З: 'Z',
  И: 'I',
  Й: 'I',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TS',
  Ч: 'CH',
  Ш: 'SH',
  Щ: 'SHCH',
  Ъ: '',
  Ы: 'Y',
  Ь: '',
  Э: 'E',
  Ю: 'YU',
  Я: 'YA',
  // Ukrainian and Belarusian letters, which were dropped (Віталій lost its І).
  І: 'I',
  Ї: 'I',
  Є: 'E',
  Ґ: 'G',
  Ў: 'U',
};

export function transliterate(s: string): string {
  return s.replace(/[\u0400-\u04FF]/g, (c) => CYRILLIC[c] ?? '');
}

/** A spelling-insensitive skeleton of one name token. */
export function skeleton(token: string): string {
  let t = transliterate(token);
  t = t
    .replace(/SHCH|SHH|SCH/g, 'S')
    .replace(/KH/g, 'H')
    .replace(/X/g, 'KS')
    .replace(/TS|TZ/g, 'C')
    .replace(/ZH/g, 'Z')
    .replace(/J/g, 'I')
    .replace(/PH/g, 'F')
    .replace(/W/g, 'V')
    .replace(/Y/g, 'I')
    .replace(/([AEIOU])\1+/g, '$1')
    .replace(/IE|II|IA$/g, 'I')
    .replace(/(.)\1+/g, '$1');
  // Russian feminine surname endings (IVANOVA ~ IVANOV) for relatedness and identity.
  return t.replace(/(OV|EV|IN)A$/, '$1');
}

export function nameTokens(...parts: string[]): string[] {
  return fold(parts.join(' '))
    .split(' ')
    .filter((t) => t.length > 0 && t !== '#')
    .map(skeleton);
}

/**
 * The name by shape: as nameTokens, with whole Cyrillic and Greek words also read as the Latin
 * letters they look like (РАСНЕСО → PACHECO, where nameTokens gives RASNESO). Null when that
 * reads the same as nameTokens, i.e. the name has no Cyrillic or Greek letters. For the lookout
 * comparison only: by sound stays right for a real Cyrillic name (Щербаков ~ Shcherbakov).
 */
export function shapeTokens(...parts: string[]): string[] | null {
  const s = parts.join(' ');
  if (!hasLookalikeScript(s)) return null;
  return fold(s, 'all')
    .split(' ')
    .filter((t) => t.length > 0 && t !== '#')
    .map(skeleton);
}

const cp = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const INVISIBLE_NAMES: Record<string, string> = {
  '\u00AD': 'soft hyphen',
  '\u034F': 'combining grapheme joiner',
  '\u180E': 'Mongolian vowel separator',
  '\u200B': 'zero width space',
  '\u200C': 'zero width non-joiner',
  '\u200D': 'zero width joiner',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u2060': 'word joiner',
  '\u2061': 'function application',
  '\u2062': 'invisible times',
  '\u2063': 'invisible separator',
  '\u2064': 'invisible plus',
  '\uFEFF': 'zero width no-break space',
};
const invisibleName = (c: string) => {
  if (INVISIBLE_NAMES[c]) return INVISIBLE_NAMES[c];
  if (/[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u.test(c)) return 'variation selector';
  return /[\u202A-\u202E\u2066-\u2069]/.test(c) ? 'direction control' : 'invisible format character';
};

interface Oddities {
  field: 'given names' | 'family names';
  invisible: string[];
  lookalikes: Array<{ char: string; reads: string }>;
}

/** Per field, what a reader cannot see in a name as received (empty for a plain name). */
function oddities(given: string, family: string): Oddities[] {
  if (/^[\x20-\x7e]*$/.test(given + family)) return [];
  // Look-alikes count in a name that is otherwise Latin; a wholly Cyrillic name has none.
  const latinName = hasLatin(cleanText(`${given} ${family}`));
  return (
    [
      ['given names', given],
      ['family names', family],
    ] as const
  )
    .map(([field, raw]) => ({
      field,
      invisible: invisiblesIn(raw),
      lookalikes: lookalikesIn(
        cleanText(raw)
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, ''),
        latinName,
      ),
    }))
    .filter((o) => o.invisible.length || o.lookalikes.length);
}

const letter = (c: string) => `${scriptOf(c)} ${c} ${cp(c)}`;

/**
 * What a reader cannot see in a name as received: invisible characters, and letters of another
 * script that look like Latin ones. One line per finding, for a flag's evidence.
 */
export function nameNotes(given: string, family: string): string[] {
  return oddities(given, family).flatMap((o) => {
    const notes: string[] = [];
    if (o.invisible.length) {
      const what = o.invisible.map((c) => `${cp(c)} ${invisibleName(c)}`).join(', ');
      const some = o.invisible.length === 1 ? 'an invisible character' : 'invisible characters';
      notes.push(`the ${o.field} hold ${some} (${what}), ignored for matching`);
    }
    if (o.lookalikes.length) {
      const what = o.lookalikes.map((l) => `${letter(l.char)} read as ${l.reads}`).join(', ');
      notes.push(`the ${o.field} mix in letters of another script that look like Latin ones (${what})`);
    }
    return notes;
  });
}

/** The same, as one short mark for a line of evidence ("invisible U+200B; Cyrillic с U+0441"), or ''. */
export function nameMark(given: string, family: string): string {
  const found = oddities(given, family);
  const invisible = [...new Set(found.flatMap((o) => o.invisible))].map((c) => `invisible ${cp(c)}`);
  const looks = [...new Set(found.flatMap((o) => o.lookalikes.map((l) => l.char)))].map(letter);
  return [...invisible, ...looks].join(', ');
}

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Array<boolean>(la).fill(false);
  const mb = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a[i] === b[j]) {
        ma[i] = mb[j] = true;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How well the `query` tokens are found among the `target` tokens, order-free: the mean over
 * query tokens of their best Jaro–Winkler score, and the worst of those bests.
 */
export function tokenMatch(query: string[], target: string[]): { mean: number; min: number } {
  if (!query.length || !target.length) return { mean: 0, min: 0 };
  let sum = 0;
  let min = 1;
  for (const q of query) {
    let best = 0;
    for (const t of target) best = Math.max(best, jaroWinkler(q, t));
    sum += best;
    min = Math.min(min, best);
  }
  return { mean: sum / query.length, min };
}
