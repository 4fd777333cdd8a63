/** The point of a series nearest to an x value (binary search when sorted, a scan otherwise). */
import { lowerBound } from '../lib/decimate.js';

/** Index of the point whose x is nearest to `x` among finite-valued points, or -1. */
export function nearestIndex(
  xs: ArrayLike<number>,
  n: number,
  x: number,
  sorted: boolean,
  ys?: ArrayLike<number>,
): number {
  if (!n) return -1;
  const ok = (i: number) => !ys || Number.isFinite(ys[i]!);
  if (sorted) {
    const i = lowerBound(xs, x, n);
    // Walk outwards from the insertion point to the nearest finite value.
    let a = i - 1;
    let b = i;
    while (a >= 0 || b < n) {
      const da = a >= 0 ? x - xs[a]! : Infinity;
      const db = b < n ? xs[b]! - x : Infinity;
      if (da <= db) {
        if (ok(a)) return a;
        a--;
      } else {
        if (ok(b)) return b;
        b++;
      }
    }
    return -1;
  }
  let best = -1;
  let bd = Infinity;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(xs[i]! - x);
    if (d < bd && ok(i)) {
      bd = d;
      best = i;
    }
  }
  return best;
}
