/** Element-wise unary ops (activations, math, Clip, Cast, Identity/Dropout); the layout of the input is kept. */
import * as tf from '@tensorflow/tfjs';
import type { OpContext, OpImpl } from '../op-context.js';
import { hostToTensor, type RValue } from '../rvalue.js';

/** Applies `f` to input 0, keeping NHWC storage (element-wise ops do not care about the order). */
function keepLayout(ctx: OpContext, f: (x: tf.Tensor) => tf.Tensor): RValue {
  const v = ctx.input(0);
  if (v.kind === 'host') return { kind: 'tensor', tensor: f(hostToTensor(v.host)), nhwc: false };
  return { kind: 'tensor', tensor: f(v.tensor), nhwc: v.nhwc };
}

function unary(f: (x: tf.Tensor, ctx: OpContext) => tf.Tensor): OpImpl {
  return (ctx) => [keepLayout(ctx, (x) => f(x, ctx))];
}

function scalarInput(ctx: OpContext, i: number): number | undefined {
  if (!ctx.has(i)) return undefined;
  const d = ctx.host(i).data;
  return d.length ? Number(d[0]) : undefined;
}

/** Clip: attributes before opset 11, optional scalar inputs after. */
const clip: OpImpl = (ctx) => {
  // Attributes (opset < 11, and other formats' ReLU6) win over the later optional inputs.
  const lo = ctx.float('min', NaN);
  const hi = ctx.float('max', NaN);
  const low = Number.isNaN(lo) ? (scalarInput(ctx, 1) ?? -Infinity) : lo;
  const high = Number.isNaN(hi) ? (scalarInput(ctx, 2) ?? Infinity) : hi;
  return clipTo(ctx, low, high);
};

function clipTo(ctx: OpContext, lo: number, hi: number): RValue[] {
  // ReLU6 is the common case and has its own kernel.
  if (lo === 0 && hi === 6) return [keepLayout(ctx, (x) => tf.relu6(x))];
  return [keepLayout(ctx, (x) => tf.clipByValue(x, lo, hi))];
}

const identity: OpImpl = (ctx) => {
  const v = ctx.input(0);
  // Outputs are disposed independently of inputs: hand out a clone, never the same tensor.
  if (v.kind === 'host') return [v, null];
  return [{ kind: 'tensor', tensor: tf.clone(v.tensor), nhwc: v.nhwc }, null];
};

const TF_DTYPE: Record<number, 'float32' | 'int32' | 'bool'> = {
  1: 'float32', // FLOAT
  10: 'float32', // FLOAT16
  11: 'float32', // DOUBLE
  16: 'float32', // BFLOAT16
  2: 'int32', // UINT8
  3: 'int32', // INT8
  4: 'int32', // UINT16
  5: 'int32', // INT16
  6: 'int32', // INT32
  7: 'int32', // INT64
  12: 'int32', // UINT32
  13: 'int32', // UINT64
  9: 'bool', // BOOL
};

const cast: OpImpl = (ctx) => {
  const to = TF_DTYPE[ctx.int('to', 1)];
  if (!to) throw ctx.error(`cast to ONNX type ${ctx.int('to', 1)} is not supported`);
  const v = ctx.input(0);
  if (v.kind === 'host') {
    const h = v.host;
    if (to === 'float32')
      return [{ kind: 'host', host: { dtype: 'float32', shape: h.shape, data: Float32Array.from(h.data) } }];
    const data = Array.from(h.data, (x) => (to === 'bool' ? (x ? 1 : 0) : Math.trunc(Number(x))));
    return [{ kind: 'host', host: { dtype: to === 'bool' ? 'bool' : 'int64', shape: h.shape, data } }];
  }
  return [keepLayout(ctx, (x) => tf.cast(x, to))];
};

const gelu = (x: tf.Tensor, ctx: OpContext): tf.Tensor => {
  if (ctx.string('approximate', 'none') === 'tanh') {
    const inner = tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI));
    return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
  }
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
};

/** Unary op implementations. */
export const unaryOps: Record<string, OpImpl> = {
  Relu: unary((x) => tf.relu(x)),
  LeakyRelu: unary((x, c) => tf.leakyRelu(x, c.float('alpha', 0.01))),
  PRelu: (ctx) => [keepLayout(ctx, (x) => tf.prelu(x, ctx.tensor(1)))],
  Elu: unary((x, c) => {
    const a = c.float('alpha', 1);
    return a === 1 ? tf.elu(x) : tf.where(tf.greater(x, 0), x, tf.mul(tf.sub(tf.exp(x), 1), a));
  }),
  Selu: unary((x, c) => {
    const a = c.float('alpha', 1.67326319217681884765625);
    const g = c.float('gamma', 1.05070102214813232421875);
    return tf.mul(tf.where(tf.greater(x, 0), x, tf.mul(tf.sub(tf.exp(x), 1), a)), g);
  }),
  Sigmoid: unary((x) => tf.sigmoid(x)),
  Swish: unary((x) => tf.mul(x, tf.sigmoid(x))),
  HardSigmoid: unary((x, c) =>
    tf.clipByValue(tf.add(tf.mul(x, c.float('alpha', 0.2)), c.float('beta', 0.5)), 0, 1),
  ),
  HardSwish: unary((x) => tf.mul(x, tf.clipByValue(tf.add(tf.mul(x, 1 / 6), 0.5), 0, 1))),
  Tanh: unary((x) => tf.tanh(x)),
  Softplus: unary((x) => tf.softplus(x)),
  Softsign: unary((x) => tf.div(x, tf.add(tf.abs(x), 1))),
  Mish: unary((x) => tf.mul(x, tf.tanh(tf.softplus(x)))),
  Gelu: unary(gelu),
  Erf: unary((x) => tf.erf(x)),
  Exp: unary((x) => tf.exp(x)),
  Log: unary((x) => tf.log(x)),
  Sqrt: unary((x) => tf.sqrt(x)),
  Neg: unary((x) => tf.neg(x)),
  Abs: unary((x) => tf.abs(x)),
  Reciprocal: unary((x) => tf.reciprocal(x)),
  Floor: unary((x) => tf.floor(x)),
  Ceil: unary((x) => tf.ceil(x)),
  Round: unary((x) => tf.round(x)),
  Sign: unary((x) => tf.sign(x)),
  Sin: unary((x) => tf.sin(x)),
  Cos: unary((x) => tf.cos(x)),
  Not: unary((x) => tf.logicalNot(x)),
  IsNaN: unary((x) => tf.isNaN(x)),
  Clip: clip,
  Cast: cast,
  Identity: identity,
  Dropout: identity,
};
