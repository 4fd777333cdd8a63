/** Pooling → MaxPool/AveragePool (Caffe's ceil rounding), global pooling, and Faster R-CNN's ROIPooling → MaxRoiPool. */
import type { LayerContext, Mapped } from '../layer-context.js';
import { attr, single } from '../layer-context.js';
import { onnxPads, readWindow, spatialRank } from './window.js';

/** Caffe's pooled size: ceil (or floor) rounding, then the last window must start inside the padded input. */
function caffePooled(x: number, k: number, s: number, p: number, ceil: boolean, anyPad: boolean): number {
  const span = x + 2 * p - k;
  let out = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  if (anyPad && (out - 1) * s >= x + p) out--;
  return out;
}

/** ONNX ceil_mode size (onnxruntime/PyTorch: the last window must start inside input + begin pad). */
function onnxCeilPooled(x: number, k: number, s: number, p: number): number {
  let out = Math.ceil((x + 2 * p - k) / s) + 1;
  if ((out - 1) * s >= x + p) out--;
  return out;
}

/** Pooling (MAX, AVE, STOCHASTIC), windowed or global. */
export function pooling(ctx: LayerContext): Mapped {
  const p = ctx.param('pooling_param');
  const method = p.str('pool', 'MAX');
  const x = ctx.shapes[0];
  const max = method !== 'AVE';
  if (method === 'STOCHASTIC')
    ctx.warn(`STOCHASTIC pooling is shown as MaxPool (its test-time behaviour differs)`);
  if (p.bool('global_pooling', false)) {
    return single(ctx, max ? 'GlobalMaxPool' : 'GlobalAveragePool', [
      x ? [...x.slice(0, 2), ...x.slice(2).map(() => 1)] : null,
    ]);
  }
  const n = spatialRank(ctx, p);
  const win = readWindow(ctx, p, n, true);
  const ceil = p.str('round_mode', 'CEIL') !== 'FLOOR';
  const anyPad = win.pad.some((v) => v > 0);
  let shape = null;
  let extraEnd: number[] | undefined;
  let ceilMode = ceil ? 1 : 0;
  if (x) {
    const spatial = x
      .slice(2)
      .map((d, i) => caffePooled(d, win.kernel[i]!, win.stride[i]!, win.pad[i]!, ceil, anyPad));
    if (spatial.some((d) => !(d >= 1)))
      ctx.warn(`pooled size [${spatial.join(',')}] is empty for input [${x.join(',')}]`);
    else shape = [x[0]!, x[1]!, ...spatial];
    // Where ONNX's ceil_mode would round differently (no pad, stride > kernel), state Caffe's size
    // exactly: floor mode with the extra end padding Caffe's rounding implies.
    const differs =
      ceil &&
      spatial.some((d, i) => d !== onnxCeilPooled(x[i + 2]!, win.kernel[i]!, win.stride[i]!, win.pad[i]!));
    if (shape && differs) {
      extraEnd = spatial.map((d, i) =>
        Math.max(0, (d - 1) * win.stride[i]! + win.kernel[i]! - x[i + 2]! - 2 * win.pad[i]!),
      );
      ceilMode = 0;
    }
  }
  const attrs = [
    attr.ints('kernel_shape', win.kernel),
    attr.ints('strides', win.stride),
    attr.ints('pads', onnxPads(win.pad, extraEnd)),
    attr.int('ceil_mode', ceilMode),
  ];
  // Caffe averages over the window clipped to the padded input: padding counts.
  if (!max) attrs.push(attr.int('count_include_pad', 1));
  return single(ctx, max ? 'MaxPool' : 'AveragePool', [shape], attrs);
}

/** ROIPooling: bottoms (features, rois [R,5]) → [R, C, pooled_h, pooled_w]. */
export function roiPooling(ctx: LayerContext): Mapped {
  const p = ctx.param('roi_pooling_param');
  const ph = p.num('pooled_h', 0);
  const pw = p.num('pooled_w', 0);
  if (!(ph >= 1 && pw >= 1 && Number.isInteger(ph) && Number.isInteger(pw)))
    ctx.fail(`pooled_h/pooled_w must be positive`);
  const x = ctx.shapes[0];
  const r = ctx.shapes[1];
  const shape = x && r ? [r[0]!, x[1]!, ph, pw] : null;
  return single(
    ctx,
    'MaxRoiPool',
    [shape],
    [attr.ints('pooled_shape', [ph, pw]), attr.float('spatial_scale', p.num('spatial_scale', 1))],
  );
}
