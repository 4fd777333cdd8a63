/** Ops that make tensors from attributes or shapes: Constant, ConstantOfShape, Range, Shape, Size, Cast, Random*. */
import type { Dim, DType, Node } from '@nnlens/ir';
import { isFloatDType } from '@nnlens/ir';
import { attrInt, attrInts, attrTensor } from '../attrs.js';
import { dimProduct } from '../dims.js';
import { RuleError } from '../errors.js';
import { castNumber, FOLD_LIMIT, foldTensor, makeFolded, type Folded } from '../folded.js';
import type { InferContext, OpRule } from '../rule.js';
import { onnxDType, unknownShape } from './util.js';

function constantOf(node: Node): { dtype: DType; shape: number[]; folded?: Folded } {
  for (const a of node.attributes) {
    switch (a.name) {
      case 'value':
      case 'sparse_value': {
        if (a.kind !== 'tensor' && a.kind !== 'sparse_tensor') break;
        const f = foldTensor(a.value);
        return { dtype: a.value.dtype, shape: a.value.shape.slice(), ...(f ? { folded: f } : {}) };
      }
      case 'value_float':
      case 'value_int': {
        const dtype = a.name === 'value_int' ? 'int64' : 'float32';
        if (a.kind !== 'float' && a.kind !== 'int') break;
        return { dtype, shape: [], folded: { dtype, shape: [], data: [a.value] } };
      }
      case 'value_floats':
      case 'value_ints': {
        const dtype = a.name === 'value_ints' ? 'int64' : 'float32';
        if (a.kind !== 'floats' && a.kind !== 'ints') break;
        const f = makeFolded(dtype, [a.value.length], a.value.slice());
        return { dtype, shape: [a.value.length], ...(f ? { folded: f } : {}) };
      }
      case 'value_string':
        return { dtype: 'string', shape: [] };
      case 'value_strings':
        return { dtype: 'string', shape: [a.kind === 'strings' ? a.value.length : 0] };
    }
  }
  throw new RuleError('Constant has no value attribute');
}

const constant: OpRule = {
  infer(ctx) {
    const c = constantOf(ctx.node);
    ctx.output(0, c.dtype, c.shape, c.folded);
  },
};

const shape: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    if (x === null) return ctx.output(0, 'int64', [null]);
    const r = x.length;
    const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + r : v, 0), r);
    // Opset 15 added start/end to take part of the shape.
    const dims = x.slice(clamp(attrInt(ctx.node, 'start', 0)), clamp(attrInt(ctx.node, 'end', r)));
    ctx.output(0, 'int64', [dims.length], makeFolded('int64', [dims.length], dims));
  },
};

const size: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    const n = x === null ? null : dimProduct(x);
    ctx.output(0, 'int64', [], n === null ? undefined : makeFolded('int64', [], [n]));
  },
};

const constantOfShape: OpRule = {
  infer(ctx) {
    const t = attrTensor(ctx.node, 'value');
    const dtype: DType = t?.dtype ?? 'float32';
    const target = ctx.folded(0)?.data;
    if (!target) {
      const len = ctx.shape(0)?.[0];
      return ctx.output(0, dtype, unknownShape(typeof len === 'number' ? len : null));
    }
    for (const d of target) {
      if (typeof d === 'number' && !(Number.isInteger(d) && d >= 0))
        throw new RuleError(`invalid dim ${d} in shape input`);
    }
    let folded: Folded | undefined;
    if (target.every((d) => typeof d === 'number')) {
      const n = (target as number[]).reduce((a, b) => a * b, 1);
      const fill = t ? (foldTensor(t)?.data[0] ?? 0) : 0;
      if (n <= FOLD_LIMIT) folded = makeFolded(dtype, target as number[], new Array<Dim>(n).fill(fill));
    }
    ctx.output(0, dtype, target, folded);
  },
};

const range: OpRule = {
  infer(ctx) {
    const [start, limit, delta] = [0, 1, 2].map((i) => ctx.folded(i)?.data[0]);
    const dtype = ctx.dtype(0) !== 'unknown' ? ctx.dtype(0) : ctx.dtype(1);
    if (typeof start !== 'number' || typeof limit !== 'number' || typeof delta !== 'number') {
      return ctx.output(0, dtype, [null]);
    }
    if (delta === 0) throw new RuleError('delta is 0');
    const n = Math.max(Math.ceil((limit - start) / delta), 0);
    const folded =
      n <= FOLD_LIMIT
        ? makeFolded(
            dtype,
            [n],
            Array.from({ length: n }, (_, i) => castNumber(start + i * delta, dtype)),
          )
        : undefined;
    ctx.output(0, dtype, [n], folded);
  },
};

function castTo(ctx: InferContext, to: DType): void {
  const f = ctx.folded(0);
  let folded: Folded | undefined;
  if (f) {
    // Symbolic dims survive casts between integer types only.
    const keepSymbols = !isFloatDType(to) && to !== 'bool';
    folded = makeFolded(
      to,
      f.shape,
      f.data.map((d) => (typeof d === 'number' ? castNumber(d, to) : keepSymbols ? d : null)),
    );
  }
  ctx.output(0, to, ctx.shape(0), folded);
}

function randomFromAttr(ctx: InferContext): void {
  const dtype = onnxDType(attrInt(ctx.node, 'dtype', 1));
  ctx.output(0, dtype, attrInts(ctx.node, 'shape') ?? null);
}

function randomLike(ctx: InferContext): void {
  const code = attrInt(ctx.node, 'dtype');
  ctx.output(0, code === undefined ? ctx.dtype(0) : onnxDType(code), ctx.shape(0));
}

/** Rules of the tensor-generating family. */
export const generatorRules: Record<string, OpRule> = {
  Constant: constant,
  Shape: shape,
  Size: size,
  ConstantOfShape: constantOfShape,
  Range: range,
  Cast: { infer: (ctx) => castTo(ctx, onnxDType(attrInt(ctx.node, 'to', 0))) },
  CastLike: { infer: (ctx) => castTo(ctx, ctx.dtype(1)) },
  EyeLike: { infer: randomLike },
  RandomNormal: { infer: randomFromAttr },
  RandomUniform: { infer: randomFromAttr },
  RandomNormalLike: { infer: randomLike },
  RandomUniformLike: { infer: randomLike },
  Bernoulli: { infer: randomLike },
};
