/** Numpy-style (multidirectional) broadcasting of shapes, as ONNX element-wise ops use it. */
import type { Dim, Shape } from '@nnlens/ir';
import { RuleError } from './errors.js';

/** Broadcast result of two dims; throws on two different concrete sizes neither of which is 1. */
export function broadcastDim(a: Dim, b: Dim): Dim {
  if (a === b) return a;
  if (a === 1) return b;
  if (b === 1) return a;
  if (typeof a === 'number' && typeof b === 'number') {
    throw new RuleError(`cannot broadcast dims ${a} and ${b}`);
  }
  // A symbol or unknown against a concrete size > 1 must equal that size.
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return null;
}

/** Broadcast shape of any number of shapes; null when any rank is unknown. */
export function broadcastShapes(shapes: readonly Shape[]): Shape {
  let rank = 0;
  for (const s of shapes) {
    if (s === null) return null;
    rank = Math.max(rank, s.length);
  }
  const out: Dim[] = new Array<Dim>(rank).fill(1);
  for (const s of shapes as Dim[][]) {
    const off = rank - s.length;
    for (let i = 0; i < s.length; i++) out[off + i] = broadcastDim(out[off + i] as Dim, s[i] as Dim);
  }
  return out;
}
