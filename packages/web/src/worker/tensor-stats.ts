/** Min, max, mean, std, zero/NaN/Inf counts and a 64-bin histogram of a tensor's values. */
import { tensorValues, type Tensor } from '@nnlens/ir';
import type { TensorStatsView } from '../shared/view-model.js';

/** Histogram bin count. */
export const HISTOGRAM_BINS = 64;

/** Statistics over numeric values; NaN and ±Inf are counted and left out of the moments. */
export function statsOf(values: ArrayLike<number>): Omit<TensorStatsView, 'name' | 'dtype' | 'shape'> {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let finite = 0;
  let nan = 0;
  let inf = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x !== x) nan++;
    else if (x === Infinity || x === -Infinity) inf++;
    else {
      finite++;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
      if (x === 0) zeros++;
    }
  }
  const mean = finite ? sum / finite : NaN;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (Number.isFinite(x)) sq += (x - mean) * (x - mean);
  }
  const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
  if (finite) {
    const span = max - min;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      if (!Number.isFinite(x)) continue;
      const bin =
        span > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor(((x - min) / span) * HISTOGRAM_BINS)) : 0;
      histogram[bin]!++;
    }
  }
  return {
    count: n,
    finite,
    nan,
    inf,
    zeros,
    min: finite ? min : NaN,
    max: finite ? max : NaN,
    mean,
    std: finite ? Math.sqrt(sq / finite) : NaN,
    histogram,
  };
}

/** Statistics of a tensor. Throws TensorDataError when its data is not loaded, and for string tensors. */
export function tensorStats(t: Tensor): TensorStatsView {
  const values = tensorValues(t);
  if (t.dtype === 'string') throw new Error(`tensor '${t.name}' holds strings: no statistics`);
  return { name: t.name, dtype: t.dtype, shape: t.shape.slice(), ...statsOf(values as ArrayLike<number>) };
}
