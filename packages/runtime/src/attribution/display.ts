/** Turns raw attribution numbers into [0, 1] heatmaps for overlays. */

/** x / max(x) for non-negative maps; all-zero maps stay zero. */
export function scaleByMax(x: ArrayLike<number>): Float32Array {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, x[i]!);
  return Float32Array.from(x, (v) => (m > 0 ? Math.max(0, v) / m : 0));
}

/**
 * captum's visualisation scaling ('absolute_value', outlier_perc): |x| divided by the value at which the
 * sorted cumulative sum reaches (100 − perc) % of the total, clipped to [0, 1].
 */
export function scaleWithOutliers(x: ArrayLike<number>, perc = 2): Float32Array {
  const abs = Float64Array.from(x, (v) => Math.abs(v)).sort();
  let total = 0;
  for (const v of abs) total += v;
  if (total === 0) return new Float32Array(x.length);
  const limit = ((100 - perc) / 100) * total;
  let acc = 0;
  let threshold = abs[abs.length - 1]!;
  for (const v of abs) {
    acc += v;
    if (acc >= limit) {
      threshold = v;
      break;
    }
  }
  return Float32Array.from(x, (v) => Math.min(1, Math.abs(v) / (threshold || 1)));
}
