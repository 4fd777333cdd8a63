/** Reductions (axes as attribute or input, keepdims, noop_with_empty_axes), ArgMax/ArgMin and TopK. */
import type { Dim, DType, Shape } from '@nnlens/ir';
import { attrInt, attrInts } from '../attrs.js';
import { makeFolded, stridesOf, type Folded } from '../folded.js';
import type { InferContext, OpRule } from '../rule.js';
import { normAxis } from './util.js';

type Combine = (acc: number, x: number) => number;

function reduceFolded(
  f: Folded,
  axes: Set<number>,
  keep: boolean,
  init: number,
  combine: Combine,
  finish?: (acc: number, n: number) => number,
): Folded | undefined {
  if (!f.data.every((d) => typeof d === 'number')) return undefined;
  const outShape = f.shape.map((d, i) => (axes.has(i) ? 1 : d));
  const outStrides = stridesOf(outShape);
  const n = outShape.reduce((a, b) => a * b, 1);
  const acc = new Array<number>(n).fill(init);
  const rank = f.shape.length;
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < f.data.length; k++) {
    let o = 0;
    for (let ax = 0; ax < rank; ax++)
      if (!axes.has(ax)) o += (idx[ax] as number) * (outStrides[ax] as number);
    acc[o] = combine(acc[o] as number, f.data[k] as number);
    for (let ax = rank - 1; ax >= 0; ax--) {
      if ((idx[ax] = (idx[ax] as number) + 1) < (f.shape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  const count = f.data.length / Math.max(n, 1);
  const data = finish ? acc.map((a) => finish(a, count)) : acc;
  return makeFolded(f.dtype, keep ? outShape : f.shape.filter((_, i) => !axes.has(i)), data);
}

function reduce(init?: number, combine?: Combine, finish?: (acc: number, n: number) => number): OpRule {
  return {
    infer(ctx) {
      const x = ctx.shape(0);
      const keep = attrInt(ctx.node, 'keepdims', 1) !== 0;
      // Axes moved from attribute to input 1 (ReduceSum at opset 13, the rest at 18).
      const attr = attrInts(ctx.node, 'axes');
      const axes = attr ?? (ctx.has(1) ? ctx.ints(1) : []);
      if (x === null) return ctx.output(0, ctx.dtype(0), null);
      if (axes === undefined) return ctx.output(0, ctx.dtype(0), keep ? x.map(() => null) : null);
      if (axes.length === 0 && attrInt(ctx.node, 'noop_with_empty_axes', 0) !== 0) {
        return ctx.output(0, ctx.dtype(0), x, ctx.folded(0));
      }
      const set = new Set(axes.length === 0 ? x.map((_, i) => i) : axes.map((a) => normAxis(a, x.length)));
      const shape: Dim[] = keep ? x.map((d, i) => (set.has(i) ? 1 : d)) : x.filter((_, i) => !set.has(i));
      const f = init !== undefined && combine ? ctx.folded(0) : undefined;
      ctx.output(
        0,
        ctx.dtype(0),
        shape,
        f ? reduceFolded(f, set, keep, init as number, combine as Combine, finish) : undefined,
      );
    },
  };
}

function argReduce(ctx: InferContext): void {
  const x = ctx.shape(0);
  if (x === null) return ctx.output(0, 'int64', null);
  const axis = normAxis(attrInt(ctx.node, 'axis', 0), x.length);
  const keep = attrInt(ctx.node, 'keepdims', 1) !== 0;
  ctx.output(0, 'int64', keep ? x.map((d, i) => (i === axis ? 1 : d)) : x.filter((_, i) => i !== axis));
}

function topK(ctx: InferContext): void {
  const x: Shape = ctx.shape(0);
  const dtype: DType = ctx.dtype(0);
  if (x === null) {
    ctx.output(0, dtype, null);
    ctx.output(1, 'int64', null);
    return;
  }
  const axis = normAxis(attrInt(ctx.node, 'axis', -1), x.length);
  // Opset 1 has k as an attribute, opset 10+ as input 1.
  const k = attrInt(ctx.node, 'k') ?? ctx.ints(1)?.[0] ?? null;
  const shape = x.map((d, i) => (i === axis ? k : d));
  ctx.output(0, dtype, shape);
  ctx.output(1, 'int64', shape);
}

const sum: Combine = (a, x) => a + x;

/** Rules of the reduction family. */
export const reduceRules: Record<string, OpRule> = {
  ReduceSum: reduce(0, sum),
  ReduceMean: reduce(0, sum, (a, n) => a / n),
  ReduceProd: reduce(1, (a, x) => a * x),
  ReduceMax: reduce(-Infinity, Math.max),
  ReduceMin: reduce(Infinity, Math.min),
  ReduceL1: reduce(),
  ReduceL2: reduce(),
  ReduceLogSum: reduce(),
  ReduceLogSumExp: reduce(),
  ReduceSumSquare: reduce(),
  ArgMax: { infer: argReduce },
  ArgMin: { infer: argReduce },
  TopK: { infer: topK },
};
