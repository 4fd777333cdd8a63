/** Rules of the `pytorch` domain: TorchScript ops without an exact ONNX twin, and weights-only module nodes. */
import { attrInts } from '../attrs.js';
import { RuleError } from '../errors.js';
import type { OpRule } from '../rule.js';
import { flattenRange } from './caffe.js';
import { product } from './util.js';

/** torch.linear: y = x·Wᵀ + b on the last axis of an input of any rank; MACs = out_elems × in_features. */
const linear: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const w = ctx.shape(1);
    if (x === null || x.length === 0) return ctx.output(0, ctx.dtype(0), null);
    const k = x[x.length - 1] ?? null;
    const kw = w?.[1] ?? null;
    if (typeof k === 'number' && typeof kw === 'number' && k !== kw)
      throw new RuleError(`input has ${k} features, the weight ${kw}`);
    ctx.output(0, ctx.dtype(0), [...x.slice(0, -1), w?.[0] ?? null]);
  },
  macs(c) {
    const out = c.outShape(0);
    const w = c.inShape(1);
    if (!out || !w || w.length !== 2) return null;
    return product(out) * w[1]!;
  },
};

/** torch.adaptive_avg_pool2d to an output size other than 1×1. */
const adaptivePool: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const size = attrInts(ctx.node, 'output_size') ?? [1];
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    const n = x.length - 2;
    const dims = size.length === 1 ? new Array<number>(n).fill(size[0]!) : size;
    if (dims.length !== n) throw new RuleError(`output_size has ${dims.length} dims for ${n} spatial axes`);
    ctx.output(0, ctx.dtype(0), [
      x[0] ?? null,
      x[1] ?? null,
      ...dims.map((d, i) => (d > 0 ? d : (x[i + 2] ?? null))),
    ]);
  },
};

/** A weights-only module node (state_dict, or TorchScript without followable code): no outputs. */
const moduleNode: OpRule = { infer: () => undefined };

/** Rules of the `pytorch` domain by op type. */
export const pytorchRules: Record<string, OpRule> = {
  Linear: linear,
  AdaptiveAvgPool: adaptivePool,
  Flatten: flattenRange,
  Module: moduleNode,
};
