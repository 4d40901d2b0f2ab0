// Runs in: main process and CLI. Text folding shared by the normalisers.

/** Upper case, accents removed (José → JOSE), punctuation to spaces, spaces collapsed. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9\u0400-\u04FF#]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
