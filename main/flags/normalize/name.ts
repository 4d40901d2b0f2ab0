// Runs in: main process and CLI.
// Names compared across scripts and spellings: accents folded, Cyrillic transliterated, common
// Latin transliteration variants reduced to one skeleton (Shcherbakov / Scherbakov,
// Aleksandr / Alexander, Yuliya / Julia), and a Jaro–Winkler similarity per token.
import { fold } from './text';

const CYRILLIC: Record<string, string> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Е: 'E', Ё: 'E', Ж: 'ZH', З: 'Z', И: 'I', Й: 'I', К: 'K', Л: 'L', М: 'M', Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ф: 'F', Х: 'KH', Ц: 'TS', Ч: 'CH', Ш: 'SH', Щ: 'SHCH', Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'YU', Я: 'YA',
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
