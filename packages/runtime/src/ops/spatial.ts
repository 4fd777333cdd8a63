/** Brings 1-D and 2-D spatial inputs to NHWC and back, so Conv and the pools share one 2-D code path. */
import * as tf from '@tensorflow/tfjs';
import type { OpContext } from '../op-context.js';
import { channelsLast, logicalShape, plain, toNhwc, type RValue } from '../rvalue.js';

/** A spatial input as NHWC, with what is needed to restore its rank. */
export interface Spatial {
  x: tf.Tensor4D;
  oneD: boolean;
}

/** Input `i` ([N,C,L] or [N,C,H,W]) as NHWC; rank 5 (3-D ops) is not supported. */
export function spatialInput(ctx: OpContext, i: number): Spatial {
  const v = ctx.input(i);
  const rank = logicalShape(v).length;
  if (rank === 4) return { x: toNhwc(v) as tf.Tensor4D, oneD: false };
  if (rank === 3) {
    const [n, c, l] = logicalShape(v) as [number, number, number];
    const t = tf.reshape(tf.transpose(ctx.tensor(i), [0, 2, 1]), [n, 1, l, c]) as tf.Tensor4D;
    return { x: t, oneD: true };
  }
  throw ctx.error(`only 1-D and 2-D inputs are supported, got rank ${rank}`);
}

/** Wraps an NHWC result back into the input's rank. */
export function spatialOutput(s: Spatial, y: tf.Tensor4D): RValue {
  if (!s.oneD) return channelsLast(y);
  const [n, , l, c] = y.shape;
  return plain(tf.transpose(tf.reshape(y, [n, l, c]), [0, 2, 1]));
}
