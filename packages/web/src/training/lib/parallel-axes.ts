/** Axes of the parallel-coordinates view: a scale per column (linear, log or categorical) mapping values to [0, 1]. */
import type { HpColumn, HpRow, HpValue } from './hparams-table.js';

/** One vertical axis. */
export interface ParallelAxis {
  column: HpColumn;
  kind: 'linear' | 'log' | 'category';
  /** Numeric domain (log10 units for log axes). */
  lo: number;
  hi: number;
  /** Categories in display order (category axes). */
  categories: string[];
  /** Position of a value in [0, 1] (0 = bottom), or null when missing / not placeable. */
  pos(v: HpValue): number | null;
  /** The value at a position (numeric axes), for brushing. */
  valueAt(t: number): number;
}

/**
 * An axis for each column. Numbers get a linear axis, or a log axis when every value is positive and
 * they span more than two decades (learning rates); everything else is categorical, in natural order.
 */
export function parallelAxes(columns: HpColumn[], rows: HpRow[]): ParallelAxis[] {
  return columns.map((column) => {
    const vals = rows.map((r) => r.values[column.key] ?? null).filter((v) => v !== null);
    if (column.numeric && vals.length) {
      const nums = vals as number[];
      let lo = Math.min(...nums);
      let hi = Math.max(...nums);
      const log = lo > 0 && hi / lo > 100;
      if (log) [lo, hi] = [Math.log10(lo), Math.log10(hi)];
      if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
      const t = (v: number) => (log ? Math.log10(v) : v);
      return {
        column,
        kind: log ? 'log' : 'linear',
        lo,
        hi,
        categories: [],
        pos: (v) =>
          typeof v === 'number' && Number.isFinite(v) && (!log || v > 0) ? (t(v) - lo) / (hi - lo) : null,
        valueAt: (p) => (log ? 10 ** (lo + p * (hi - lo)) : lo + p * (hi - lo)),
      };
    }
    const collator = new Intl.Collator('en', { numeric: true });
    const categories = [...new Set(vals.map(String))].sort(collator.compare);
    const n = categories.length;
    return {
      column,
      kind: 'category',
      lo: 0,
      hi: 1,
      categories,
      pos: (v) => {
        if (v === null) return null;
        const i = categories.indexOf(String(v));
        return i < 0 ? null : n === 1 ? 0.5 : i / (n - 1);
      },
      valueAt: (p) => p,
    };
  });
}

/** A brush filter as the table's filter text: a numeric range, or the categories inside [a, b]. */
export function brushFilter(axis: ParallelAxis, a: number, b: number): string {
  const [p0, p1] = [Math.min(a, b), Math.max(a, b)];
  if (axis.kind !== 'category') {
    const fmt = (x: number) => Number(x.toPrecision(4));
    return `${fmt(axis.valueAt(p0))}..${fmt(axis.valueAt(p1))}`;
  }
  const picked = axis.categories.filter((c) => {
    const p = axis.pos(c)!;
    return p >= p0 - 1e-9 && p <= p1 + 1e-9;
  });
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return picked.length ? `^(${picked.map(esc).join('|')})$` : '^$';
}
