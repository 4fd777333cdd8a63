/** Indexing ops: Gather (folded for shape arithmetic), GatherElements/ND, Scatter*, OneHot, and data-dependent ones. */
import type { Dim } from '@nnlens/ir';
import { attrInt } from '../attrs.js';
import { RuleError } from '../errors.js';
import { FOLD_LIMIT, makeFolded, type Folded } from '../folded.js';
import type { OpRule } from '../rule.js';
import { normAxis, sameAsInput } from './util.js';

function gatherFolded(data: Folded, indices: Folded, axis: number): Folded | undefined {
  const dim = data.shape[axis] as number;
  const outer = data.shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = data.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  if (outer * indices.data.length * inner > FOLD_LIMIT) return undefined;
  const out: Dim[] = [];
  for (let o = 0; o < outer; o++) {
    for (const raw of indices.data) {
      if (typeof raw !== 'number') return undefined;
      const i = raw < 0 ? raw + dim : raw;
      if (!(i >= 0 && i < dim))
        throw new RuleError(`index ${raw} is out of range for axis ${axis} of size ${dim}`);
      for (let k = 0; k < inner; k++) out.push(data.data[(o * dim + i) * inner + k] ?? null);
    }
  }
  const shape = [...data.shape.slice(0, axis), ...indices.shape, ...data.shape.slice(axis + 1)];
  return makeFolded(data.dtype, shape, out);
}

const gather: OpRule = {
  infer(ctx) {
    const data = ctx.shape(0);
    const idx = ctx.shape(1);
    if (data === null || idx === null) return ctx.output(0, ctx.dtype(0), null);
    const axis = normAxis(attrInt(ctx.node, 'axis', 0), data.length);
    const shape = [...data.slice(0, axis), ...idx, ...data.slice(axis + 1)];
    const d = ctx.folded(0);
    const i = ctx.folded(1);
    ctx.output(0, ctx.dtype(0), shape, d && i ? gatherFolded(d, i, axis) : undefined);
  },
};

const gatherElements: OpRule = {
  infer(ctx) {
    ctx.output(0, ctx.dtype(0), ctx.shape(1));
  },
};

const gatherND: OpRule = {
  infer(ctx) {
    const data = ctx.shape(0);
    const idx = ctx.shape(1);
    const b = attrInt(ctx.node, 'batch_dims', 0);
    const last = idx?.[idx.length - 1];
    if (data === null || idx === null || typeof last !== 'number') return ctx.output(0, ctx.dtype(0), null);
    if (b + last > data.length)
      throw new RuleError(`indices address ${b + last} dims of a rank-${data.length} tensor`);
    ctx.output(0, ctx.dtype(0), [...idx.slice(0, -1), ...data.slice(b + last)]);
  },
};

const oneHot: OpRule = {
  infer(ctx) {
    const idx = ctx.shape(0);
    const depth = ctx.folded(1)?.data[0];
    if (idx === null) return ctx.output(0, ctx.dtype(2), null);
    const axis = normAxis(attrInt(ctx.node, 'axis', -1), idx.length + 1);
    const out = idx.slice();
    out.splice(axis, 0, typeof depth === 'number' ? Math.trunc(depth) : null);
    ctx.output(0, ctx.dtype(2), out);
  },
};

// The output size depends on the data: the rank is known, the count is not.
const nonZero: OpRule = {
  infer(ctx) {
    const r = ctx.rank(0);
    ctx.output(0, 'int64', [r, null]);
  },
};

const compress: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const axis = attrInt(ctx.node, 'axis');
    if (x === null || axis === undefined) return ctx.output(0, ctx.dtype(0), [null]);
    const a = normAxis(axis, x.length);
    ctx.output(
      0,
      ctx.dtype(0),
      x.map((d, i) => (i === a ? null : d)),
    );
  },
};

const unique: OpRule = {
  infer(ctx) {
    const axis = attrInt(ctx.node, 'axis');
    const x = ctx.shape(0);
    const y =
      axis === undefined || x === null
        ? [null]
        : x.map((d, i) => (i === normAxis(axis, x.length) ? null : d));
    ctx.output(0, ctx.dtype(0), y);
    for (let i = 1; i < 4; i++) ctx.output(i, 'int64', [null]);
  },
};

/** Rules of the indexing family. */
export const gatherRules: Record<string, OpRule> = {
  Gather: gather,
  GatherElements: gatherElements,
  GatherND: gatherND,
  Scatter: { infer: (ctx) => sameAsInput(ctx) },
  ScatterElements: { infer: (ctx) => sameAsInput(ctx) },
  ScatterND: { infer: (ctx) => sameAsInput(ctx) },
  OneHot: oneHot,
  NonZero: nonZero,
  Compress: compress,
  Unique: unique,
};
