/** Grad-CAM and Grad-CAM++ from a layer's activation A and gradient G, every intermediate step kept (pytorch-grad-cam). */
import { minmax, numpySum32, relu, resizeBilinear } from './maps.js';

const f = Math.fround;

/** Every step of a CAM computation for one sample. */
export interface CamSteps {
  /** Channel weights w_k, length K. */
  weights: Float32Array;
  /** Σ_k w_k A_k before ReLU, h×w. */
  raw: Float32Array;
  /** minmax(ReLU(raw)), h×w. */
  lowres: Float32Array;
  /** lowres resized to H×W (half-pixel bilinear). */
  upsampled: Float32Array;
  /** minmax(ReLU(upsampled)), H×W, in [0, 1]. */
  map: Float32Array;
  /** Grad-CAM++ only: α_kij, K×h×w. */
  alpha?: Float32Array;
  /** Feature-map size [h, w] and output size [H, W]. */
  lowSize: [number, number];
  size: [number, number];
}

/** A [1,K,h,w] activation or gradient (only the first sample is used). */
export interface FeatureMaps {
  shape: number[];
  data: ArrayLike<number>;
}

function dims(a: FeatureMaps): [number, number, number] {
  if (a.shape.length !== 4) throw new RangeError(`CAMs need a [N,C,H,W] layer, got shape [${a.shape}]`);
  return [a.shape[1]!, a.shape[2]!, a.shape[3]!];
}

/** Σ_k w_k A_k for the first sample. */
export function weightedSum(A: FeatureMaps, weights: ArrayLike<number>): Float32Array {
  const [k, h, w] = dims(A);
  const hw = h * w;
  const acc = new Float64Array(hw);
  for (let c = 0; c < k; c++) {
    const wk = weights[c]!;
    for (let i = 0; i < hw; i++) acc[i] += wk * A.data[c * hw + i]!;
  }
  return Float32Array.from(acc);
}

/** ReLU → minmax → resize → ReLU → minmax, as pytorch-grad-cam finishes one target layer. */
export function finishCam(raw: Float32Array, low: [number, number], size: [number, number]) {
  const lowres = minmax(relu(raw));
  const upsampled = resizeBilinear(lowres, low[0], low[1], size[0], size[1]);
  return { lowres, upsampled, map: minmax(relu(upsampled)) };
}

/** Grad-CAM: w_k = mean_ij G_kij. */
export function gradCam(A: FeatureMaps, G: FeatureMaps, size: [number, number]): CamSteps {
  const [k, h, w] = dims(A);
  const hw = h * w;
  const weights = new Float32Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let i = 0; i < hw; i++) s += G.data[c * hw + i]!;
    weights[c] = s / hw;
  }
  const raw = weightedSum(A, weights);
  return { weights, raw, ...finishCam(raw, [h, w], size), lowSize: [h, w], size };
}

/**
 * Grad-CAM++ (Chattopadhay et al. eq. 19 with an exponential output, as pytorch-grad-cam):
 * α = G² / (2G² + (Σ_ij A)·G³ + 1e-6), α = 0 where G = 0; w_k = Σ_ij ReLU(G)·α.
 */
export function gradCamPlusPlus(A: FeatureMaps, G: FeatureMaps, size: [number, number]): CamSteps {
  const [k, h, w] = dims(A);
  const hw = h * w;
  const weights = new Float32Array(k);
  const alpha = new Float32Array(k * hw);
  for (let c = 0; c < k; c++) {
    const s = numpySum32(A.data, c * hw, hw);
    let wk = 0;
    for (let i = 0; i < hw; i++) {
      const g = G.data[c * hw + i]!;
      if (g === 0) continue;
      const g2 = f(g * g);
      const g3 = f(g2 * g);
      const a = f(g2 / f(f(f(2 * g2) + f(s * g3)) + f(1e-6)));
      alpha[c * hw + i] = a;
      if (g > 0) wk += g * a;
    }
    weights[c] = wk;
  }
  const raw = weightedSum(A, weights);
  return { weights, raw, alpha, ...finishCam(raw, [h, w], size), lowSize: [h, w], size };
}
