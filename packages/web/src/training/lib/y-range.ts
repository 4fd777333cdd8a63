/** The y domain of a chart: the extent of what is visible, or an outlier-robust range that ignores rare spikes. */
import type { Decimated } from './decimate.js';

/** Quantile of a sorted array (linear interpolation, like d3.quantile). */
export function quantileSorted(a: ArrayLike<number>, q: number): number {
  const n = a.length;
  if (!n) return NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  return i + 1 < n ? a[i]! + (h - i) * (a[i + 1]! - a[i]!) : a[n - 1]!;
}

/** Median of a few numbers (sorts its argument). */
function median(a: number[]): number {
  a.sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
}

/** Series with at most this many visible points are "sparse" (evaluations, epochs): shown whole. */
export const SPARSE_POINTS = 64;

/**
 * [lo, hi] over decimated columns. Plain: the exact extreme of the visible points. Robust ("ignore
 * outliers"): sparse series count in full (each point was logged on purpose); over dense series, the
 * 2nd–98th percentiles of the column minima and maxima (the noise band without rare spikes), widened
 * to the extent of a 7-column running median of the column means (the curve itself: a spike a few
 * pixels wide is dropped, a steep but smooth stretch is kept). O(width), not O(points). TensorBoard
 * uses the 5–95 % quantiles of all points instead, which also cuts real parts of curves. `log` works
 * in log10 units.
 */
export function yDomain(parts: Decimated[], robust: boolean, log: boolean): [number, number] | null {
  const t = log ? Math.log10 : (v: number) => v;
  let lo = Infinity;
  let hi = -Infinity;
  const pool: number[] = [];
  const dense: Decimated[] = [];
  for (const d of parts) {
    if (d.points === 0) continue;
    if (!robust || d.points <= SPARSE_POINTS) {
      lo = Math.min(lo, t(d.yMin));
      hi = Math.max(hi, t(d.yMax));
      continue;
    }
    dense.push(d);
    for (let c = 0; c < d.n; c++)
      if (d.px[c]! >= 0 && d.px[c]! <= d.width) pool.push(t(d.min[c]!), t(d.max[c]!));
  }
  if (pool.length) {
    const sorted = Float64Array.from(pool).sort();
    lo = Math.min(lo, quantileSorted(sorted, 0.02));
    hi = Math.max(hi, quantileSorted(sorted, 0.98));
    for (const d of dense) {
      const means: number[] = [];
      for (let c = 0; c < d.n; c++)
        if (d.px[c]! >= 0 && d.px[c]! <= d.width) means.push(t(d.sum[c]! / d.count[c]!));
      for (let i = 0; i < means.length; i++) {
        const m = median(means.slice(Math.max(0, i - 3), i + 4));
        if (m < lo) lo = m;
        if (m > hi) hi = m;
      }
    }
  }
  return lo <= hi ? pad(lo, hi) : null;
}

/** Adds 6 % on each side; a flat line gets a band around its value. */
export function pad(lo: number, hi: number): [number, number] {
  if (hi === lo) {
    const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - d, hi + d];
  }
  const m = (hi - lo) * 0.06;
  return [lo - m, hi + m];
}
