/** Reshape (0 and -1, allowzero), Flatten, Squeeze and Unsqueeze (axes as attribute or input); values pass through. */
import type { Dim, Shape } from '@nnlens/ir';
import { attrInt, attrInts } from '../attrs.js';
import { dimDivExact, dimProduct } from '../dims.js';
import { RuleError } from '../errors.js';
import { makeFolded } from '../folded.js';
import type { InferContext, OpRule } from '../rule.js';
import { normAxis, unknownShape } from './util.js';

/** Outputs `shape`, carrying input 0's known value along when the shape is concrete. */
function outputReshaped(ctx: InferContext, shape: Shape): void {
  const f = ctx.folded(0);
  const concrete = shape !== null && shape.every((d) => typeof d === 'number');
  const folded = f && concrete ? makeFolded(f.dtype, shape as number[], f.data) : undefined;
  ctx.output(0, ctx.dtype(0), shape, folded);
}

/** Resolves a Reshape target against the input shape. */
export function reshapeShape(x: Shape, target: readonly Dim[], allowZero: boolean): Shape {
  let inferAt = -1;
  const out: Dim[] = target.map((t, i) => {
    if (t === 0 && !allowZero) {
      if (x !== null && i >= x.length)
        throw new RuleError(`target dim ${i} is 0 but the input has rank ${x.length}`);
      return x ? (x[i] ?? null) : null;
    }
    if (t === -1) {
      if (inferAt >= 0) throw new RuleError('target shape has more than one -1');
      inferAt = i;
      return null;
    }
    if (typeof t === 'number' && !(Number.isInteger(t) && t >= 0))
      throw new RuleError(`invalid target dim ${t}`);
    return t;
  });
  if (x === null) return out;
  const total = dimProduct(x);
  if (inferAt >= 0) {
    const rest = dimProduct(out.filter((_, i) => i !== inferAt));
    const q = rest === 0 ? null : dimDivExact(total, rest);
    if (q === null && typeof total === 'number' && typeof rest === 'number') {
      throw new RuleError(`cannot reshape ${total} elements to [${target.join(',')}]`);
    }
    out[inferAt] = q;
  } else {
    const n = dimProduct(out);
    if (typeof total === 'number' && typeof n === 'number' && n !== total) {
      throw new RuleError(`cannot reshape [${x.join(',')}] (${total} elements) to [${target.join(',')}]`);
    }
  }
  return out;
}

const reshape: OpRule = {
  infer(ctx) {
    const allowZero = attrInt(ctx.node, 'allowzero', 0) !== 0;
    // Opset < 5 has the target as an attribute, later opsets as input 1.
    const target = attrInts(ctx.node, 'shape') ?? ctx.folded(1)?.data;
    if (target === undefined) {
      const len = ctx.shape(1)?.[0];
      return ctx.output(0, ctx.dtype(0), unknownShape(typeof len === 'number' ? len : null));
    }
    outputReshaped(ctx, reshapeShape(ctx.shape(0), target, allowZero));
  },
};

const flatten: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    if (x === null) return ctx.output(0, ctx.dtype(0), unknownShape(2));
    const raw = attrInt(ctx.node, 'axis', 1);
    const axis = raw === x.length ? x.length : normAxis(raw, x.length);
    outputReshaped(ctx, [dimProduct(x.slice(0, axis)), dimProduct(x.slice(axis))]);
  },
};

/** Axes from the attribute (old opsets) or input 1 (opset 13+); null when given but not known. */
function axesOf(ctx: InferContext): number[] | null | undefined {
  const attr = attrInts(ctx.node, 'axes');
  if (attr) return attr;
  if (!ctx.has(1)) return undefined;
  return ctx.ints(1) ?? null;
}

const squeeze: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const axes = axesOf(ctx);
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    if (axes === null) return ctx.output(0, ctx.dtype(0), null);
    let drop: Set<number>;
    if (axes === undefined || axes.length === 0) {
      drop = new Set(x.flatMap((d, i) => (d === 1 ? [i] : [])));
    } else {
      drop = new Set(axes.map((a) => normAxis(a, x.length)));
      for (const a of drop) {
        const d = x[a];
        if (typeof d === 'number' && d !== 1) throw new RuleError(`cannot squeeze axis ${a} of size ${d}`);
      }
    }
    outputReshaped(
      ctx,
      x.filter((_, i) => !drop.has(i)),
    );
  },
};

const unsqueeze: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const axes = axesOf(ctx);
    if (x === null || !axes) return ctx.output(0, ctx.dtype(0), x === null || !axes ? null : x);
    const rank = x.length + axes.length;
    const at = new Set(axes.map((a) => normAxis(a, rank)));
    if (at.size !== axes.length) throw new RuleError(`repeated axes [${axes.join(',')}]`);
    const out: Dim[] = [];
    let k = 0;
    for (let i = 0; i < rank; i++) out.push(at.has(i) ? 1 : (x[k++] ?? null));
    outputReshaped(ctx, out);
  },
};

/** Rules of the reshape family. */
export const reshapeRules: Record<string, OpRule> = {
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
};
