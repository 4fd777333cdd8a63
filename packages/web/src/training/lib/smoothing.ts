/** TensorBoard's scalar smoothing: a debiased exponential moving average (1st-order IIR low-pass filter). */

/** The slider's range: 0 (off) to 0.999 (TensorBoard's maximum). */
export const MAX_SMOOTHING = 0.999;

/**
 * Smooths `values` in order with weight `w` (clamped to [0, 1]): `last = last·w + (1−w)·y`, divided by
 * `1 − w^n` (n = finite points so far) so the start is not biased towards 0. Non-finite values pass
 * through unchanged and do not advance the filter; a constant series is returned as is (TensorBoard
 * issue #786: rounding would otherwise make a flat line wiggle).
 */
export function smooth(values: ArrayLike<number>, weight: number, out?: Float64Array): Float64Array {
  const n = values.length;
  const res = out && out.length >= n ? out.subarray(0, n) : new Float64Array(n);
  const w = Math.min(1, Math.max(0, weight));
  let constant = true;
  const first = n ? values[0]! : 0;
  for (let i = 1; i < n && constant; i++) if (values[i] !== first) constant = false;
  if (w === 0 || constant) {
    for (let i = 0; i < n; i++) res[i] = values[i]!;
    return res;
  }
  let last = 0;
  let pow = 1; // w^n for the n finite points so far, kept incrementally: Math.pow per point costs ~3× the whole loop
  for (let i = 0; i < n; i++) {
    const y = values[i]!;
    if (!Number.isFinite(y)) {
      res[i] = y;
      continue;
    }
    last = last * w + (1 - w) * y;
    pow *= w;
    res[i] = w === 1 ? last : last / (1 - pow);
  }
  return res;
}
