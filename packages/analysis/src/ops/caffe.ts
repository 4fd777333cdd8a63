/** Rules of the `caffe` domain: Caffe layers the Caffe importer cannot express as ONNX ops (Scale, Crop, PriorBox, LSTM, …). */
import type { Dim } from '@nnlens/ir';
import { attrInt, attrInts } from '../attrs.js';
import { dimMul, dimProduct } from '../dims.js';
import { RuleError } from '../errors.js';
import type { InferContext, OpRule } from '../rule.js';
import { normAxis, product, sameAsInput } from './util.js';

const same: OpRule = { infer: (ctx) => sameAsInput(ctx) };

/** Crop: x[:axis] + reference[axis:]. */
const crop: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const ref = ctx.shape(1);
    if (x === null || ref === null) return ctx.output(0, ctx.dtype(0), null);
    const axis = normAxis(attrInt(ctx.node, 'axis', 2), x.length);
    if (ref.length !== x.length) throw new RuleError(`reference has rank ${ref.length}, input ${x.length}`);
    ctx.output(0, ctx.dtype(0), [...x.slice(0, axis), ...ref.slice(axis)]);
  },
};

/** Slice at slice points along an axis. */
const slice: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const n = ctx.node.outputs.length;
    if (x === null) {
      for (let i = 0; i < n; i++) ctx.output(i, ctx.dtype(0), null);
      return;
    }
    const axis = normAxis(attrInt(ctx.node, 'axis', 1), x.length);
    const points = attrInts(ctx.node, 'slice_point') ?? [];
    const total = x[axis] ?? null;
    const bounds: Dim[] = [0, ...points, total];
    for (let i = 0; i < n; i++) {
      const lo = bounds[i];
      const hi = bounds[i + 1];
      const size = typeof lo === 'number' && typeof hi === 'number' ? hi - lo : null;
      if (size !== null && size <= 0) throw new RuleError(`slice ${i} of axis ${axis} is empty`);
      ctx.output(
        i,
        ctx.dtype(0),
        x.map((d, k) => (k === axis ? size : d)),
      );
    }
  },
};

/** Flatten of axes [axis, end_axis] into one, the others kept (Caffe Flatten, torch.flatten). */
export const flattenRange: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    const a = normAxis(attrInt(ctx.node, 'axis', 1), x.length);
    const e = normAxis(attrInt(ctx.node, 'end_axis', -1), x.length, 'end_axis');
    if (e < a) throw new RuleError(`end_axis comes before axis`);
    ctx.output(0, ctx.dtype(0), [...x.slice(0, a), dimProduct(x.slice(a, e + 1)), ...x.slice(e + 1)]);
  },
};

/** Caffe Reshape with axis/num_axes: 0 copies the input dim, -1 takes the rest. */
const reshape: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const dims = attrInts(ctx.node, 'shape') ?? [];
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    const rawAxis = attrInt(ctx.node, 'axis', 0);
    const axis = rawAxis < 0 ? rawAxis + x.length + 1 : rawAxis;
    const numAxes = attrInt(ctx.node, 'num_axes', -1);
    const end = numAxes === -1 ? x.length : axis + numAxes;
    if (axis < 0 || axis > x.length || end > x.length) throw new RuleError(`axis/num_axes out of range`);
    const out: Dim[] = [
      ...x.slice(0, axis),
      ...dims.map((d, i) => (d === 0 ? (x[axis + i] ?? null) : d)),
      ...x.slice(end),
    ];
    const inferred = out.indexOf(-1);
    if (inferred >= 0) {
      const rest = out.filter((_, i) => i !== inferred);
      const total = dimProduct(x);
      const known = dimProduct(rest);
      out[inferred] =
        typeof total === 'number' && typeof known === 'number' && known > 0 ? total / known : null;
      if (typeof out[inferred] === 'number' && !Number.isInteger(out[inferred]))
        throw new RuleError(`cannot reshape`);
    }
    ctx.output(0, ctx.dtype(0), out);
  },
};

/** PriorBox: [1, 2, H·W·num_priors·4]. */
const priorBox: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const n = attrInt(ctx.node, 'num_priors', 1);
    if (x === null || x.length !== 4) return ctx.output(0, 'float32', [1, 2, null]);
    ctx.output(0, 'float32', [1, 2, dimMul(dimMul(x[2] ?? null, x[3] ?? null), n * 4)]);
  },
};

/** DetectionOutput: [1, 1, detections, 7]; how many is known only at run time. */
const detectionOutput: OpRule = {
  infer: (ctx) => ctx.output(0, 'float32', [1, 1, 'detections', 7]),
};

/** py-faster-rcnn's proposal layer: [post_nms_top_n, 5] boxes (and their scores). */
const proposal: OpRule = {
  infer(ctx) {
    const n = attrInt(ctx.node, 'post_nms_top_n', 300);
    ctx.output(0, 'float32', [n, 5]);
    ctx.output(1, 'float32', [n, 1]);
  },
};

function recurrent(gates: number, extra: (h: number) => number): OpRule {
  return {
    infer(ctx: InferContext) {
      const x = ctx.shape(0);
      const h = attrInt(ctx.node, 'num_output', 0);
      const t = x?.[0] ?? null;
      const n = x?.[1] ?? null;
      ctx.output(0, ctx.dtype(0), x === null ? null : [t, n, h]);
      for (let i = 1; i < ctx.node.outputs.length; i++) ctx.output(i, ctx.dtype(0), [1, n, h]);
    },
    // Per step and sample: input projection gates·H·I, recurrence gates·H·H (+ RNN's output projection).
    macs(c) {
      const x = c.inShape(0);
      const h = attrInt(c.node, 'num_output', 0);
      if (!x || x.length < 2) return null;
      const i = product(x.slice(2));
      return x[0]! * x[1]! * (gates * h * (i + h) + extra(h));
    },
  };
}

/** Loss and metric layers: a scalar (Accuracy's optional per-class output is left unknown). */
const scalar: OpRule = { infer: (ctx) => ctx.output(0, 'float32', []) };

/** Rules of the `caffe` domain by op type. */
export const caffeRules: Record<string, OpRule> = {
  Scale: same,
  Bias: same,
  Power: same,
  Normalize: same,
  Threshold: same,
  Exp: same,
  Log: same,
  Eltwise: same,
  Crop: crop,
  Slice: slice,
  Flatten: flattenRange,
  Reshape: reshape,
  PriorBox: priorBox,
  DetectionOutput: detectionOutput,
  Proposal: proposal,
  LSTM: recurrent(4, () => 0),
  RNN: recurrent(1, (h) => h * h),
  Silence: { infer: () => undefined },
  SoftmaxWithLoss: scalar,
  EuclideanLoss: scalar,
  SigmoidCrossEntropyLoss: scalar,
  HingeLoss: scalar,
  InfogainLoss: scalar,
  MultinomialLogisticLoss: scalar,
  ContrastiveLoss: scalar,
  MultiBoxLoss: scalar,
  Accuracy: scalar,
};
