/** Conv and ConvTranspose (any spatial rank): output shapes and MACs. */
import type { Dim, DType, Shape } from '@nnlens/ir';
import { attrInt, attrInts } from '../attrs.js';
import { dimMul } from '../dims.js';
import { RuleError } from '../errors.js';
import type { CostContext, InferContext, OpRule } from '../rule.js';
import { canonicalKernel, isChannelsLast, toChannelsFirst, toChannelsLast } from './layout.js';
import { product } from './util.js';
import { readWindow, transposedOut, windowOut } from './window.js';

function spatialRank(ctx: InferContext, wAt = 1): number | null {
  const x = ctx.rank(0);
  if (x !== null) return x - 2;
  const w = ctx.rank(wAt);
  return w !== null ? w - 2 : null;
}

// Channels-last nodes (TensorFlow family) are computed on the channels-first view of their input.
function inputView(ctx: InferContext): Shape {
  return isChannelsLast(ctx.node) ? toChannelsFirst(ctx.shape(0)) : ctx.shape(0);
}

function outputView(ctx: InferContext, dtype: DType, shape: Shape): void {
  ctx.output(0, dtype, isChannelsLast(ctx.node) ? toChannelsLast(shape) : shape);
}

/** Conv output; `wAt` is the weight's input index (3 in QLinearConv). */
function inferConv(ctx: InferContext, dtype = ctx.dtype(0), wAt = 1): void {
  const n = spatialRank(ctx, wAt);
  if (n === null || n < 0) return ctx.output(0, dtype, null);
  const x = inputView(ctx);
  // Weights in another layout (kernel_layout: Keras HWIO, TFLite OHWI…) are read in ONNX's [O, I/group, k…] order.
  const w = canonicalKernel(ctx.node, ctx.shape(wAt));
  const win = readWindow(ctx, n, w?.slice(2));
  const spatial = x ? x.slice(2).map((d, i) => windowOut(d, win, i)) : new Array<Dim>(n).fill(null);
  outputView(ctx, dtype, [x?.[0] ?? null, w?.[0] ?? null, ...spatial]);
}

// out_elems × (in_ch / groups) × kernel volume; the (ONNX-ordered) weight holds in_ch/groups on axis 1.
function convMacs(wAt: number): (c: CostContext) => number | null {
  return (c) => {
    const out = c.outShape(0);
    const w = canonicalKernel(c.node, c.inShape(wAt));
    if (!out || !w || w.length < 2) return null;
    return product(out) * product(w.slice(1) as number[]);
  };
}

const conv: OpRule = { infer: (ctx) => inferConv(ctx), macs: convMacs(1) };

const convTranspose: OpRule = {
  infer(ctx) {
    const n = spatialRank(ctx);
    if (n === null || n < 0) return ctx.output(0, ctx.dtype(0), null);
    const x = inputView(ctx);
    const w = canonicalKernel(ctx.node, ctx.shape(1), true);
    const group = attrInt(ctx.node, 'group', 1);
    const win = readWindow(ctx, n, w?.slice(2));
    const outPad = attrInts(ctx.node, 'output_padding') ?? new Array<number>(n).fill(0);
    const explicit = attrInts(ctx.node, 'output_shape');
    let spatial: Dim[];
    if (explicit) {
      // Some exporters write N and C too; the spatial sizes are the last n entries.
      if (explicit.length < n) throw new RuleError(`output_shape has ${explicit.length} dims, expected ${n}`);
      // A full channels-last shape is [N, spatial…, C].
      const at = isChannelsLast(ctx.node) && explicit.length === n + 2 ? 1 : explicit.length - n;
      spatial = explicit.slice(at, at + n);
    } else {
      spatial = x
        ? x.slice(2).map((d, i) => transposedOut(d, win, i, outPad[i] ?? 0))
        : new Array<Dim>(n).fill(null);
    }
    outputView(ctx, ctx.dtype(0), [x?.[0] ?? null, dimMul(w?.[1] ?? null, group), ...spatial]);
  },
  // Every input element scatters into (out_ch / groups) × kernel volume outputs.
  macs(c: CostContext) {
    const x = c.inShape(0);
    const w = canonicalKernel(c.node, c.inShape(1), true);
    if (!x || !w || w.length < 2) return null;
    return product(x) * product(w.slice(1) as number[]);
  },
};

/** Rules of the convolution family. */
export const convRules: Record<string, OpRule> = {
  Conv: conv,
  ConvInteger: { infer: (ctx) => inferConv(ctx, 'int32'), macs: convMacs(1) },
  // Inputs: x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point, B.
  QLinearConv: { infer: (ctx) => inferConv(ctx, ctx.has(7) ? ctx.dtype(7) : 'uint8', 3), macs: convMacs(3) },
  ConvTranspose: convTranspose,
};
