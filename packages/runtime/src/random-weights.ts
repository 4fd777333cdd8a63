/** Seeded He-initialised weights for structure-only models (weights stored elsewhere), so they can still run. */
import { hasTensorData, isFloatDType, type Model, type Tensor } from '@nnlens/ir';
import { gaussianNoise } from './attribution/random.js';

/**
 * Gives every float initializer without data seeded random values: N(0, 2/fan_in) for weights of rank ≥ 2
 * (He et al., keeps ReLU activations at a stable scale), zeros for biases, ones for scales named like
 * 'gamma'/'weight' of rank 1 and 'var'. Returns how many tensors were filled. Integer tensors are left alone.
 */
export function fillRandomWeights(model: Model, seed = 0): number {
  let filled = 0;
  let n = 0;
  for (const t of model.graph.initializers.values()) {
    if (hasTensorData(t) || !isFloatDType(t.dtype)) continue;
    const values = randomValues(t, seed + 7919 * n++);
    t.storage = { kind: 'raw', bytes: new Uint8Array(values.buffer) };
    t.dtype = 'float32';
    filled++;
  }
  return filled;
}

function randomValues(t: Tensor, seed: number): Float32Array {
  const count = t.shape.reduce((a, b) => a * b, 1);
  if (t.shape.length >= 2) {
    const fanIn = t.shape.slice(1).reduce((a, b) => a * b, 1);
    const noise = gaussianNoise(count, seed);
    const std = Math.sqrt(2 / Math.max(1, fanIn));
    return noise.map((v) => v * std);
  }
  const ones = /(gamma|scale|var|weight)/i.test(t.name) && !/bias|beta|mean/i.test(t.name);
  return new Float32Array(count).fill(ones ? 1 : 0);
}
