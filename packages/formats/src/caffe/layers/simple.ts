/** Activations and other shape-preserving layers: ReLU/PReLU/Sigmoid/TanH/…, Dropout, Softmax, LRN, MVN, Power. */
import type { LayerContext, Mapped } from '../layer-context.js';
import { attr, axisOf, single } from '../layer-context.js';

const same = (ctx: LayerContext): Mapped['shapes'] => [ctx.shapes[0] ?? null];

/** ReLU → Relu, or LeakyRelu when negative_slope is set. */
export function relu(ctx: LayerContext): Mapped {
  const slope = ctx.param('relu_param').num('negative_slope', 0);
  if (slope !== 0) return single(ctx, 'LeakyRelu', same(ctx), [attr.float('alpha', slope)]);
  return single(ctx, 'Relu', same(ctx));
}

/** PReLU → PRelu: one slope per channel ([C,1,…] so it broadcasts), or a single shared slope. */
export function prelu(ctx: LayerContext): Mapped {
  const shared = ctx.param('prelu_param').bool('channel_shared', false);
  const x = ctx.shapes[0];
  const c = x?.[1];
  const slope = shared
    ? ctx.weight('slope', 0, [1])
    : ctx.weight(
        'slope',
        0,
        c === undefined ? null : [c],
        c === undefined ? undefined : [c, ...x!.slice(2).map(() => 1)],
      );
  return single(ctx, 'PRelu', same(ctx), [], [slope]);
}

/** Layers that map 1:1 onto an attribute-free ONNX op of the same shape. */
export function plain(op: string): (ctx: LayerContext) => Mapped {
  return (ctx) => single(ctx, op, same(ctx));
}

/** ELU → Elu(alpha). */
export function elu(ctx: LayerContext): Mapped {
  return single(ctx, 'Elu', same(ctx), [attr.float('alpha', ctx.param('elu_param').num('alpha', 1))]);
}

/** Exp/Log: the plain ONNX op for y = exp(x) / ln(x); Caffe's base/scale/shift form stays a Caffe op. */
export function expLog(kind: 'Exp' | 'Log'): (ctx: LayerContext) => Mapped {
  return (ctx) => {
    const p = ctx.param(kind === 'Exp' ? 'exp_param' : 'log_param');
    const base = p.num('base', -1);
    const scale = p.num('scale', 1);
    const shift = p.num('shift', 0);
    if (base === -1 && scale === 1 && shift === 0) return single(ctx, kind, same(ctx));
    const attrs = [attr.float('base', base), attr.float('scale', scale), attr.float('shift', shift)];
    return single(ctx, kind, same(ctx), attrs, [], 'caffe');
  };
}

/** Power: y = (shift + scale·x)^power, a Caffe op. */
export function power(ctx: LayerContext): Mapped {
  const p = ctx.param('power_param');
  const attrs = [
    attr.float('power', p.num('power', 1)),
    attr.float('scale', p.num('scale', 1)),
    attr.float('shift', p.num('shift', 0)),
  ];
  return single(ctx, 'Power', same(ctx), attrs, [], 'caffe');
}

/** Threshold: y = x > t ? 1 : 0, a Caffe op. */
export function threshold(ctx: LayerContext): Mapped {
  const t = ctx.param('threshold_param').num('threshold', 0);
  return single(ctx, 'Threshold', same(ctx), [attr.float('threshold', t)], [], 'caffe');
}

/** Dropout → Dropout (identity at inference). */
export function dropout(ctx: LayerContext): Mapped {
  const ratio = ctx.param('dropout_param').num('dropout_ratio', 0.5);
  return single(ctx, 'Dropout', same(ctx), [attr.float('ratio', ratio)]);
}

/** Softmax over `axis` (Caffe's default is the channel axis 1, ONNX's is the last). */
export function softmax(ctx: LayerContext): Mapped {
  const x = ctx.shapes[0];
  const raw = ctx.param('softmax_param').num('axis', 1);
  const axis = x ? axisOf(ctx, raw, x.length) : raw;
  return single(ctx, 'Softmax', same(ctx), [attr.int('axis', axis)]);
}

/** LRN → LRN (size, alpha, beta, bias = k); WITHIN_CHANNEL keeps its region as an attribute. */
export function lrn(ctx: LayerContext): Mapped {
  const p = ctx.param('lrn_param');
  const attrs = [
    attr.int('size', p.num('local_size', 5)),
    attr.float('alpha', p.num('alpha', 1)),
    attr.float('beta', p.num('beta', 0.75)),
    attr.float('bias', p.num('k', 1)),
  ];
  const region = p.str('norm_region', 'ACROSS_CHANNELS');
  if (region !== 'ACROSS_CHANNELS') attrs.push(attr.string('norm_region', region));
  return single(ctx, 'LRN', same(ctx), attrs);
}

/** MVN → MeanVarianceNormalization over H,W (and C when across_channels). */
export function mvn(ctx: LayerContext): Mapped {
  const p = ctx.param('mvn_param');
  const axes = p.bool('across_channels', false) ? [1, 2, 3] : [2, 3];
  const attrs = [attr.ints('axes', axes)];
  if (!p.bool('normalize_variance', true)) attrs.push(attr.int('normalize_variance', 0));
  return single(ctx, 'MeanVarianceNormalization', same(ctx), attrs);
}

/** Loss and metric layers: a scalar output (Accuracy may add per-class accuracies). */
export function scalarOut(ctx: LayerContext): Mapped {
  const shapes = ctx.layer.tops.map((_, i) => (i === 0 ? [] : null));
  return single(ctx, ctx.layer.type, shapes, [], [], 'caffe');
}

/** Silence: consumes its bottoms, produces nothing. */
export function silence(ctx: LayerContext): Mapped {
  return single(ctx, 'Silence', [], [], [], 'caffe');
}
