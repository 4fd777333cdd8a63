/** Conv and ConvTranspose (any spatial rank): output shapes and MACs. */
import type { Dim } from '@nnlens/ir';
import { attrInt, attrInts } from '../attrs.js';
import { dimMul } from '../dims.js';
import { RuleError } from '../errors.js';
import type { CostContext, InferContext, OpRule } from '../rule.js';
import { product } from './util.js';
import { readWindow, transposedOut, windowOut } from './window.js';

function spatialRank(ctx: InferContext): number | null {
  const x = ctx.rank(0);
  if (x !== null) return x - 2;
  const w = ctx.rank(1);
  return w !== null ? w - 2 : null;
}

function inferConv(ctx: InferContext, dtype = ctx.dtype(0)): void {
  const n = spatialRank(ctx);
  if (n === null || n < 0) return ctx.output(0, dtype, null);
  const x = ctx.shape(0);
  const w = ctx.shape(1);
  const win = readWindow(ctx, n, w?.slice(2));
  const spatial = x ? x.slice(2).map((d, i) => windowOut(d, win, i)) : new Array<Dim>(n).fill(null);
  ctx.output(0, dtype, [x?.[0] ?? null, w?.[0] ?? null, ...spatial]);
}

const conv: OpRule = {
  infer: (ctx) => inferConv(ctx),
  // out_elems × (in_ch / groups) × kernel volume; the weight holds in_ch/groups on axis 1.
  macs(c) {
    const out = c.outShape(0);
    const w = c.inShape(1);
    if (!out || !w || w.length < 2) return null;
    return product(out) * product(w.slice(1));
  },
};

const convTranspose: OpRule = {
  infer(ctx) {
    const n = spatialRank(ctx);
    if (n === null || n < 0) return ctx.output(0, ctx.dtype(0), null);
    const x = ctx.shape(0);
    const w = ctx.shape(1);
    const group = attrInt(ctx.node, 'group', 1);
    const win = readWindow(ctx, n, w?.slice(2));
    const outPad = attrInts(ctx.node, 'output_padding') ?? new Array<number>(n).fill(0);
    const explicit = attrInts(ctx.node, 'output_shape');
    let spatial: Dim[];
    if (explicit) {
      // Some exporters write N and C too; the spatial sizes are the last n entries.
      if (explicit.length < n) throw new RuleError(`output_shape has ${explicit.length} dims, expected ${n}`);
      spatial = explicit.slice(explicit.length - n);
    } else {
      spatial = x
        ? x.slice(2).map((d, i) => transposedOut(d, win, i, outPad[i] ?? 0))
        : new Array<Dim>(n).fill(null);
    }
    ctx.output(0, ctx.dtype(0), [x?.[0] ?? null, dimMul(w?.[1] ?? null, group), ...spatial]);
  },
  // Every input element scatters into (out_ch / groups) × kernel volume outputs.
  macs(c: CostContext) {
    const x = c.inShape(0);
    const w = c.inShape(1);
    if (!x || !w || w.length < 2) return null;
    return product(x) * product(w.slice(1));
  },
};

/** Rules of the convolution family. */
export const convRules: Record<string, OpRule> = {
  Conv: conv,
  ConvInteger: { infer: (ctx) => inferConv(ctx, 'int32'), macs: conv.macs! },
  ConvTranspose: convTranspose,
};
