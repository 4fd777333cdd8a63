/** Normalisations and Dropout: outputs follow the input; optional statistics outputs get their own shapes. */
import { attrInt } from '../attrs.js';
import type { OpRule } from '../rule.js';
import { isChannelsLast } from './layout.js';
import { normAxis, sameAsInput } from './util.js';

const batchNorm: OpRule = {
  infer(ctx) {
    sameAsInput(ctx);
    // Training-mode statistics are per channel (the last axis for channels-last nodes).
    const x = ctx.shape(0);
    const channel = x && isChannelsLast(ctx.node) ? x[x.length - 1] : x?.[1];
    const c = ctx.shape(1) ?? (x ? [channel ?? null] : null);
    for (let i = 1; i < ctx.node.outputs.length; i++) ctx.output(i, ctx.dtype(1), c);
  },
};

const layerNorm: OpRule = {
  infer(ctx) {
    sameAsInput(ctx);
    const x = ctx.shape(0);
    if (x === null) return;
    const axis = normAxis(attrInt(ctx.node, 'axis', -1), x.length);
    const stats = x.map((d, i) => (i < axis ? d : 1));
    ctx.output(1, 'float32', stats);
    ctx.output(2, 'float32', stats);
  },
};

const dropout: OpRule = {
  infer(ctx) {
    sameAsInput(ctx);
    ctx.output(1, 'bool', ctx.shape(0));
  },
};

const same: OpRule = { infer: (ctx) => sameAsInput(ctx) };

/** Rules of the normalisation family (no MACs by the counting rules). */
export const normRules: Record<string, OpRule> = {
  BatchNormalization: batchNorm,
  InstanceNormalization: same,
  LayerNormalization: layerNorm,
  GroupNormalization: same,
  LRN: same,
  MeanVarianceNormalization: same,
  LpNormalization: same,
  Dropout: dropout,
};
