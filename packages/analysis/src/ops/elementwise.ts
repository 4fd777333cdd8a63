/** Element-wise ops: unary maps, numpy-broadcast binary and variadic ops, Where, Clip; with constant folding. */
import type { Dim, DType } from '@nnlens/ir';
import { isFloatDType } from '@nnlens/ir';
import { hasAttr } from '../attrs.js';
import { broadcastShapes } from '../broadcast.js';
import { dimAdd, dimFloorDiv, dimMul, dimSub } from '../dims.js';
import { castNumber, mapBroadcast, type Folded } from '../folded.js';
import type { InferContext, OpRule } from '../rule.js';

type Pred = (a: number, b: number) => boolean;
type DimFn = (xs: Dim[], dtype: DType) => Dim;

/** Lifts a numeric function so symbolic or unknown elements give null. */
function numeric(fn: (...xs: number[]) => number): DimFn {
  return (xs) => (xs.every((x) => typeof x === 'number') ? fn(...(xs as number[])) : null);
}

function finish(d: Dim, dtype: DType): Dim {
  return typeof d === 'number' ? castNumber(d, dtype) : d;
}

/** Folds over all present inputs when every one of them is known. */
function foldAll(ctx: InferContext, dtype: DType, fn: DimFn, first = 0): Folded | undefined {
  const ins: Folded[] = [];
  for (let i = first; i < ctx.inputCount; i++) {
    if (!ctx.has(i)) continue;
    const f = ctx.folded(i);
    if (!f) return undefined;
    ins.push(f);
  }
  if (ins.length === 0) return undefined;
  const inType = ins[ins.length - 1]?.dtype ?? dtype;
  return mapBroadcast(ins, dtype, (xs) => finish(fn(xs, inType), dtype));
}

/** Output dtype of a comparison or logic op. */
const BOOL = (): DType => 'bool';

/** A same-shape unary op; `fold` evaluates it on small known inputs. */
function unary(fold?: DimFn, outDtype?: (ctx: InferContext) => DType): OpRule {
  return {
    infer(ctx) {
      const dtype = outDtype ? outDtype(ctx) : ctx.dtype(0);
      const f = fold ? ctx.folded(0) : undefined;
      const folded =
        f && fold ? mapBroadcast([f], dtype, (xs) => finish(fold(xs, f.dtype), dtype)) : undefined;
      ctx.output(0, dtype, ctx.shape(0), folded);
    },
  };
}

/** A broadcast op over all inputs; opset < 7 `broadcast=1` means B follows A's shape. */
function broadcasting(fold?: DimFn, outDtype?: (ctx: InferContext) => DType): OpRule {
  return {
    infer(ctx) {
      const dtype = outDtype ? outDtype(ctx) : ctx.dtype(0);
      const shapes = [];
      for (let i = 0; i < ctx.inputCount; i++) if (ctx.has(i)) shapes.push(ctx.shape(i));
      const shape = hasAttr(ctx.node, 'broadcast') ? ctx.shape(0) : broadcastShapes(shapes);
      const folded = fold && !hasAttr(ctx.node, 'broadcast') ? foldAll(ctx, dtype, fold) : undefined;
      ctx.output(0, dtype, shape, folded);
    },
  };
}

const isInt = (t: DType): boolean => !isFloatDType(t) && t !== 'bool';

const add: DimFn = ([a, b]) => dimAdd(a ?? null, b ?? null);
const sub: DimFn = ([a, b]) => dimSub(a ?? null, b ?? null);
const mul: DimFn = ([a, b]) => dimMul(a ?? null, b ?? null);
const div: DimFn = ([a, b], t) => {
  if (typeof a === 'number' && typeof b === 'number')
    return isInt(t) ? (b === 0 ? null : Math.trunc(a / b)) : a / b;
  return isInt(t) ? dimFloorDiv(a ?? null, b ?? null) : null;
};
/** Equal on dims: sizes are never negative, so a symbol never equals -1. */
const equal: DimFn = ([a, b]) => {
  if (a === null || b === null || a === undefined || b === undefined) return null;
  if (a === b) return 1;
  if (typeof a === 'number' && typeof b === 'number') return 0;
  const n = typeof a === 'number' ? a : b;
  return typeof n === 'number' && n < 0 ? 0 : null;
};
const cmp = (fn: Pred): DimFn => numeric((a, b) => (fn(a, b) ? 1 : 0));

const where: OpRule = {
  infer(ctx) {
    const dtype = ctx.dtype(1) !== 'unknown' ? ctx.dtype(1) : ctx.dtype(2);
    const shape = broadcastShapes([ctx.shape(0), ctx.shape(1), ctx.shape(2)]);
    const c = ctx.folded(0);
    const x = ctx.folded(1);
    const y = ctx.folded(2);
    const folded =
      c && x && y
        ? mapBroadcast([c, x, y], dtype, ([k, a, b]) =>
            k === null || k === undefined ? (a === b ? (a ?? null) : null) : k ? (a ?? null) : (b ?? null),
          )
        : undefined;
    ctx.output(0, dtype, shape, folded);
  },
};

