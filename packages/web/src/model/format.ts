/** Number formatting for panels: counts with SI suffixes, bytes, percentages, plain statistics. */

/** `25.6 M`, `4.09 G`, `512`: three significant digits. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  for (const [s, v] of [
    ['T', 1e12],
    ['G', 1e9],
    ['M', 1e6],
    ['K', 1e3],
  ] as const) {
    if (a >= v) return `${Number((n / v).toPrecision(3))} ${s}`;
  }
  return String(Math.round(n));
}

/** `1,234,567`. */
export function withCommas(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `97.5 MB` (decimal units, as file managers show). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n < 1000) return `${n} B`;
  for (const [s, v] of [
    ['TB', 1e12],
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ] as const) {
    if (n >= v) return `${Number((n / v).toPrecision(3))} ${s}`;
  }
  return `${n} B`;
}

/** `12.3%`, `<0.1%`, or '' when the part or the total is zero. */
export function percent(part: number, total: number): string {
  if (!total || !part) return '';
  const p = (100 * part) / total;
  if (p > 0 && p < 0.1) return '<0.1%';
  return `${p.toFixed(p >= 10 ? 0 : 1)}%`;
}

/** A statistic: 4 significant digits, exponent for very small or large magnitudes. */
export function formatStat(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a < 1e-3 || a >= 1e5 ? x.toExponential(3) : String(Number(x.toPrecision(4)));
}
