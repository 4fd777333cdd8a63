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

/**
 * [lo, hi] over decimated columns. Plain: the exact extreme of the visible points. Robust ("ignore
 * outliers"): the 2nd–98th percentiles of the column minima and maxima (the noise band without rare
 * spikes), widened to the extent of a 7-column running median of the column means (the curve itself:
 * a spike a few pixels wide is dropped, while a steep but smooth start of a loss curve is kept, which
 * TensorBoard's 5–95 % quantiles cut off; the two first and last columns of each series always count). O(width), not O(points). With under 40 values the
 * quantiles would cut real data, so the plain extent is used. `log` works in log10 units.
 */
export function yDomain(parts: Decimated[], robust: boolean, log: boolean): [number, number] | null {
  const t = log ? Math.log10 : (v: number) => v;
  let lo = Infinity;
  let hi = -Infinity;
  const pool: number[] = [];
  for (const d of parts) {
    if (d.points > 0) {
      lo = Math.min(lo, t(d.yMin));
      hi = Math.max(hi, t(d.yMax));
    }
    if (robust)
      for (let c = 0; c < d.n; c++)
        if (d.px[c]! >= 0 && d.px[c]! <= d.width) pool.push(t(d.min[c]!), t(d.max[c]!));
  }
  if (!(lo <= hi)) return null;
  if (!robust || pool.length < 40) return pad(lo, hi);
  const sorted = Float64Array.from(pool).sort();
  lo = quantileSorted(sorted, 0.02);
  hi = quantileSorted(sorted, 0.98);
  for (const d of parts) {
    const means: number[] = [];
    for (let c = 0; c < d.n; c++)
      if (d.px[c]! >= 0 && d.px[c]! <= d.width) means.push(t(d.sum[c]! / d.count[c]!));
    for (let i = 0; i < means.length; i++) {
      // The first and last columns are the curve's start and current value: always in view.
      const edge = i < 2 || i >= means.length - 2;
      const m = edge ? means[i]! : median(means.slice(Math.max(0, i - 3), i + 4));
      if (m < lo) lo = m;
      if (m > hi) hi = m;
    }
  }
  return pad(lo, hi);
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
