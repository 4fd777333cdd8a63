/**
 * TensorBoard's distribution compression: each histogram becomes the values at nine basis points of its
 * cumulative distribution (min, ±0.5/1/1.5 σ of a normal, median, max), drawn as nested bands over steps.
 */

/** Basis points (of 10,000) that TensorBoard keeps: min, −1.5σ, −1σ, −0.5σ, median, +0.5σ, +1σ, +1.5σ, max. */
export const NORMAL_HISTOGRAM_BPS = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000] as const;

const lerp = (x: number, x0: number, x1: number, y0: number, y1: number) =>
  y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);

/**
 * Values at `bps` of a histogram given as flat k×3 buckets (left, right, count): cumulative counts are
 * scaled to 10,000; a basis point falling in bucket i is interpolated linearly between the bucket's
 * left edge (the previous right edge, but never below the overall minimum; the minimum itself for the
 * first non-empty bucket) and its right edge (never above the maximum). Points past the last bucket
 * are the maximum. An empty histogram gives zeros.
 */
export function compressHistogram(
  buckets: ArrayLike<number>,
  bps: readonly number[] = NORMAL_HISTOGRAM_BPS,
): number[] {
  const k = Math.floor(buckets.length / 3);
  if (k === 0) return bps.map(() => 0);
  const minmin = buckets[0]!;
  const maxmax = buckets[3 * (k - 1) + 1]!;
  let total = 0;
  for (let i = 0; i < k; i++) total += buckets[3 * i + 2]!;
  const scale = bps[bps.length - 1]! / (total || 1);
  const cum = new Float64Array(k);
  let acc = 0;
  for (let i = 0; i < k; i++) cum[i] = acc += buckets[3 * i + 2]! * scale;
  const out: number[] = [];
  let b = 0;
  while (b < bps.length) {
    const bp = bps[b]!;
    // First bucket whose cumulative weight exceeds the basis point (searchsorted, side 'right').
    let i = 0;
    while (i < k && cum[i]! <= bp) i++;
    let placed = false;
    for (; i < k; i++) {
      const hiW = cum[i]!;
      const loW = i > 0 ? cum[i - 1]! : 0;
      if (hiW === loW) continue; // an empty bucket: nothing to interpolate in
      const lhs = i === 0 || loW === 0 ? minmin : Math.max(buckets[3 * (i - 1) + 1]!, minmin);
      const rhs = Math.min(buckets[3 * i + 1]!, maxmax);
      out.push(lerp(bp, loW, hiW, lhs, rhs));
      placed = true;
      break;
    }
    if (!placed) break;
    b++;
  }
  while (out.length < bps.length) out.push(maxmax);
  return out;
}
