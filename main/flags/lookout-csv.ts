// Runs in: main process and CLI. CSV as RFC 4180 writes it (quoted fields with commas, doubled
// quotes and line breaks inside; CRLF or LF; a leading byte-order mark), each record with the
// line it starts on, so a problem can name the line an admin sees in their editor.
export interface CsvRecord {
  line: number;
  cells: string[];
}

export function parseCsv(text: string): { records: CsvRecord[]; error: string | null } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    // A blank line is no record.
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted)
    return {
      records,
      error: `A quoted field that starts on line ${start} is never closed (a " is missing).`,
    };
  if (cell !== '' || cells.length) endRecord();
  return { records, error: null };
}
