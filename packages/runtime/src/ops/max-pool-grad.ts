/**
 * Max pooling whose gradient goes to the FIRST maximum of each window in row-major order, as PyTorch does
 * (tfjs-wasm picks the last one; on flat image regions ties are common and would move saliency pixels).
 */
import * as tf from '@tensorflow/tfjs';
import { withInputGrad } from './custom-grad.js';
import type { Window2D } from './window.js';

/** Backward pass on the host: for every output cell, the first in-bounds maximal input gets dy. */
function firstMaxBackward(x: tf.Tensor4D, dy: tf.Tensor4D, win: Window2D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const [, ho, wo] = dy.shape;
  const xs = x.dataSync() as Float32Array;
  const gs = dy.dataSync() as Float32Array;
  const dx = new Float32Array(xs.length);
  const [kh, kw] = win.kernel;
  const [sh, sw] = win.strides;
  const [dh, dw] = win.dilations;
  const [pt, , pl] = win.pads;
  for (let b = 0; b < n; b++) {
    const base = b * h * w * c;
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        const gBase = ((b * ho + oy) * wo + ox) * c;
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity;
          let at = -1;
          for (let a = 0; a < kh; a++) {
            const iy = oy * sh - pt + a * dh;
            if (iy < 0 || iy >= h) continue;
            for (let e = 0; e < kw; e++) {
              const ix = ox * sw - pl + e * dw;
              if (ix < 0 || ix >= w) continue;
              const idx = base + (iy * w + ix) * c + ch;
              const v = xs[idx]!;
              if (v > best || Number.isNaN(v)) {
                best = v;
                at = idx;
                if (Number.isNaN(v)) break;
              }
            }
          }
          if (at >= 0) dx[at] += gs[gBase + ch]!;
        }
      }
    }
  }
  return tf.tensor4d(dx, [n, h, w, c]);
}

/** Max pool over NHWC with explicit pads (pads act as −∞), PyTorch-style gradient. */
export function maxPoolFirst(x: tf.Tensor4D, win: Window2D): tf.Tensor4D {
  const [pt, pb, pl, pr] = win.pads;
  const forward = (input: tf.Tensor4D): tf.Tensor => {
    const padded =
      pt || pb || pl || pr
        ? tf.pad(
            input,
            [
              [0, 0],
              [pt, pb],
              [pl, pr],
              [0, 0],
            ],
            -Infinity,
          )
        : input;
    if (win.dilations[0] === 1 && win.dilations[1] === 1)
      return tf.maxPool(padded, win.kernel, win.strides, 'valid');
    return tf.pool(padded, win.kernel, 'max', 'valid', win.dilations, win.strides);
  };
  return withInputGrad(x, [], forward, (dy, input) =>
    firstMaxBackward(input, dy as tf.Tensor4D, win),
  ) as tf.Tensor4D;
}
