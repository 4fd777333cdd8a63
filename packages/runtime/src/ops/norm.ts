/** BatchNormalization (inference), LayerNormalization, InstanceNormalization, LRN. */
import * as tf from '@tensorflow/tfjs';
import type { OpContext, OpImpl } from '../op-context.js';
import { channelsLast, logicalShape, plain, toNhwc } from '../rvalue.js';

/** Per-channel scale and shift of BatchNormalization, folded once when the statistics are constants. */
function bnAffine(ctx: OpContext): { scale: tf.Tensor1D; shift: tf.Tensor1D } {
  const eps = ctx.float('epsilon', 1e-5);
  const make = (): { scale: tf.Tensor1D; shift: tf.Tensor1D } =>
    tf.tidy(() => {
      const [g, b, m, v] = [1, 2, 3, 4].map((i) => ctx.tensor(i) as tf.Tensor1D);
      const scale = tf.mul(g!, tf.rsqrt(tf.add(v!, eps))) as tf.Tensor1D;
      return { scale, shift: tf.sub(b!, tf.mul(m!, scale)) as tf.Tensor1D };
    });
  const constant = [1, 2, 3, 4].every((i) => ctx.constant(i));
  if (!constant) return make();
  return ctx.cached('bn', () => {
    const r = make();
    tf.keep(r.scale);
    tf.keep(r.shift);
    return r;
  });
}

const batchNorm: OpImpl = (ctx) => {
  const v = ctx.input(0);
  const { scale, shift } = bnAffine(ctx);
  const shape = logicalShape(v);
  // Channels-last (Keras axis −1): scale and shift broadcast along the last axis as they are.
  if (ctx.int('channels_last', 0) === 1)
    return [plain(tf.add(tf.mul(ctx.tensor(0), scale), shift)), null, null];
  if (shape.length === 4) return [channelsLast(tf.add(tf.mul(toNhwc(v), scale), shift)), null, null];
  // [N,C] or [N,C,L…]: channel is axis 1.
  const bshape = [shape[1]!, ...new Array<number>(Math.max(0, shape.length - 2)).fill(1)];
  const x = ctx.tensor(0);
  return [plain(tf.add(tf.mul(x, tf.reshape(scale, bshape)), tf.reshape(shift, bshape))), null, null];
};

const layerNorm: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  const axis = ctx.int('axis', -1);
  const start = axis < 0 ? axis + x.rank : axis;
  const axes = Array.from({ length: x.rank - start }, (_, i) => start + i);
  const eps = ctx.float('epsilon', 1e-5);
  const mean = tf.mean(x, axes, true);
  const d = tf.sub(x, mean);
  const variance = tf.mean(tf.square(d), axes, true);
  let y = tf.mul(tf.mul(d, tf.rsqrt(tf.add(variance, eps))), ctx.tensor(1));
  if (ctx.has(2)) y = tf.add(y, ctx.tensor(2));
  return [plain(y), null, null];
};

const instanceNorm: OpImpl = (ctx) => {
  const v = ctx.input(0);
  if (logicalShape(v).length !== 4) throw ctx.error('only 4-D InstanceNormalization is supported');
  const x = toNhwc(v);
  const eps = ctx.float('epsilon', 1e-5);
  const { mean, variance } = tf.moments(x, [1, 2], true);
  const y = tf.add(
    tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps))), ctx.tensor(1)),
    ctx.tensor(2),
  );
  return [channelsLast(y)];
};

const lrn: OpImpl = (ctx) => {
  const v = ctx.input(0);
  const size = ctx.int('size', 5);
  const alpha = ctx.float('alpha', 1e-4);
  // ONNX divides alpha by size; tfjs' depthRadius is the half-width of the window.
  const y = tf.localResponseNormalization(
    toNhwc(v) as tf.Tensor4D,
    (size - 1) / 2,
    ctx.float('bias', 1),
    alpha / size,
    ctx.float('beta', 0.75),
  );
  return [channelsLast(y)];
};

/** Normalisation op implementations. */
export const normOps: Record<string, OpImpl> = {
  BatchNormalization: batchNorm,
  LayerNormalization: layerNorm,
  InstanceNormalization: instanceNorm,
  LRN: lrn,
};
