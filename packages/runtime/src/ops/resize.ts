/** Resize (opset 10+) and Upsample: nearest and (bi)linear over the spatial axes of 4-D tensors. */
import * as tf from '@tensorflow/tfjs';
import type { OpContext, OpImpl } from '../op-context.js';
import { channelsLast, logicalShape, plain, toNhwc } from '../rvalue.js';

function targetSize(
  ctx: OpContext,
  shape: number[],
  scalesAt: number,
  sizesAt: number,
  cl: boolean,
): [number, number] {
  // Spatial axes: 2, 3 in NCHW; 1, 2 in channels-last [N, H, W, C].
  const [h, w, c] = cl ? [1, 2, 3] : [2, 3, 1];
  if (sizesAt >= 0 && ctx.has(sizesAt) && ctx.host(sizesAt).data.length > 0) {
    const s = ctx.ints(sizesAt);
    return [s[h]!, s[w]!];
  }
  const scales = ctx.has(scalesAt) ? ctx.floats(scalesAt) : (ctx.floatsAttr('scales') ?? []);
  if (scales.length !== 4) throw ctx.error('Resize needs 4 scales or sizes');
  if (scales[0] !== 1 || scales[c] !== 1)
    throw ctx.error('only spatial resizing (N and C scale 1) is supported');
  return [Math.floor(shape[h]! * scales[h]!), Math.floor(shape[w]! * scales[w]!)];
}

function resizeWith(ctx: OpContext, scalesAt: number, sizesAt: number): tf.Tensor4D {
  const v = ctx.input(0);
  const shape = logicalShape(v);
  if (shape.length !== 4) throw ctx.error(`only 4-D Resize is supported, got rank ${shape.length}`);
  const cl = ctx.int('channels_last', 0) === 1;
  const size = targetSize(ctx, shape, scalesAt, sizesAt, cl);
  const mode = ctx.string('mode', 'nearest');
  const coord = ctx.string('coordinate_transformation_mode', ctx.opset < 11 ? 'asymmetric' : 'half_pixel');
  const align = coord === 'align_corners';
  const half = coord === 'half_pixel' || coord === 'pytorch_half_pixel';
  if (!align && !half && coord !== 'asymmetric')
    throw ctx.error(`coordinate mode '${coord}' is not supported`);
  const x = (cl ? ctx.tensor(0) : toNhwc(v)) as tf.Tensor4D;
  if (mode === 'nearest') {
    const nm = ctx.string('nearest_mode', 'round_prefer_floor');
    // tfjs floors asymmetric coordinates and rounds half-pixel / aligned ones.
    if (coord === 'asymmetric' && nm !== 'floor')
      throw ctx.error(`nearest_mode '${nm}' with asymmetric coordinates is not supported`);
    return tf.image.resizeNearestNeighbor(x, size, align, half);
  }
  if (mode === 'linear' || mode === 'bilinear') return tf.image.resizeBilinear(x, size, align, half);
  throw ctx.error(`Resize mode '${mode}' is not supported`);
}

/** The NHWC result as the node's layout wants it. */
function wrap(ctx: OpContext, y: tf.Tensor4D) {
  return ctx.int('channels_last', 0) === 1 ? plain(y) : channelsLast(y);
}

/** Resize op implementations. */
export const resizeOps: Record<string, OpImpl> = {
  Resize: (ctx) => [wrap(ctx, resizeWith(ctx, ctx.opset < 11 ? 1 : 2, ctx.opset < 11 ? -1 : 3))],
  Upsample: (ctx) => [wrap(ctx, resizeWith(ctx, 1, -1))],
};