const clip: OpRule = {
  infer(ctx) {
    const f = ctx.folded(0);
    let folded: Folded | undefined;
    if (f) {
      // Opset < 11 carries bounds as attributes, later opsets as optional inputs.
      const lo = ctx.has(1) ? ctx.folded(1)?.data[0] : attrNum(ctx, 'min', -Infinity);
      const hi = ctx.has(2) ? ctx.folded(2)?.data[0] : attrNum(ctx, 'max', Infinity);
      if (typeof lo === 'number' && typeof hi === 'number') {
        folded = mapBroadcast([f], f.dtype, (xs) =>
          numeric((x) => Math.min(Math.max(x, lo), hi))(xs, f.dtype),
        );
      }
    }
    ctx.output(0, ctx.dtype(0), ctx.shape(0), folded);
  },
};

function attrNum(ctx: InferContext, name: string, def: number): number {
  const a = ctx.node.attributes.find((x) => x.name === name);
  return a && (a.kind === 'float' || a.kind === 'int') ? a.value : def;
}

const UNARY_PLAIN = [
  'Acos',
  'Acosh',
  'Asin',
  'Asinh',
  'Atan',
  'Atanh',
  'Celu',
  'Cos',
  'Cosh',
  'Elu',
  'Erf',
  'Exp',
  'Gelu',
  'HardSigmoid',
  'HardSwish',
  'LeakyRelu',
  'Log',
  'Mish',
  'Selu',
  'Sigmoid',
  'Sin',
  'Sinh',
  'Softplus',
  'Softsign',
  // ONNX opset 24; Keras' swish/silu.
  'Swish',
  'Tan',
  'Tanh',
  'ThresholdedRelu',
  'Shrink',
  'BitwiseNot',
  'Softmax',
  'LogSoftmax',
  'Hardmax',
  'CumSum',
  'Trilu',
  'ReverseSequence',
];

/** Rules of the element-wise family. */
export const elementwiseRules: Record<string, OpRule> = {
  ...Object.fromEntries(UNARY_PLAIN.map((op) => [op, unary()])),
  Identity: { infer: (ctx) => ctx.output(0, ctx.dtype(0), ctx.shape(0), ctx.folded(0)) },
  Neg: unary(numeric((x) => -x)),
  Abs: unary(numeric(Math.abs)),
  Floor: unary(numeric(Math.floor)),
  Ceil: unary(numeric(Math.ceil)),
  Round: unary(numeric((x) => (x - Math.floor(x) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x)))),
  Sqrt: unary(numeric(Math.sqrt)),
  Reciprocal: unary(numeric((x) => 1 / x)),
  Relu: unary(numeric((x) => Math.max(0, x))),
  Sign: unary(numeric(Math.sign)),
  Not: unary(
    numeric((x) => (x ? 0 : 1)),
    BOOL,
  ),
  IsNaN: unary(
    numeric((x) => (Number.isNaN(x) ? 1 : 0)),
    BOOL,
  ),
  IsInf: unary(undefined, BOOL),
  Clip: clip,
  Add: broadcasting(add),
  Sub: broadcasting(sub),
  Mul: broadcasting(mul),
  Div: broadcasting(div),
  Pow: broadcasting(numeric((a, b) => a ** b)),
  Mod: broadcasting(numeric((a, b) => a - b * Math.floor(a / b))),
  PRelu: broadcasting(),
  BitShift: broadcasting(),
  BitwiseAnd: broadcasting(),
  BitwiseOr: broadcasting(),
  BitwiseXor: broadcasting(),
  And: broadcasting(
    numeric((a, b) => (a && b ? 1 : 0)),
    BOOL,
  ),
  Or: broadcasting(
    numeric((a, b) => (a || b ? 1 : 0)),
    BOOL,
  ),
  Xor: broadcasting(
    numeric((a, b) => (!a !== !b ? 1 : 0)),
    BOOL,
  ),
  Equal: broadcasting(equal, BOOL),
  Greater: broadcasting(
    cmp((a, b) => a > b),
    BOOL,
  ),
  Less: broadcasting(
    cmp((a, b) => a < b),
    BOOL,
  ),
  GreaterOrEqual: broadcasting(
    cmp((a, b) => a >= b),
    BOOL,
  ),
  LessOrEqual: broadcasting(
    cmp((a, b) => a <= b),
    BOOL,
  ),
  Sum: broadcasting(numeric((...xs) => xs.reduce((s, x) => s + x, 0))),
  Mean: broadcasting(numeric((...xs) => xs.reduce((s, x) => s + x, 0) / xs.length)),
  Max: broadcasting(numeric(Math.max)),
  Min: broadcasting(numeric(Math.min)),
  Where: where,
};
