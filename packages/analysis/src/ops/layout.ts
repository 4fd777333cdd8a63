/** Channels-last activations and TensorFlow-family kernel layouts, mapped onto ONNX's [N, C, spatial…] and [O, I, k…]. */
import type { Dim, Node, Shape } from '@nnlens/ir';
import { attrInt, attrString } from '../attrs.js';
import { RuleError } from '../errors.js';

/** True when the node marks its activations as [N, spatial…, C] (`channels_last` = 1: Keras, TF.js, TFLite). */
export function isChannelsLast(node: Node): boolean {
  return attrInt(node, 'channels_last', 0) !== 0;
}

/** [N, spatial…, C] → [N, C, spatial…] (unknown and rank < 2 shapes pass through). */
export function toChannelsFirst(shape: Shape): Shape {
  if (shape === null || shape.length < 2) return shape;
  return [shape[0] ?? null, shape[shape.length - 1] ?? null, ...shape.slice(1, -1)];
}

/** [N, C, spatial…] → [N, spatial…, C]. */
export function toChannelsLast(shape: Shape): Shape {
  if (shape === null || shape.length < 2) return shape;
  return [shape[0] ?? null, ...shape.slice(2), shape[1] ?? null];
}

/** Applies `rule` on the channels-first view of input 0 and converts its output back when the node is channels-last. */
export function viaChannelsFirst(node: Node, x: Shape, rule: (x: Shape) => Shape): Shape {
  if (!isChannelsLast(node)) return rule(x);
  return toChannelsLast(rule(toChannelsFirst(x)));
}

function product(dims: Dim[]): Dim {
  let n = 1;
  for (const d of dims) {
    if (typeof d !== 'number') return null;
    n *= d;
  }
  return n;
}

/**
 * A convolution weight in ONNX order: [O, I/group, k…] (or, `transposed`, ConvTranspose's [I, O/group, k…]),
 * from the node's `kernel_layout` (one letter per axis: O, I, M = depth multiplier, 1 = unit axis, others
 * spatial). Without the attribute the weight already is in ONNX order.
 */
export function canonicalKernel(node: Node, w: Shape, transposed = false): Shape {
  const layout = attrString(node, 'kernel_layout', '');
  if (layout === '' || w === null) return w;
  if (layout.length !== w.length)
    throw new RuleError(`kernel_layout '${layout}' does not fit a weight of rank ${w.length}`);
  const at = (c: string): Dim | undefined => {
    const i = layout.indexOf(c);
    return i >= 0 ? (w[i] ?? null) : undefined;
  };
  const spatial = w.filter((_, i) => !'OIM1'.includes(layout[i]!));
  const m = at('M');
  // Depthwise: every input channel is its own group with M outputs.
  const out = m !== undefined ? product([at('I') ?? null, m]) : (at('O') ?? null);
  const inPerGroup = m !== undefined || at('I') === undefined ? 1 : (at('I') ?? null);
  return transposed ? [inPerGroup, out, ...spatial] : [out, inPerGroup, ...spatial];
}
