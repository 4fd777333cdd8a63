/** Ops that rearrange or replicate data: Transpose, Concat, Expand, Tile, DepthToSpace, SpaceToDepth. */
import type { Dim, Shape } from '@nnlens/ir';
import { attrInt, attrInts } from '../attrs.js';
import { broadcastShapes } from '../broadcast.js';
import { dimAdd, dimFloorDiv, dimMul } from '../dims.js';
import { RuleError } from '../errors.js';
import { FOLD_LIMIT, makeFolded, mapBroadcast, stridesOf, type Folded } from '../folded.js';
import type { OpRule } from '../rule.js';
import { normAxis } from './util.js';

const transpose: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    const perm = attrInts(ctx.node, 'perm') ?? x.map((_, i) => x.length - 1 - i);
    if (perm.length !== x.length || new Set(perm.map((p) => normAxis(p, x.length))).size !== x.length) {
      throw new RuleError(`perm [${perm.join(',')}] is not a permutation of rank ${x.length}`);
    }
    const out = perm.map((p) => x[normAxis(p, x.length)] ?? null);
    const f = ctx.folded(0);
    ctx.output(
      0,
      ctx.dtype(0),
      out,
      f
        ? transposeFolded(
            f,
            perm.map((p) => normAxis(p, x.length)),
          )
        : undefined,
    );
  },
};

function transposeFolded(f: Folded, perm: number[]): Folded | undefined {
  const shape = perm.map((p) => f.shape[p] as number);
  const inStrides = stridesOf(f.shape);
  const data = new Array<Dim>(f.data.length);
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < data.length; k++) {
    let o = 0;
    for (let ax = 0; ax < shape.length; ax++)
      o += (idx[ax] as number) * (inStrides[perm[ax] as number] as number);
    data[k] = f.data[o] ?? null;
    for (let ax = shape.length - 1; ax >= 0; ax--) {
      if ((idx[ax] = (idx[ax] as number) + 1) < (shape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  return makeFolded(f.dtype, shape, data);
}

const concat: OpRule = {
  infer(ctx) {
    const shapes: Shape[] = [];
    for (let i = 0; i < ctx.inputCount; i++) if (ctx.has(i)) shapes.push(ctx.shape(i));
    const known = shapes.filter((s): s is Dim[] => s !== null);
    const first = known[0];
    if (!first) return ctx.output(0, ctx.dtype(0), null);
    const axis = normAxis(attrInt(ctx.node, 'axis', 0), first.length);
    const out = first.slice();
    for (const s of known) {
      if (s.length !== first.length) throw new RuleError(`inputs have ranks ${first.length} and ${s.length}`);
      s.forEach((d, i) => {
        if (i === axis) return;
        const o = out[i] ?? null;
        if (typeof o === 'number' && typeof d === 'number' && o !== d) {
          throw new RuleError(`inputs differ on axis ${i}: ${o} vs ${d}`);
        }
        if (o === null || (typeof o === 'string' && typeof d === 'number')) out[i] = d;
      });
    }
    out[axis] =
      known.length === shapes.length ? known.reduce<Dim>((s, x) => dimAdd(s, x[axis] ?? null), 0) : null;
    ctx.output(
      0,
      ctx.dtype(0),
      out,
      concatFolded(ctx.node.inputs.length, (i) => ctx.folded(i), ctx.has.bind(ctx), axis),
    );
  },
};

function concatFolded(
  n: number,
  get: (i: number) => Folded | undefined,
  has: (i: number) => boolean,
  axis: number,
): Folded | undefined {
  const parts: Folded[] = [];
  for (let i = 0; i < n; i++) {
    if (!has(i)) continue;
    const f = get(i);
    if (!f) return undefined;
    parts.push(f);
  }
  const head = parts[0];
  if (!head || parts.reduce((n, p) => n + p.data.length, 0) > FOLD_LIMIT) return undefined;
  const outer = head.shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const data: Dim[] = [];
  for (let o = 0; o < outer; o++) {
    for (const p of parts) {
      const inner = p.shape.slice(axis).reduce((a, b) => a * b, 1);
      for (let k = 0; k < inner; k++) data.push(p.data[o * inner + k] ?? null);
    }
  }
  const shape = head.shape.slice();
  shape[axis] = parts.reduce((s, p) => s + (p.shape[axis] as number), 0);
  return makeFolded(head.dtype, shape, data);
}

const expand: OpRule = {
  infer(ctx) {
    const target = ctx.folded(1)?.data;
    if (target === undefined) {
      const len = ctx.shape(1)?.[0];
      const x = ctx.shape(0);
      return ctx.output(
        0,
        ctx.dtype(0),
        typeof len === 'number' && x ? broadcastShapes([x, new Array<Dim>(len).fill(null)]) : null,
      );
    }
    const shape = broadcastShapes([ctx.shape(0), target]);
    const f = ctx.folded(0);
    let folded: Folded | undefined;
    if (f && shape && shape.every((d) => typeof d === 'number')) {
      // Check the size before allocating: a shape input can ask for billions of elements.
      const n = (shape as number[]).reduce((a, b) => a * b, 1);
      const ones =
        n <= FOLD_LIMIT ? makeFolded('int64', shape as number[], new Array<Dim>(n).fill(1)) : undefined;
      if (ones) folded = mapBroadcast([f, ones], f.dtype, ([v]) => v ?? null);
    }
    ctx.output(0, ctx.dtype(0), shape, folded);
  },
};

const tile: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const reps = ctx.folded(1)?.data;
    if (x === null || reps === undefined)
      return ctx.output(0, ctx.dtype(0), x === null ? null : x.map(() => null));
    if (reps.length !== x.length)
      throw new RuleError(`repeats has ${reps.length} entries for rank ${x.length}`);
    ctx.output(
      0,
      ctx.dtype(0),
      x.map((d, i) => dimMul(d, reps[i] ?? null)),
    );
  },
};

function blocks(scale: 'up' | 'down'): OpRule {
  return {
    infer(ctx) {
      const x = ctx.shape(0);
      const b = attrInt(ctx.node, 'blocksize', 1);
      if (x === null || x.length !== 4)
        return ctx.output(0, ctx.dtype(0), x === null ? null : x.map(() => null));
      const [n, c, h, w] = x as [Dim, Dim, Dim, Dim];
      const out =
        scale === 'up'
          ? [n, dimFloorDiv(c, b * b), dimMul(h, b), dimMul(w, b)]
          : [n, dimMul(c, b * b), dimFloorDiv(h, b), dimFloorDiv(w, b)];
      ctx.output(0, ctx.dtype(0), out);
    },
  };
}

/** Rules of the data-rearranging family. */
export const combineRules: Record<string, OpRule> = {
  Transpose: transpose,
  Concat: concat,
  Expand: expand,
  Tile: tile,
  DepthToSpace: blocks('up'),
  SpaceToDepth: blocks('down'),
};
