// Runs in: main process and CLI. CSV for spreadsheet programs: RFC 4180 quoting, CRLF rows, UTF-8
// with a byte-order mark (so accents read right), and text that a spreadsheet would run as a
// formula (=, +, -, @ first) prefixed with an apostrophe.
export type Cell = string | number | null;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
