export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** Same-run baseline, when the row has one: the ratio is what is compared, not wall-clock figures. */
  baselineName?: string;
  baseline?: number;
  /** For rows where lower is better (times), the ratio is baseline/value inverted accordingly. */
  lowerIsBetter?: boolean;
  target: string;
  pass: boolean;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

export function printTable(rows: BenchRow[]): string {
  const header = ['benchmark', 'figure', 'baseline (same run)', 'ratio', 'target', 'met'];
  const lines = rows.map((r) => {
    const ratio = r.baseline ? (r.lowerIsBetter ? r.value / r.baseline : r.value / r.baseline) : undefined;
    return [
      r.name,
      `${fmt(r.value)} ${r.unit}`,
      r.baseline !== undefined ? `${fmt(r.baseline)} ${r.unit} (${r.baselineName})` : '-',
      ratio !== undefined ? `${ratio.toFixed(1)}x` : '-',
      r.target,
      r.pass ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [row(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(row)].join('\n');
}
