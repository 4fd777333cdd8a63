/**
 * Convolutions with a fast input gradient. tfjs-wasm's Conv2DBackpropInput is a naive loop (~12× slower
 * than its XNNPACK forward conv), so dL/dx is computed as a forward convolution of the zero-dilated,
 * padded dy with the spatially flipped filter. Filter gradients are never taken (weights are constants).
 */
import * as tf from '@tensorflow/tfjs';
import { withInputGrad } from './custom-grad.js';

/** Geometry of a 2-D convolution in NHWC with explicit pads [top, bottom, left, right]. */
export interface ConvGeometry {
  strides: [number, number];
  dilations: [number, number];
  pads: [number, number, number, number];
}

/** tfjs' explicit padding: [[0,0],[top,bottom],[left,right],[0,0]]. */
type Explicit = [[number, number], [number, number], [number, number], [number, number]];

function explicit(p: ConvGeometry['pads']): Explicit {
  return [
    [0, 0],
    [p[0], p[1]],
    [p[2], p[3]],
    [0, 0],
  ];
}

/** Pads (positive) or crops (negative) axis 1 and 2 of an NHWC tensor. */
function padOrCrop(t: tf.Tensor4D, top: number, bottom: number, left: number, right: number): tf.Tensor4D {
  let out = t;
  if (top > 0 || bottom > 0 || left > 0 || right > 0) {
    out = tf.pad(out, [
      [0, 0],
      [Math.max(0, top), Math.max(0, bottom)],
      [Math.max(0, left), Math.max(0, right)],
      [0, 0],
    ]);
  }
  if (top < 0 || bottom < 0 || left < 0 || right < 0) {
    const [n, h, w, c] = out.shape;
    const t0 = Math.max(0, -top);
    const l0 = Math.max(0, -left);
    out = tf.slice(out, [0, t0, l0, 0], [n, h - t0 - Math.max(0, -bottom), w - l0 - Math.max(0, -right), c]);
  }
  return out;
}

/** Inserts (s−1) zeros between neighbouring rows/columns of dy (the transpose of a strided window). */
function dilate(dy: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  let t = dy;
  const [n, ho, wo, c] = t.shape;
  if (sh > 1) {
    t = tf.reshape(
      tf.pad(tf.reshape(t, [n, ho, 1, wo, c]), [
        [0, 0],
        [0, 0],
        [0, sh - 1],
        [0, 0],
        [0, 0],
      ]),
      [n, ho * sh, wo, c],
    );
    t = tf.slice(t, [0, 0, 0, 0], [n, (ho - 1) * sh + 1, wo, c]);
  }
  if (sw > 1) {
    const h = t.shape[1];
    t = tf.reshape(
      tf.pad(tf.reshape(t, [n, h, wo, 1, c]), [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, sw - 1],
        [0, 0],
      ]),
      [n, h, wo * sw, c],
    );
    t = tf.slice(t, [0, 0, 0, 0], [n, h, (wo - 1) * sw + 1, c]);
  }
  return t;
}

/** dy dilated and padded so that a stride-1 'valid' conv with the flipped kernel gives dx of size [h, w]. */
function spreadGrad(
  dy: tf.Tensor4D,
  g: ConvGeometry,
  kh: number,
  kw: number,
  h: number,
  w: number,
): tf.Tensor4D {
  const d = dilate(dy, g.strides[0], g.strides[1]);
  const [ho, wo] = [dy.shape[1], dy.shape[2]];
  const top = (kh - 1) * g.dilations[0] - g.pads[0];
  const left = (kw - 1) * g.dilations[1] - g.pads[2];
  // Rows of x below the last window get no gradient (positive pad); a pad larger than the kernel crops.
  const bottom = h - 1 - (ho - 1) * g.strides[0] + g.pads[0];
  const right = w - 1 - (wo - 1) * g.strides[1] + g.pads[2];
  return padOrCrop(d, top, bottom, left, right);
}

/** conv2d (NHWC, HWIO filter) whose input gradient is itself a forward conv. */
export function conv2dFast(x: tf.Tensor4D, filter: tf.Tensor4D, g: ConvGeometry): tf.Tensor4D {
  const [kh, kw] = [filter.shape[0], filter.shape[1]];
  const [, h, w] = x.shape;
  return withInputGrad(
    x,
    [filter],
    (t) => tf.conv2d(t, filter, g.strides, explicit(g.pads), 'NHWC', g.dilations),
    (dy, _x, [f]) => {
      const flipped = tf.transpose(tf.reverse(f!, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
      return tf.conv2d(
        spreadGrad(dy as tf.Tensor4D, g, kh, kw, h, w),
        flipped,
        1,
        'valid',
        'NHWC',
        g.dilations,
      );
    },
  ) as tf.Tensor4D;
}

/** Depthwise conv2d (NHWC, filter [kh,kw,C,multiplier]) with the same fast input gradient. */
export function depthwiseFast(x: tf.Tensor4D, filter: tf.Tensor4D, g: ConvGeometry): tf.Tensor4D {
  const [kh, kw, c, m] = filter.shape;
  const [, h, w] = x.shape;
  return withInputGrad(
    x,
    [filter],
    (t) => tf.depthwiseConv2d(t, filter, g.strides, explicit(g.pads), 'NHWC', g.dilations),
    (dy, _x, [f]) => {
      const flipped = tf.reverse(f!, [0, 1]) as tf.Tensor4D;
      const [n, ho, wo] = (dy as tf.Tensor4D).shape;
      // Output channel c·m+k reads input channel c with kernel [:, :, c, k]: one depthwise pass per k.
      const byK = m === 1 ? [dy] : tf.unstack(tf.reshape(dy, [n, ho, wo, c, m]), 4);
      let sum: tf.Tensor4D | null = null;
      for (let k = 0; k < m; k++) {
        const kernel = m === 1 ? flipped : (tf.slice(flipped, [0, 0, 0, k], [kh, kw, c, 1]) as tf.Tensor4D);
        const spread = spreadGrad(byK[k] as tf.Tensor4D, g, kh, kw, h, w);
        const part: tf.Tensor4D = tf.depthwiseConv2d(spread, kernel, 1, 'valid', 'NHWC', g.dilations);
        sum = sum ? (tf.add(sum, part) as tf.Tensor4D) : part;
      }
      return sum!;
    },
  ) as tf.Tensor4D;
}
