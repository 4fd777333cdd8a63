/** Re-binning of histograms onto shared uniform bins, so every step of a tag is drawn on the same x grid. */

/** Uniform bins over [lo, hi]: counts per bin. */
export interface Binned {
  lo: number;
  hi: number;
  counts: Float64Array;
}

/** The [min, max] over many flat k×3 bucket arrays (ignoring empty ones); null when all are empty. */
export function bucketRange(all: ArrayLike<number>[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of all) {
    const k = Math.floor(b.length / 3);
    if (!k) continue;
    lo = Math.min(lo, b[0]!);
    hi = Math.max(hi, b[3 * (k - 1) + 1]!);
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * Spreads each bucket's count over the uniform bins it overlaps, in proportion to the overlap (the
 * counts are assumed uniform inside a bucket); a zero-width bucket (all values equal) goes to the bin
 * holding its value. Total count is preserved.
 */
export function rebin(buckets: ArrayLike<number>, lo: number, hi: number, nBins: number): Binned {
  const counts = new Float64Array(nBins);
  const width = (hi - lo) / nBins;
  const k = Math.floor(buckets.length / 3);
  const binOf = (x: number) =>
    width > 0 ? Math.min(nBins - 1, Math.max(0, Math.floor((x - lo) / width))) : 0;
  for (let i = 0; i < k; i++) {
    const left = buckets[3 * i]!;
    const right = buckets[3 * i + 1]!;
    const c = buckets[3 * i + 2]!;
    if (!(c > 0)) continue;
    if (!(right > left) || !(width > 0)) {
      counts[binOf(left)]! += c;
      continue;
    }
    const b0 = binOf(left);
    const b1 = binOf(right);
    for (let b = b0; b <= b1; b++) {
      const bl = lo + b * width;
      const overlap = Math.min(right, bl + width) - Math.max(left, bl);
      if (overlap > 0) counts[b]! += (c * overlap) / (right - left);
    }
  }
  return { lo, hi, counts };
}
