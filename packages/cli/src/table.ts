/** Plain-text tables with aligned columns, like torchinfo's summary. */

/** A column: header text and alignment. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Renders rows under a header, separated by rules made of `=` and `-`. */
export function renderTable(columns: Column[], rows: string[][], footer: string[] = []): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const heavy = '='.repeat(total);
  const out = [heavy, line(columns.map((c) => c.header)), heavy, ...rows.map(line), heavy];
  if (footer.length) out.push(...footer, heavy);
  return out.join('\n');
}

/** 1234567 → '1,234,567'. */
export function withCommas(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Bytes as '12.3 MB' (decimal units, like torchinfo). */
export function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(2)} ${units[i]}`;
}
