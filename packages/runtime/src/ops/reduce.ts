/** Softmax/LogSoftmax (both axis conventions), Reduce* and ArgMax/ArgMin. */
import * as tf from '@tensorflow/tfjs';
import type { OpContext, OpImpl } from '../op-context.js';
import { plain } from '../rvalue.js';

/** Softmax over `axis`; before opset 13 the input is coerced to 2-D at `axis`. */
function softmaxLike(log: boolean): OpImpl {
  return (ctx) => {
    const x = ctx.tensor(0);
    const legacy = ctx.opset < 13;
    let axis = ctx.int('axis', legacy ? 1 : -1);
    if (axis < 0) axis += x.rank;
    const f = (t: tf.Tensor): tf.Tensor => (log ? tf.logSoftmax(t) : tf.softmax(t));
    if (legacy) {
      const rows = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
      return [plain(tf.reshape(f(tf.reshape(x, [rows, -1])), x.shape))];
    }
    if (axis === x.rank - 1) return [plain(f(x))];
    const perm = Array.from({ length: x.rank }, (_, i) => i);
    [perm[axis], perm[x.rank - 1]] = [perm[x.rank - 1]!, perm[axis]!];
    return [plain(tf.transpose(f(tf.transpose(x, perm)), perm))];
  };
}

/** The axes of a Reduce* node: attribute before opset 18 (13 for ReduceSum), input after. */
function reduceAxes(ctx: OpContext, rank: number, fromInputSince: number): number[] | null {
  const axes = ctx.opset >= fromInputSince ? (ctx.has(1) ? ctx.ints(1) : undefined) : ctx.intsAttr('axes');
  if (!axes || axes.length === 0) {
    return ctx.int('noop_with_empty_axes', 0) === 1 ? null : Array.from({ length: rank }, (_, i) => i);
  }
  return axes.map((a) => (a < 0 ? a + rank : a));
}

function reduce(f: (x: tf.Tensor, axes: number[], keep: boolean) => tf.Tensor, since = 18): OpImpl {
  return (ctx) => {
    const x = ctx.tensor(0);
    const axes = reduceAxes(ctx, x.rank, since);
    if (axes === null) return [plain(tf.clone(x))];
    return [plain(f(x, axes, ctx.int('keepdims', 1) === 1))];
  };
}

function argReduce(max: boolean): OpImpl {
  return (ctx) => {
    const x = ctx.tensor(0);
    let axis = ctx.int('axis', 0);
    if (axis < 0) axis += x.rank;
    if (ctx.int('select_last_index', 0) === 1) throw ctx.error('select_last_index is not supported');
    let y = max ? tf.argMax(x, axis) : tf.argMin(x, axis);
    if (ctx.int('keepdims', 1) === 1) y = tf.expandDims(y, axis);
    return [plain(y)];
  };
}

/** Softmax and reduction op implementations. */
export const reduceOps: Record<string, OpImpl> = {
  Softmax: softmaxLike(false),
  LogSoftmax: softmaxLike(true),
  ReduceMean: reduce((x, a, k) => tf.mean(x, a, k)),
  ReduceSum: reduce((x, a, k) => tf.sum(x, a, k), 13),
  ReduceMax: reduce((x, a, k) => tf.max(x, a, k)),
  ReduceMin: reduce((x, a, k) => tf.min(x, a, k)),
  ReduceProd: reduce((x, a, k) => tf.prod(x, a, k)),
  ReduceL2: reduce((x, a, k) => tf.sqrt(tf.sum(tf.square(x), a, k))),
  ReduceL1: reduce((x, a, k) => tf.sum(tf.abs(x), a, k)),
  ReduceSumSquare: reduce((x, a, k) => tf.sum(tf.square(x), a, k)),
  ReduceLogSumExp: reduce((x, a, k) => tf.logSumExp(x, a, k)),
  ArgMax: argReduce(true),
  ArgMin: argReduce(false),
};
