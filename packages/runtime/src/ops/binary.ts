/** Broadcasting element-wise ops (Add, Mul, Where, Equal, …); CNN activations stay NHWC when the result is 4-D. */
import * as tf from '@tensorflow/tfjs';
import type { OpContext, OpImpl } from '../op-context.js';
import { logicalShape, toLogical, toNhwc, type RValue } from '../rvalue.js';

/** The inputs in one layout: NHWC when any is stored NHWC and the broadcast result is rank 4. */
function aligned(ctx: OpContext, count: number): { tensors: tf.Tensor[]; nhwc: boolean } {
  const vals: RValue[] = [];
  for (let i = 0; i < count; i++) vals.push(ctx.input(i));
  const rank = Math.max(...vals.map((v) => logicalShape(v).length));
  const nhwc = rank === 4 && vals.some((v) => v.kind === 'tensor' && v.nhwc);
  return { tensors: vals.map((v) => (nhwc ? toNhwc(v) : toLogical(v))), nhwc };
}

/** Float ops need float operands: ints meeting floats (a Shape value times a scale) are promoted. */
function sameType(ts: tf.Tensor[]): tf.Tensor[] {
  if (ts.every((t) => t.dtype === ts[0]!.dtype)) return ts;
  return ts.map((t) => (t.dtype === 'float32' ? t : tf.cast(t, 'float32')));
}

function binary(f: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor): OpImpl {
  return (ctx) => {
    const { tensors, nhwc } = aligned(ctx, 2);
    const [a, b] = sameType(tensors);
    return [{ kind: 'tensor', tensor: f(a!, b!), nhwc }];
  };
}

/** Variadic Sum/Max/Min/Mean. */
function variadic(f: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, mean = false): OpImpl {
  return (ctx) => {
    const { tensors, nhwc } = aligned(ctx, ctx.inputCount);
    let acc = tensors[0]!;
    for (const t of tensors.slice(1)) acc = f(acc, t);
    if (mean) acc = tf.div(acc, tensors.length);
    return [{ kind: 'tensor', tensor: tensors.length === 1 ? tf.clone(acc) : acc, nhwc }];
  };
}

/** Integer division truncates in ONNX (C semantics); floats divide. */
function divide(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  if (a.dtype === 'int32') {
    const q = tf.div(tf.cast(a, 'float32'), tf.cast(b, 'float32'));
    return tf.cast(tf.mul(tf.sign(q), tf.floor(tf.abs(q))), 'int32');
  }
  return tf.div(a, b);
}

/** x^y; squares and square roots get their exact kernels (LayerNorm written out uses Pow(x, 2)). */
function power(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  if (b.size === 1 && b.dtype === 'float32') {
    const e = b.dataSync()[0];
    if (e === 2) return tf.square(a);
    if (e === 1) return tf.clone(a);
    if (e === 0.5) return tf.sqrt(a);
  }
  return tf.pow(a, b);
}

/** Numpy broadcast of two shapes. */
export function broadcast(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new RangeError(`shapes [${a}] and [${b}] do not broadcast`);
    out[i] = x === 1 ? y : x;
  }
  return out;
}

const where: OpImpl = (ctx) => {
  const { tensors, nhwc } = aligned(ctx, 3);
  const [c, a, b] = tensors;
  const [x, y] = sameType([a!, b!]);
  const dims = broadcast(broadcast(c!.shape, x!.shape), y!.shape);
  const out = tf.where(
    tf.broadcastTo(tf.cast(c!, 'bool'), dims),
    tf.broadcastTo(x!, dims),
    tf.broadcastTo(y!, dims),
  );
  return [{ kind: 'tensor', tensor: out, nhwc }];
};

/** Binary op implementations. */
export const binaryOps: Record<string, OpImpl> = {
  Add: binary((a, b) => tf.add(a, b)),
  Sub: binary((a, b) => tf.sub(a, b)),
  Mul: binary((a, b) => tf.mul(a, b)),
  Div: binary(divide),
  Pow: binary(power),
  Mod: binary((a, b) => tf.mod(a, b)),
  Equal: binary((a, b) => tf.equal(a, b)),
  Greater: binary((a, b) => tf.greater(a, b)),
  GreaterOrEqual: binary((a, b) => tf.greaterEqual(a, b)),
  Less: binary((a, b) => tf.less(a, b)),
  LessOrEqual: binary((a, b) => tf.lessEqual(a, b)),
  And: binary((a, b) => tf.logicalAnd(a, b)),
  Or: binary((a, b) => tf.logicalOr(a, b)),
  Xor: binary((a, b) => tf.logicalXor(a, b)),
  Sum: variadic((a, b) => tf.add(a, b)),
  Mean: variadic((a, b) => tf.add(a, b), true),
  Max: variadic((a, b) => tf.maximum(a, b)),
  Min: variadic((a, b) => tf.minimum(a, b)),
  Where: where,
};
