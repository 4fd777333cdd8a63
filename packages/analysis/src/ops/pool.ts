/** Pooling: Max/Average/Lp pools with auto_pad, ceil_mode and dilations; global pools; RoI pools; MaxUnpool. */
import type { Dim } from '@nnlens/ir';
import { attrInt, attrInts } from '../attrs.js';
import type { InferContext, OpRule } from '../rule.js';
import { isChannelsLast, viaChannelsFirst } from './layout.js';
import { transposedOut, readWindow, windowOut } from './window.js';

function pool(ctx: InferContext): void {
  const x = ctx.shape(0);
  if (x === null || x.length < 2) {
    ctx.output(0, ctx.dtype(0), null);
    ctx.output(1, 'int64', null);
    return;
  }
  const win = readWindow(ctx, x.length - 2);
  const shape = viaChannelsFirst(ctx.node, x, (cf) => {
    const y = cf as Dim[];
    return [y[0] ?? null, y[1] ?? null, ...y.slice(2).map((d, i) => windowOut(d, win, i))];
  });
  ctx.output(0, ctx.dtype(0), shape);
  // MaxPool's optional second output: flat indices of the maxima.
  ctx.output(1, 'int64', shape);
}

// `keepdims` = 0 (Keras' GlobalAveragePooling2D) drops the pooled axes: [N, C].
function globalPool(ctx: InferContext): void {
  const x = ctx.shape(0);
  if (x === null) return ctx.output(0, ctx.dtype(0), null);
  if (attrInt(ctx.node, 'keepdims', 1) === 0 && x.length >= 2) {
    const channels = isChannelsLast(ctx.node) ? x[x.length - 1] : x[1];
    return ctx.output(0, ctx.dtype(0), [x[0] ?? null, channels ?? null]);
  }
  ctx.output(
    0,
    ctx.dtype(0),
    viaChannelsFirst(ctx.node, x, (cf) => (cf as Dim[]).map((d, i) => (i < 2 ? d : 1))),
  );
}

function roiPool(ctx: InferContext): void {
  const x = ctx.shape(0);
  const rois = ctx.shape(1);
  const node = ctx.node;
  const pooled = attrInts(node, 'pooled_shape') ?? [
    attrInt(node, 'output_height', 1),
    attrInt(node, 'output_width', 1),
  ];
  ctx.output(0, ctx.dtype(0), [rois?.[0] ?? null, x?.[1] ?? null, ...pooled]);
}

function maxUnpool(ctx: InferContext): void {
  const x = ctx.shape(0);
  const explicit = ctx.ints(2);
  if (explicit) return ctx.output(0, ctx.dtype(0), explicit);
  if (x === null) return ctx.output(0, ctx.dtype(0), null);
  const win = readWindow(ctx, x.length - 2);
  ctx.output(0, ctx.dtype(0), [
    x[0] ?? null,
    x[1] ?? null,
    ...x.slice(2).map((d, i) => transposedOut(d, win, i, 0)),
  ]);
}

/** Rules of the pooling family (no MACs: pools are not multiply-accumulates). */
export const poolRules: Record<string, OpRule> = {
  MaxPool: { infer: pool },
  AveragePool: { infer: pool },
  LpPool: { infer: pool },
  GlobalAveragePool: { infer: globalPool },
  GlobalMaxPool: { infer: globalPool },
  GlobalLpPool: { infer: globalPool },
  MaxRoiPool: { infer: roiPool },
  RoiAlign: { infer: roiPool },
  MaxUnpool: { infer: maxUnpool },
};
