/** Gemm and MatMul (numpy batch broadcasting, 1-D operands promoted and squeezed as ONNX specifies). */
import * as tf from '@tensorflow/tfjs';
import type { OpImpl } from '../op-context.js';
import { plain } from '../rvalue.js';

const gemm: OpImpl = (ctx) => {
  let a = ctx.tensor(0);
  let b = ctx.tensor(1);
  if (a.rank === 1) a = tf.reshape(a, [1, -1]);
  if (b.rank === 1) b = tf.reshape(b, [-1, 1]);
  const alpha = ctx.float('alpha', 1);
  const beta = ctx.float('beta', 1);
  let y = tf.matMul(a, b, ctx.int('transA', 0) === 1, ctx.int('transB', 0) === 1);
  if (alpha !== 1) y = tf.mul(y, alpha);
  if (ctx.has(2) && beta !== 0) {
    const c = ctx.tensor(2);
    y = tf.add(y, beta === 1 ? c : tf.mul(c, beta));
  }
  return [plain(y)];
};

const matmul: OpImpl = (ctx) => {
  let a = ctx.tensor(0);
  let b = ctx.tensor(1);
  if (ctx.string('kernel_layout', '') === 'OI') {
    // TFLite FullyConnected: weights [out, in]; the input is flattened to [−1, in] unless keep_num_dims.
    const inDim = b.shape[1]!;
    const lead = a.shape.slice(0, -1);
    if (ctx.int('keep_num_dims', 0) !== 1) a = tf.reshape(a, [-1, inDim]);
    let y = tf.matMul(a, b, false, true);
    if (ctx.has(2)) y = tf.add(y, ctx.tensor(2));
    return [plain(ctx.int('keep_num_dims', 0) === 1 ? tf.reshape(y, [...lead, b.shape[0]!]) : y)];
  }
  const aVec = a.rank === 1;
  const bVec = b.rank === 1;
  if (aVec) a = tf.reshape(a, [1, -1]);
  if (bVec) b = tf.reshape(b, [-1, 1]);
  let y = tf.matMul(a, b);
  if (aVec) y = tf.squeeze(y, [y.rank - 2]);
  if (bVec) y = tf.squeeze(y, [y.rank - 1]);
  // Keras Dense and TF's fused MatMul carry their bias as a third input.
  if (ctx.has(2)) y = tf.add(y, ctx.tensor(2));
  return [plain(y)];
};

/** Matrix-product op implementations. */
export const matmulOps: Record<string, OpImpl> = { Gemm: gemm, MatMul: matmul };
