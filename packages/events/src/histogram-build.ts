/** Building legacy HistogramProto data from raw values with TensorFlow's default exponential buckets. */
import type { HistoSpec } from './event-encoder.js';

let defaults: Float64Array | null = null;

/**
 * TensorFlow's default bucket limits: ±1e-12·1.1^k up to 1e20, 0 in the middle, ±DBL_MAX at the ends
 * (1,549 limits). The values come from repeated multiplication in float64, as TF computes them, so
 * limits read from real TF files compare equal.
 */
export function defaultBucketLimits(): Float64Array {
  if (defaults) return defaults;
  const pos: number[] = [];
  for (let v = 1e-12; v < 1e20; v *= 1.1) pos.push(v);
  const neg = pos.map((v) => -v).reverse();
  defaults = Float64Array.from([-Number.MAX_VALUE, ...neg, 0, ...pos, Number.MAX_VALUE]);
  return defaults;
}

/**
 * A HistogramProto for `values`: bucket i counts values in [limit[i-1], limit[i]) and runs of empty
 * buckets collapse into one (TF's encoding, which keeps files small). Non-finite values are left out.
 */
export function buildHisto(
  values: ArrayLike<number>,
  limits: Float64Array = defaultBucketLimits(),
): HistoSpec {
  const counts = new Float64Array(limits.length);
  let min = Infinity;
  let max = -Infinity;
  let num = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    num++;
    sum += v;
    sumSquares += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
    // First limit strictly greater than v (upper_bound).
    let lo = 0;
    let hi = limits.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (limits[mid]! > v) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]!++;
  }
  const bucketLimit: number[] = [];
  const bucket: number[] = [];
  for (let i = 0; i < counts.length;) {
    let end = limits[i]!;
    const c = counts[i]!;
    i++;
    if (c === 0) {
      while (i < counts.length && counts[i] === 0) end = limits[i++]!;
    }
    bucketLimit.push(end);
    bucket.push(c);
  }
  if (num === 0) [min, max] = [0, 0];
  return { min, max, num, sum, sumSquares, bucketLimit, bucket };
}
