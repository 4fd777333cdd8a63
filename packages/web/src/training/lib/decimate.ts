/**
 * Per-pixel min/max decimation (M4): for each pixel column of the visible x range, the first, lowest,
 * highest and last value. Drawing first→min→max→last per column reproduces the full-resolution line
 * pixel for pixel, so no spike is ever hidden, at a cost of one pass over the visible points.
 */

/** Decimated columns; `n` are in use. Columns hold data-space values; `px` is the column's pixel x. */
export interface Decimated {
  n: number;
  px: Float64Array;
  first: Float64Array;
  min: Float64Array;
  max: Float64Array;
  last: Float64Array;
  /** Points that fell in each column, and their sum (column means make a robust y range). */
  count: Float64Array;
  sum: Float64Array;
  /** Visible points (inside [x0, x1]) that were drawn. */
  points: number;
  /** The pixel width decimated for (columns outside [0, width] hold the edge points). */
  width: number;
  /** Extremes of the visible points only (edge points outside the range excluded); NaN when none. */
  yMin: number;
  yMax: number;
}

/** An empty result with room for `cap` columns (reuse it across frames to avoid allocation). */
export function decimatedBuffer(cap = 1024): Decimated {
  return {
    n: 0,
    px: new Float64Array(cap),
    first: new Float64Array(cap),
    min: new Float64Array(cap),
    max: new Float64Array(cap),
    last: new Float64Array(cap),
    count: new Float64Array(cap),
    sum: new Float64Array(cap),
    points: 0,
    width: 0,
    yMin: NaN,
    yMax: NaN,
  };
}

function grow(d: Decimated): void {
  const cap = d.px.length * 2;
  for (const k of ['px', 'first', 'min', 'max', 'last', 'count', 'sum'] as const) {
    const a = new Float64Array(cap);
    a.set(d[k]);
    d[k] = a;
  }
}

/** True when xs never decreases (then the visible range is found by binary search). */
export function isSorted(xs: ArrayLike<number>, n = xs.length): boolean {
  for (let i = 1; i < n; i++) if (xs[i]! < xs[i - 1]!) return false;
  return true;
}

/** First index with xs[i] >= x (sorted xs). */
export function lowerBound(xs: ArrayLike<number>, x: number, n = xs.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with xs[i] > x (sorted xs). */
export function upperBound(xs: ArrayLike<number>, x: number, n = xs.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What to decimate and over which pixels. */
export interface DecimateInput {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Points in use (defaults to xs.length; series grow in place). */
  n?: number;
  x0: number;
  x1: number;
  /** Plot width in pixels (device pixels for a crisp line). */
  width: number;
  sorted: boolean;
  /** Skip values ≤ 0 (they have no place on a log axis). */
  positiveOnly?: boolean;
}

/**
 * Decimates into `out` (reused). Points are visited in data order and a new column starts whenever
 * the pixel column changes, so non-monotonic x (restarts) still draws as written. With sorted x only
 * the visible range plus one point on each side (so lines reach the plot edges) is visited.
 */
export function decimate(inp: DecimateInput, out: Decimated = decimatedBuffer()): Decimated {
  const { xs, ys, x0, x1, width, sorted } = inp;
  const n = inp.n ?? xs.length;
  const pos = inp.positiveOnly === true;
  out.n = 0;
  out.points = 0;
  out.width = width;
  out.yMin = Infinity;
  out.yMax = -Infinity;
  let i0 = 0;
  let i1 = n;
  if (sorted) {
    i0 = Math.max(0, lowerBound(xs, x0, n) - 1);
    i1 = Math.min(n, upperBound(xs, x1, n) + 1);
  }
  const span = x1 - x0;
  const scale = span > 0 ? width / span : 0;
  let col = NaN;
  let c = -1;
  for (let i = i0; i < i1; i++) {
    const y = ys[i]!;
    if (!(y - y === 0) || (pos && !(y > 0))) continue; // NaN/±Inf (y - y is NaN), or non-positive on log
    const x = xs[i]!;
    const inside = x >= x0 && x <= x1;
    // Outside points collapse onto one column per side: only their connection to the edge is visible.
    const k = inside ? Math.min(Math.floor((x - x0) * scale), width - 1) : x < x0 ? -1 : width;
    if (inside) {
      out.points++;
      if (y < out.yMin) out.yMin = y;
      if (y > out.yMax) out.yMax = y;
    }
    if (k !== col) {
      col = k;
      c = out.n++;
      if (c >= out.px.length) grow(out);
      out.px[c] = inside ? k + 0.5 : (x - x0) * scale;
      out.first[c] = out.min[c] = out.max[c] = out.last[c] = y;
      out.count[c] = 1;
      out.sum[c] = y;
    } else {
      if (y < out.min[c]!) out.min[c] = y;
      if (y > out.max[c]!) out.max[c] = y;
      out.last[c] = y;
      out.count[c]!++;
      out.sum[c]! += y;
      if (!inside) out.px[c] = (x - x0) * scale; // the outermost point of the side is the one drawn to
    }
  }
  if (out.points === 0) out.yMin = out.yMax = NaN;
  return out;
}
