/** Brings 1-D and 2-D spatial inputs to NHWC and back, so Conv and the pools share one 2-D code path. */
import * as tf from '@tensorflow/tfjs';
import type { OpContext } from '../op-context.js';
import { channelsLast, logicalShape, plain, toNhwc, type RValue } from '../rvalue.js';

/** A spatial input as NHWC, with what is needed to restore its rank and layout. */
export interface Spatial {
  x: tf.Tensor4D;
  oneD: boolean;
  /** The node works on channels-last values (Keras, TF.js, TFLite): [N, H, W, C] in and out. */
  channelsLast: boolean;
}

/** True for nodes of channels-last formats (attribute channels_last = 1). */
export function isChannelsLast(ctx: OpContext): boolean {
  return ctx.int('channels_last', 0) === 1;
}

/** Input `i` ([N,C,L] or [N,C,H,W]) as NHWC; rank 5 (3-D ops) is not supported. */
export function spatialInput(ctx: OpContext, i: number): Spatial {
  const v = ctx.input(i);
  const rank = logicalShape(v).length;
  if (isChannelsLast(ctx)) {
    // Channels-last values are NHWC already: no transposes at all.
    const t = ctx.tensor(i);
    if (rank === 4) return { x: t as tf.Tensor4D, oneD: false, channelsLast: true };
    if (rank === 3) return { x: tf.expandDims(t, 1) as tf.Tensor4D, oneD: true, channelsLast: true };
  }
  if (rank === 4) return { x: toNhwc(v) as tf.Tensor4D, oneD: false, channelsLast: false };
  if (rank === 3) {
    const [n, c, l] = logicalShape(v) as [number, number, number];
    const t = tf.reshape(tf.transpose(ctx.tensor(i), [0, 2, 1]), [n, 1, l, c]) as tf.Tensor4D;
    return { x: t, oneD: true, channelsLast: false };
  }
  throw ctx.error(`only 1-D and 2-D inputs are supported, got rank ${rank}`);
}

/** Wraps an NHWC result back into the input's rank. */
export function spatialOutput(s: Spatial, y: tf.Tensor4D): RValue {
  if (s.channelsLast) return plain(s.oneD ? tf.squeeze(y, [1]) : y);
  if (!s.oneD) return channelsLast(y);
  const [n, , l, c] = y.shape;
  return plain(tf.transpose(tf.reshape(y, [n, l, c]), [0, 2, 1]));
}
