/** Detection layers: SSD's PriorBox and DetectionOutput, py-faster-rcnn's Python proposal layer, other Python layers. */
import type { LayerContext, Mapped } from '../layer-context.js';
import { attr, single } from '../layer-context.js';

/** Priors per cell, as SSD counts them: deduplicated aspect ratios (flipped too) × min sizes + max sizes. */
export function priorCount(minSizes: number[], maxSizes: number[], ratios: number[], flip: boolean): number {
  const ars = [1];
  for (const ar of ratios) {
    if (ars.some((a) => Math.abs(a - ar) < 1e-6)) continue;
    ars.push(ar);
    if (flip) ars.push(1 / ar);
  }
  return ars.length * minSizes.length + maxSizes.length;
}

/** PriorBox: [1, 2, H·W·priors·4] (boxes and their variances). */
export function priorBox(ctx: LayerContext): Mapped {
  const p = ctx.param('prior_box_param');
  const minSizes = p.nums('min_size');
  const maxSizes = p.nums('max_size');
  const ratios = p.nums('aspect_ratio');
  const flip = p.bool('flip', true);
  if (minSizes.length === 0) ctx.fail(`min_size is required`);
  for (const [what, xs] of [
    ['min_size', minSizes],
    ['max_size', maxSizes],
    ['aspect_ratio', ratios],
  ] as const) {
    if (!xs.every((x) => Number.isFinite(x) && x > 0 && x < 1e9))
      ctx.fail(`${what} [${xs.join(', ')}] must be positive sizes`);
  }
  const n = priorCount(minSizes, maxSizes, ratios, flip);
  const x = ctx.shapes[0];
  const shape = x && x.length === 4 ? [1, 2, x[2]! * x[3]! * n * 4] : null;
  const attrs = [
    attr.int('num_priors', n),
    attr.floats('min_size', minSizes),
    attr.floats('max_size', maxSizes),
    attr.floats('aspect_ratio', ratios),
    attr.int('flip', flip ? 1 : 0),
    attr.int('clip', p.bool('clip', false) ? 1 : 0),
    attr.floats('variance', p.nums('variance')),
  ];
  if (p.has('step')) attrs.push(attr.float('step', p.num('step', 0)));
  attrs.push(attr.float('offset', p.num('offset', 0.5)));
  return single(ctx, 'PriorBox', [shape], attrs, [], 'caffe');
}

/** DetectionOutput: [1, 1, detections, 7]; the number of detections is only known at run time. */
export function detectionOutput(ctx: LayerContext): Mapped {
  const p = ctx.param('detection_output_param');
  const attrs = [
    attr.int('num_classes', p.num('num_classes', 0)),
    attr.int('share_location', p.bool('share_location', true) ? 1 : 0),
    attr.int('background_label_id', p.num('background_label_id', 0)),
    attr.int('keep_top_k', p.num('keep_top_k', -1)),
    attr.float('confidence_threshold', p.num('confidence_threshold', 0)),
  ];
  const nms = p.sub('nms_param');
  if (nms)
    attrs.push(
      attr.float('nms_threshold', nms.num('nms_threshold', 0.3)),
      attr.int('top_k', nms.num('top_k', -1)),
    );
  return single(ctx, 'DetectionOutput', [null], attrs, [], 'caffe');
}

/** Test-time proposals kept by py-faster-rcnn's ProposalLayer (cfg.TEST.RPN_POST_NMS_TOP_N). */
export const FASTER_RCNN_TEST_PROPOSALS = 300;

/** Python layers: py-faster-rcnn's ProposalLayer gets its test-time shape, other modules stay opaque. */
export function python(ctx: LayerContext): Mapped {
  const p = ctx.param('python_param');
  const module = p.str('module', '');
  const layer = p.str('layer', '');
  const attrs = [
    attr.string('module', module),
    attr.string('layer', layer),
    attr.string('param_str', p.str('param_str', '')),
  ];
  if (module.endsWith('proposal_layer') && layer === 'ProposalLayer') {
    const n = FASTER_RCNN_TEST_PROPOSALS;
    ctx.warn(`ProposalLayer: assumed ${n} proposals (py-faster-rcnn's test-time RPN_POST_NMS_TOP_N)`);
    const shapes = ctx.layer.tops.map((_, i) => (i === 0 ? [n, 5] : i === 1 ? [n, 1] : null));
    return single(ctx, 'Proposal', shapes, [attr.int('post_nms_top_n', n), ...attrs], [], 'caffe');
  }
  return single(
    ctx,
    'Python',
    ctx.layer.tops.map(() => null),
    attrs,
    [],
    'caffe',
  );
}
