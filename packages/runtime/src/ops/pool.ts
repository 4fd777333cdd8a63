/** MaxPool, AveragePool (count_include_pad, ceil_mode), GlobalAveragePool, GlobalMaxPool, LpPool-free. */
import * as tf from '@tensorflow/tfjs';
import type { OpContext, OpImpl } from '../op-context.js';
import { channelsLast, logicalShape, plain, toNhwc } from '../rvalue.js';
import { maxPoolFirst } from './max-pool-grad.js';
import { isChannelsLast, spatialInput, spatialOutput } from './spatial.js';
import { resolveWindow, type Window2D } from './window.js';

function kernelOf(ctx: OpContext, oneD: boolean): [number, number] {
  const k = ctx.intsAttr('kernel_shape');
  if (!k) throw ctx.error('kernel_shape is required');
  return (oneD ? [1, k[0]!] : k) as [number, number];
}

/** How many elements each output window averages over (ONNX count_include_pad semantics). */
function divisors(win: Window2D, h: number, w: number, includePad: boolean): Float32Array {
  const [ho, wo] = win.out;
  const out = new Float32Array(ho * wo);
  // With count_include_pad the declared pads count, ceil_mode's extra rows never do.
  const decl = includePad ? win.pads : [0, 0, 0, 0];
  const lo = [-decl[0]!, -decl[2]!];
  const hi = [h + decl[1]!, w + decl[3]!];
  for (let oy = 0; oy < ho; oy++) {
    const y0 = oy * win.strides[0] - win.pads[0];
    const ny = Math.min(y0 + win.kernel[0], hi[0]!) - Math.max(y0, lo[0]!);
    for (let ox = 0; ox < wo; ox++) {
      const x0 = ox * win.strides[1] - win.pads[2];
      const nx = Math.min(x0 + win.kernel[1], hi[1]!) - Math.max(x0, lo[1]!);
      out[oy * wo + ox] = Math.max(1, ny) * Math.max(1, nx);
    }
  }
  return out;
}

const maxPool: OpImpl = (ctx) => {
  const s = spatialInput(ctx, 0);
  const [, h, w] = s.x.shape;
  const win = resolveWindow(ctx, h, w, kernelOf(ctx, s.oneD), s.oneD);
  if (ctx.node.outputs.length > 1 && ctx.node.outputs[1])
    throw ctx.error('the Indices output is not supported');
  return [spatialOutput(s, maxPoolFirst(s.x, win))];
};

const averagePool: OpImpl = (ctx) => {
  const s = spatialInput(ctx, 0);
  const [, h, w] = s.x.shape;
  const win = resolveWindow(ctx, h, w, kernelOf(ctx, s.oneD), s.oneD);
  if (win.dilations.some((d) => d !== 1)) throw ctx.error('dilated AveragePool is not supported');
  const [pt, pb, pl, pr] = win.pads;
  const padded =
    pt || pb || pl || pr
      ? tf.pad(s.x, [
          [0, 0],
          [pt, pb],
          [pl, pr],
          [0, 0],
        ])
      : s.x;
  const area = win.kernel[0] * win.kernel[1];
  let y = tf.avgPool(padded, win.kernel, win.strides, 'valid');
  const div = divisors(win, h, w, ctx.int('count_include_pad', 0) === 1);
  // avgPool divides by the full kernel area; rescale where fewer elements count.
  if (div.some((d) => d !== area)) {
    const scale = tf.tensor4d(
      div.map((d) => area / d),
      [1, win.out[0], win.out[1], 1],
    );
    y = tf.mul(y, scale);
  }
  return [spatialOutput(s, y)];
};

function globalPool(kind: 'mean' | 'max'): OpImpl {
  return (ctx) => {
    const v = ctx.input(0);
    const keep = ctx.int('keepdims', 1) === 1;
    const reduce = (t: tf.Tensor, axes: number[]): tf.Tensor =>
      kind === 'mean' ? tf.mean(t, axes, keep) : tf.max(t, axes, keep);
    const rank = logicalShape(v).length;
    if (isChannelsLast(ctx)) {
      // [N, spatial…, C]: Keras drops the spatial axes unless keepdims.
      return [
        plain(
          reduce(
            ctx.tensor(0),
            Array.from({ length: rank - 2 }, (_, i) => i + 1),
          ),
        ),
      ];
    }
    if (rank !== 4 || !keep)
      return [
        plain(
          reduce(
            ctx.tensor(0),
            Array.from({ length: rank - 2 }, (_, i) => i + 2),
          ),
        ),
      ];
    return [channelsLast(reduce(toNhwc(v), [1, 2]))];
  };
}

/** Pooling op implementations. */
export const poolOps: Record<string, OpImpl> = {
  MaxPool: maxPool,
  AveragePool: averagePool,
  GlobalAveragePool: globalPool('mean'),
  GlobalMaxPool: globalPool('max'),
};
