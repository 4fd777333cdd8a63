/** BatchNorm → BatchNormalization (statistics only, as in Caffe), Scale and Bias (Caffe ops), SSD's Normalize. */
import type { BlobShape, LayerContext, Mapped } from '../layer-context.js';
import { attr, axisOf, single } from '../layer-context.js';

/**
 * BatchNorm: Caffe's layer holds mean and variance (its affine part is a separate Scale layer), so the
 * ONNX scale/B inputs are omitted. The third blob, a moving-average normaliser (mean and variance are
 * stored multiplied by it), is one scalar: it becomes the `scale_factor` attribute, not a weight, so the
 * parameter count is 2·C per BatchNorm, as the Netscope analyzer counts it.
 */
export function batchNorm(ctx: LayerContext): Mapped {
  const p = ctx.param('batch_norm_param');
  const c = ctx.shapes[0]?.[1];
  const cs: BlobShape = c === undefined ? null : [c];
  const mean = ctx.weight('mean', 0, cs);
  const variance = ctx.weight('variance', 1, cs);
  const attrs = [
    attr.float('epsilon', p.num('eps', 1e-5)),
    attr.float('momentum', p.num('moving_average_fraction', 0.999)),
  ];
  const factor = ctx.blobScalar(2);
  if (factor !== undefined) attrs.push(attr.float('scale_factor', factor));
  return single(ctx, 'BatchNormalization', [ctx.shapes[0] ?? null], attrs, [null, null, mean, variance]);
}

/** The parameter shape x[axis : axis+num_axes] of Scale/Bias. */
function affineShape(ctx: LayerContext, axisRaw: number, numAxes: number): BlobShape {
  const x = ctx.shapes[0];
  if (!x) return null;
  const axis = axisOf(ctx, axisRaw, Math.max(1, x.length));
  if (numAxes < -1) ctx.fail(`num_axes ${numAxes} is not valid`);
  const end = numAxes === -1 ? x.length : axis + numAxes;
  if (end > x.length) ctx.fail(`axis ${axis} + num_axes ${numAxes} exceed the ${x.length}-d input`);
  return x.slice(axis, end);
}

/** Scale: y = x·γ (+ β) with γ over axes [axis, axis+num_axes), or γ from a second bottom. */
export function scale(ctx: LayerContext): Mapped {
  const p = ctx.param('scale_param');
  const axis = p.num('axis', 1);
  const attrs = [attr.int('axis', axis)];
  const extra = [];
  if (ctx.inputs.length < 2) {
    const shape = affineShape(ctx, axis, p.num('num_axes', 1));
    extra.push(ctx.weight('scale', 0, shape));
  }
  if (p.bool('bias_term', false)) {
    const shape =
      ctx.inputs.length < 2 ? affineShape(ctx, axis, p.num('num_axes', 1)) : (ctx.shapes[1] ?? null);
    extra.push(ctx.weight('bias', ctx.inputs.length < 2 ? 1 : 0, shape));
  }
  return single(ctx, 'Scale', [ctx.shapes[0] ?? null], attrs, extra, 'caffe');
}

/** Bias: y = x + β, β over axes [axis, axis+num_axes) or from a second bottom. */
export function bias(ctx: LayerContext): Mapped {
  const p = ctx.param('bias_param');
  const axis = p.num('axis', 1);
  const extra =
    ctx.inputs.length < 2 ? [ctx.weight('bias', 0, affineShape(ctx, axis, p.num('num_axes', 1)))] : [];
  return single(ctx, 'Bias', [ctx.shapes[0] ?? null], [attr.int('axis', axis)], extra, 'caffe');
}

/** Normalize (SSD): L2 normalisation with a learned scale per channel, or one shared scale. */
export function normalize(ctx: LayerContext): Mapped {
  const p = ctx.param('norm_param');
  const shared = p.bool('channel_shared', true);
  const c = ctx.shapes[0]?.[1];
  const w = ctx.weight('scale', 0, shared ? [1] : c === undefined ? null : [c]);
  const attrs = [
    attr.int('across_spatial', p.bool('across_spatial', true) ? 1 : 0),
    attr.float('eps', p.num('eps', 1e-10)),
  ];
  return single(ctx, 'Normalize', [ctx.shapes[0] ?? null], attrs, [w], 'caffe');
}
