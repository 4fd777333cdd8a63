/** Small constant tensors known at analysis time (shape arithmetic), whose elements may be symbolic dims. */
import { isFloatDType, tensorElementCount, tensorValues, TensorDataError } from '@nnlens/ir';
import type { ConstValue, Dim, DType, Tensor } from '@nnlens/ir';
import { RuleError } from './errors.js';

/** Largest tensor we evaluate: shape arithmetic is tiny, weights are not folded. */
export const FOLD_LIMIT = 4096;

// Float constants matter only as scalars and scale vectors (Clip bounds, Resize scales); biases are not decoded.
const FLOAT_FOLD_LIMIT = 64;

/** A folded tensor: concrete shape, row-major elements (numbers, symbol names, or null for unknown). */
export interface Folded {
  dtype: DType;
  shape: number[];
  data: Dim[];
}

/** Element count of a concrete shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A folded tensor, or undefined when it would exceed FOLD_LIMIT or the data length is wrong. */
export function makeFolded(dtype: DType, shape: number[], data: Dim[]): Folded | undefined {
  if (data.length > FOLD_LIMIT || data.length !== sizeOf(shape)) return undefined;
  return { dtype, shape, data };
}

/** Converts a number to what storing it at `dtype` gives (integers truncate, bools are 0/1). */
export function castNumber(x: number, dtype: DType): number {
  if (dtype === 'bool') return x !== 0 ? 1 : 0;
  if (isFloatDType(dtype)) return dtype === 'float32' ? Math.fround(x) : x;
  if (dtype === 'string' || dtype === 'unknown') return x;
  return Number.isFinite(x) ? Math.trunc(x) : x;
}

/** A small initializer or Constant tensor's values; undefined when too big or its data is not loaded. */
export function foldTensor(t: Tensor): Folded | undefined {
  if (t.dtype === 'string') return undefined;
  const n = tensorElementCount(t);
  if (!(n <= (isFloatDType(t.dtype) ? FLOAT_FOLD_LIMIT : FOLD_LIMIT))) return undefined;
  try {
    const vals = tensorValues(t);
    if (vals.length !== n) return undefined;
    return { dtype: t.dtype, shape: t.shape.slice(), data: Array.from(vals as ArrayLike<number>) };
  } catch (e) {
    if (e instanceof TensorDataError) return undefined;
    throw e;
  }
}

/** True when every element is a concrete number. */
export function isNumeric(f: Folded): boolean {
  return f.data.every((d) => typeof d === 'number');
}

/** The IR form of a fully numeric folded tensor. */
export function toConstValue(f: Folded): ConstValue | undefined {
  if (!isNumeric(f)) return undefined;
  return { dtype: f.dtype, shape: f.shape.slice(), data: f.data.slice() as number[] };
}

/** Elements as integers; undefined if any is symbolic, unknown or fractional. */
export function intsOf(f: Folded | undefined): number[] | undefined {
  if (!f) return undefined;
  for (const d of f.data) if (typeof d !== 'number' || !Number.isInteger(d)) return undefined;
  return f.data as number[];
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i] as number;
  }
  return s;
}

/** Numpy broadcast of concrete shapes (throws RuleError on a mismatch). */
export function broadcastConcrete(shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    const off = rank - s.length;
    s.forEach((d, i) => {
      const o = out[off + i] as number;
      if (o === 1) out[off + i] = d;
      else if (d !== 1 && d !== o) throw new RuleError(`cannot broadcast [${s.join(',')}]`);
    });
  }
  return out;
}

/** Element-wise map over broadcast inputs; undefined when the result exceeds FOLD_LIMIT. */
export function mapBroadcast(
  inputs: readonly Folded[],
  dtype: DType,
  fn: (xs: Dim[]) => Dim,
): Folded | undefined {
  const shape = broadcastConcrete(inputs.map((f) => f.shape));
  const n = sizeOf(shape);
  if (n > FOLD_LIMIT) return undefined;
  const rank = shape.length;
  // Per input: stride along each output axis, 0 where the input is broadcast.
  const strides = inputs.map((f) => {
    const own = stridesOf(f.shape);
    const off = rank - f.shape.length;
    return shape.map((_, ax) => (ax < off || f.shape[ax - off] === 1 ? 0 : (own[ax - off] as number)));
  });
  const data = new Array<Dim>(n);
  const idx = new Array<number>(rank).fill(0);
  const xs = new Array<Dim>(inputs.length);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < inputs.length; j++) {
      let o = 0;
      const st = strides[j] as number[];
      for (let ax = 0; ax < rank; ax++) o += (idx[ax] as number) * (st[ax] as number);
      xs[j] = (inputs[j] as Folded).data[o] as Dim;
    }
    data[k] = fn(xs);
    for (let ax = rank - 1; ax >= 0; ax--) {
      if ((idx[ax] = (idx[ax] as number) + 1) < (shape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  return { dtype, shape, data };
}
