/** Gradient attributions of an input: vanilla saliency, SmoothGrad and Integrated Gradients (captum conventions). */
import type { HostTensor } from '../host.js';
import type { Session } from '../session.js';
import { sampleGradients, type BatchOptions } from './batches.js';
import { igSteps, type IgMethod } from './quadrature.js';
import { gaussianNoise } from './random.js';

const f = Math.fround;

/** ∂y_c/∂x for one input (signed, same shape as x). */
export function inputGradient(session: Session, x: HostTensor, target: number): Float32Array {
  const { grad } = session.inputGradient({ [session.inputs[0]!.name]: x }, { index: target });
  return grad.data as Float32Array;
}

/** Options of SmoothGrad. */
export interface SmoothGradOptions extends BatchOptions {
  /** Number of noisy samples (default 16). */
  samples?: number;
  /** σ as a fraction of (max x − min x) (default 0.15, Smilkov et al.'s 10–20 %). */
  sigmaFraction?: number;
  /** Standard-normal noise [samples × size of x]; default: seeded Gaussian noise. */
  noise?: Float32Array;
  /** Seed of the default noise. */
  seed?: number;
}

/** SmoothGrad: mean and mean-of-squares of ∂y_c/∂x at x + σε_n. */
export async function smoothGrad(
  session: Session,
  x: HostTensor,
  target: number,
  opts: SmoothGradOptions = {},
): Promise<{ mean: Float32Array; meanSquare: Float32Array; sigma: number }> {
  const xs = x.data as Float32Array;
  const size = xs.length;
  const n = opts.samples ?? (opts.noise ? opts.noise.length / size : 16);
  const noise = opts.noise ?? gaussianNoise(n * size, opts.seed ?? 0);
  if (noise.length < n * size)
    throw new RangeError(`noise has ${noise.length} values, ${n} samples need ${n * size}`);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of xs) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  // torch computes σ·ε and x + σε in float32.
  const sigma = f(f(opts.sigmaFraction ?? 0.15) * f(hi - lo));
  const sum = new Float64Array(size);
  const sumSq = new Float64Array(size);
  const make = (i: number, out: Float32Array): void => {
    for (let j = 0; j < size; j++) out[j] = f(xs[j]! + f(sigma * noise[i * size + j]!));
  };
  await sampleGradients(
    session,
    x.shape,
    n,
    make,
    target,
    (_, g) => {
      for (let j = 0; j < size; j++) {
        sum[j] += g[j]!;
        sumSq[j] += g[j]! * g[j]!;
      }
    },
    opts,
  );
  return {
    mean: Float32Array.from(sum, (s) => s / n),
    meanSquare: Float32Array.from(sumSq, (s) => s / n),
    sigma,
  };
}

/** Options of Integrated Gradients. */
export interface IgOptions extends BatchOptions {
  /** Integration rule (default 'gausslegendre', captum's default). */
  rule?: IgMethod;
  /** Steps (default 50). */
  steps?: number;
  /** Baseline x' (default zeros, in model-input space). */
  baseline?: Float32Array;
}

/** Integrated Gradients: (x − x') ⊙ Σ_k w_k ∂y_c/∂x(x' + α_k(x − x')); also the weighted mean gradient. */
export async function integratedGradients(
  session: Session,
  x: HostTensor,
  target: number,
  opts: IgOptions = {},
): Promise<{ attribution: Float32Array; meanGrad: Float32Array }> {
  const xs = x.data as Float32Array;
  const size = xs.length;
  const base = opts.baseline ?? new Float32Array(size);
  const { alphas, weights } = igSteps(opts.rule ?? 'gausslegendre', opts.steps ?? 50);
  const diff = Float32Array.from(xs, (v, j) => v - base[j]!);
  const total = new Float64Array(size);
  const make = (k: number, out: Float32Array): void => {
    const a = f(alphas[k]!);
    for (let j = 0; j < size; j++) out[j] = f(base[j]! + f(a * diff[j]!));
  };
  await sampleGradients(
    session,
    x.shape,
    alphas.length,
    make,
    target,
    (k, g) => {
      const w = f(weights[k]!);
      for (let j = 0; j < size; j++) total[j] += f(w * g[j]!);
    },
    opts,
  );
  const meanGrad = Float32Array.from(total);
  return { attribution: Float32Array.from(meanGrad, (g, j) => g * diff[j]!), meanGrad };
}
