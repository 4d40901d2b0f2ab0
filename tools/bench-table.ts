// Runs in: benchmark tooling. The bench table as Markdown: what `npm run bench` prints and records,
// and what the face benches print when run alone, so both read the same.
import type { BenchRow } from './bench-types';

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export function benchTable(rows: BenchRow[]): string {
  const lines = [
    '| area | measurement | value | baseline (same run) | ratio | goal | met |',
    '|---|---|---:|---|---:|---|---|',
  ];
  for (const r of rows) {
    const ratio = r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : '';
    lines.push(
      `| ${r.group} | ${r.name.replace(/\|/g, '/')} | ${fmt(r.value)} ${r.unit} | ${r.baseline !== undefined ? `${fmt(r.baseline)} ${r.unit} (${r.baselineName})` : ''} | ${ratio} | ${r.goal ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}
