/** Gradients of one output score with respect to any value: the part of the graph after it is re-run under a tape. */
import * as tf from '@tensorflow/tfjs';
import type { Node } from '@nnlens/ir';
import { RuntimeError } from './errors.js';
import { runNodes, type Lookup } from './executor.js';
import type { HostTensor } from './host.js';
import type { Program } from './program.js';
import { hostToTensor, logicalShape, toHost, toLogical, type RValue } from './rvalue.js';

/** The score to differentiate: Σ over the batch of output[b, index] (the output flattened per sample). */
export interface GradTarget {
  /** Flat index within one sample's output, usually a class. */
  index: number;
  /** Output value name; default the graph's first output (its logits when it ends in a softmax). */
  output?: string;
}

/** Nodes of the program that depend on `start`, in execution order. */
export function downstreamOf(program: Program, start: string): Node[] {
  const live = new Set([start]);
  const out: Node[] = [];
  for (const node of program.nodes) {
    if (!node.inputs.some((v) => v && live.has(v.name))) continue;
    out.push(node);
    for (const v of node.outputs) if (v) live.add(v.name);
  }
  return out;
}

/** Σ_b y[b, index] of an output value. */
export function targetScore(out: RValue, index: number): tf.Scalar {
  const t = toLogical(out);
  const batch = logicalShape(out)[0] ?? 1;
  const flat = tf.reshape(t, [t.rank === 0 ? 1 : batch, -1]);
  if (index < 0 || index >= flat.shape[1]!) {
    throw new RangeError(`target index ${index} is outside the output (${flat.shape[1]} values per sample)`);
  }
  return tf.sum(tf.slice(flat, [0, index], [flat.shape[0]!, 1]));
}

/** The result of a gradient computation. */
export interface GradientResult {
  /** d score / d wrt, logical layout, same shape as the value. */
  grad: HostTensor;
  /** The score itself. */
  score: number;
}

/**
 * d(target score)/d(value `wrt`), where `seed` is the value's tensor from a forward pass and `base`
 * supplies everything else that pass computed (values not downstream of `wrt` are constants here).
 */
export function gradientAt(
  program: Program,
  wrt: string,
  seed: RValue,
  base: Lookup,
  target: GradTarget,
): GradientResult {
  const output = target.output ?? program.scoreOutput();
  if (!output) throw new RuntimeError('the model has no output');
  const nodes = downstreamOf(program, wrt);
  const base0 = output.replace(/#pre$/, '');
  if (wrt !== output && !nodes.some((n) => n.outputs.some((v) => v?.name === base0))) {
    throw new RuntimeError(`output '${output}' does not depend on '${wrt}'`);
  }
  const nhwc = seed.kind === 'tensor' && seed.nhwc;
  const start = seed.kind === 'tensor' ? seed.tensor : hostToTensor(seed.host);
  if (start.dtype !== 'float32') throw new RuntimeError(`'${wrt}' is not a float tensor: no gradient`);
  const f = (a: tf.Tensor): tf.Scalar => {
    const env = new Map<string, RValue>([[wrt, { kind: 'tensor', tensor: a, nhwc }]]);
    runNodes(program, nodes, env, { keep: true, fallback: base });
    const out = env.get(output);
    if (!out) throw new RuntimeError(`output '${output}' was not computed`);
    return targetScore(out, target.index);
  };
  const { value, grad } = tf.valueAndGrad(f)(start);
  try {
    const score = value.dataSync()[0]!;
    return { grad: toHost({ kind: 'tensor', tensor: grad, nhwc }), score };
  } finally {
    value.dispose();
    grad.dispose();
    if (seed.kind === 'host') start.dispose();
  }
}
