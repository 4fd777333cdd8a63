/** Slice (opset 1 attributes and opset 10+ inputs, negative and huge bounds, negative steps) and Split. */
import type { Dim } from '@nnlens/ir';
import { attrInt, attrInts } from '../attrs.js';
import { RuleError } from '../errors.js';
import { makeFolded, stridesOf, type Folded } from '../folded.js';
import type { InferContext, OpRule } from '../rule.js';
import { normAxis } from './util.js';

/** Range of one axis after clamping: first index, step, element count. */
interface AxisRange {
  start: number;
  step: number;
  count: number;
}

/** ONNX Slice semantics on one axis of size `dim`. */
export function sliceRange(dim: number, start: number, end: number, step: number): AxisRange {
  if (step === 0) throw new RuleError('slice step is 0');
  let s = start < 0 ? start + dim : start;
  let e = end < 0 ? end + dim : end;
  if (step > 0) {
    s = Math.min(Math.max(s, 0), dim);
    e = Math.min(Math.max(e, 0), dim);
    return { start: s, step, count: Math.max(0, Math.ceil((e - s) / step)) };
  }
  s = Math.min(Math.max(s, 0), dim - 1);
  e = Math.min(Math.max(e, -1), dim - 1);
  return { start: s, step, count: Math.max(0, Math.ceil((s - e) / -step)) };
}

/** Elements of `f` at the given per-axis ranges (axes not listed are taken whole). */
export function sliceFolded(f: Folded, ranges: Map<number, AxisRange>): Folded | undefined {
  const rank = f.shape.length;
  const r = f.shape.map((d, ax) => ranges.get(ax) ?? { start: 0, step: 1, count: d });
  const shape = r.map((x) => x.count);
  const strides = stridesOf(f.shape);
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Array<Dim>(n);
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < n; k++) {
    let o = 0;
    for (let ax = 0; ax < rank; ax++) {
      const a = r[ax] as AxisRange;
      o += (a.start + (idx[ax] as number) * a.step) * (strides[ax] as number);
    }
    data[k] = f.data[o] ?? null;
    for (let ax = rank - 1; ax >= 0; ax--) {
      if ((idx[ax] = (idx[ax] as number) + 1) < (shape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  return makeFolded(f.dtype, shape, data);
}

// Exporters write INT64_MAX (or INT32_MAX) for "to the end".
const HUGE = 2 ** 31 - 1;

const slice: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    const node = ctx.node;
    const old = attrInts(node, 'starts') !== undefined;
    const starts = old ? attrInts(node, 'starts') : ctx.ints(1);
    const ends = old ? attrInts(node, 'ends') : ctx.ints(2);
    const axesRaw = old ? attrInts(node, 'axes') : ctx.has(3) ? ctx.ints(3) : undefined;
    const steps = old ? undefined : ctx.has(4) ? ctx.ints(4) : undefined;
    const axesKnown = axesRaw !== undefined || old || !ctx.has(3);
    if (!starts || !ends || !axesKnown || (ctx.has(4) && !steps)) {
      return ctx.output(
        0,
        ctx.dtype(0),
        x.map(() => null),
      );
    }
    if (starts.length !== ends.length)
      throw new RuleError(`starts has ${starts.length} entries, ends ${ends.length}`);
    const axes = (axesRaw ?? starts.map((_, i) => i)).map((a) => normAxis(a, x.length));
    const out = x.slice();
    const ranges = new Map<number, AxisRange>();
    axes.forEach((ax, i) => {
      const d = x[ax] ?? null;
      const st = starts[i] as number;
      const en = ends[i] as number;
      const step = steps?.[i] ?? 1;
      if (typeof d === 'number') {
        const r = sliceRange(d, st, en, step);
        ranges.set(ax, r);
        out[ax] = r.count;
      } else {
        out[ax] = st === 0 && en >= HUGE && step === 1 ? d : null;
      }
    });
    const f = ctx.folded(0);
    ctx.output(0, ctx.dtype(0), out, f && ranges.size === axes.length ? sliceFolded(f, ranges) : undefined);
  },
};

function splitSizes(ctx: InferContext, dim: Dim, outputs: number): (number | null)[] {
  const explicit = attrInts(ctx.node, 'split') ?? (ctx.has(1) ? ctx.ints(1) : undefined);
  if (explicit) {
    if (explicit.length !== outputs)
      throw new RuleError(`split has ${explicit.length} sizes for ${outputs} outputs`);
    if (typeof dim === 'number' && explicit.reduce((a, b) => a + b, 0) !== dim) {
      throw new RuleError(`split sizes [${explicit.join(',')}] do not add up to ${dim}`);
    }
    return explicit;
  }
  if (ctx.has(1) || typeof dim !== 'number') return new Array<null>(outputs).fill(null);
  // Opset 18 allows an uneven split: all chunks ceil(dim/n) but the last.
  const chunk = Math.ceil(dim / outputs);
  return Array.from({ length: outputs }, (_, i) => Math.max(0, Math.min(chunk, dim - i * chunk)));
}

const split: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const n = ctx.node.outputs.length;
    if (x === null) {
      for (let i = 0; i < n; i++) ctx.output(i, ctx.dtype(0), null);
      return;
    }
    const axis = normAxis(attrInt(ctx.node, 'axis', 0), x.length);
    const sizes = splitSizes(ctx, x[axis] ?? null, n);
    const f = ctx.folded(0);
    let at = 0;
    sizes.forEach((size, i) => {
      const shape = x.slice();
      shape[axis] = size;
      let folded: Folded | undefined;
      if (f && size !== null) folded = sliceFolded(f, new Map([[axis, { start: at, step: 1, count: size }]]));
      at += size ?? 0;
      ctx.output(i, ctx.dtype(0), shape, folded);
    });
  },
};

/** Rules of Slice and Split. */
export const sliceRules: Record<string, OpRule> = {
  Slice: slice,
  Split: split,
};
