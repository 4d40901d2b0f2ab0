// Runs in: main process and CLI. The font the daily report is set in. PDF's built-in fonts only
// encode Windows-1252 (é and ñ, not Ł, ő or Cyrillic), so names are set in an embedded TrueType
// font with wide coverage: Noto Sans from the @expo-google-fonts/noto-sans package when it is
// installed, else a common system font; only when neither exists the built-in Helvetica, with
// each name reduced to what it can show (diacritics dropped, "?" for the rest) and the report
// saying so.
import fs from 'node:fs';
import path from 'node:path';

export interface ReportFont {
  /** A TrueType file, or a built-in PDF font's name. */
  regular: string;
  bold: string;
  /** Whether it shows any name (an embedded font); false for the built-in fallback. */
  unicode: boolean;
  source: string;
}

const PACKAGE = '@expo-google-fonts/noto-sans';
const PACKAGE_FILES = ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'] as const;

// Regular and bold of fonts with Latin, Greek and Cyrillic coverage that ship with the systems.
const SYSTEM: ReadonlyArray<readonly [string, string]> = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/TTF/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/noto/NotoSans-Regular.ttf', '/usr/share/fonts/noto/NotoSans-Bold.ttf'],
  ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
  ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
];

export const BUILT_IN: ReportFont = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  unicode: false,
  source: 'PDF built-in Helvetica (Windows-1252 only)',
};

function fromPackage(): ReportFont | null {
  try {
    const [regular, bold] = PACKAGE_FILES.map((f) => require.resolve(`${PACKAGE}/${f}`));
    return { regular: regular!, bold: bold!, unicode: true, source: `Noto Sans (${PACKAGE})` };
  } catch {
    return null;
  }
}

/** The first font found, looked for once per process. `candidates` replaces the system list (tests). */
export function reportFont(candidates: ReadonlyArray<readonly [string, string]> = SYSTEM): ReportFont {
  const found = fromPackage();
  if (found) return found;
  const system = candidates.find(([r, b]) => fs.existsSync(r) && fs.existsSync(b));
  if (system) return { regular: system[0], bold: system[1], unicode: true, source: path.basename(system[0]) };
  return BUILT_IN;
}

// Windows-1252 beyond Latin-1: what the built-in fonts can show besides U+0020–U+00FF.
const CP1252_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);
const showable = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch);
};

/** Text as the built-in fonts can set it: a diacritic they lack is dropped ("ę" → "e", "Ł" → "L");
 * only what still cannot be shown becomes "?". */
export function toWinAnsi(text: string): string {
  return [...text]
    .map((ch) => {
      if (showable(ch) || ch === '\n') return ch;
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      return base && [...base].every(showable) ? base : (STROKED[ch] ?? '?');
    })
    .join('');
}

// Letters with a stroke or bar have no decomposition: their plain letter.
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };
