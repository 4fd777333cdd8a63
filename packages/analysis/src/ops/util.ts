/** Helpers shared by the op rules: axis normalisation, unknown shapes, same-shape ops. */
import type { Dim, DType, Shape } from '@nnlens/ir';
import { RuleError } from '../errors.js';
import type { InferContext } from '../rule.js';

/** Maps a possibly negative axis into [0, rank); throws when out of range. */
export function normAxis(axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) {
    throw new RuleError(`${what} ${axis} is out of range for rank ${rank}`);
  }
  return a;
}

/** A shape of `rank` unknown dims, or unknown rank. */
export function unknownShape(rank: number | null): Shape {
  return rank === null ? null : new Array<Dim>(rank).fill(null);
}

/** Output 0 has input 0's shape and dtype (or `dtype` when given). */
export function sameAsInput(ctx: InferContext, dtype?: DType): void {
  ctx.output(0, dtype ?? ctx.dtype(0), ctx.shape(0));
}

/** Element count of known dims, or null. */
export function knownSize(shape: Shape): number | null {
  if (shape === null) return null;
  let n = 1;
  for (const d of shape) {
    if (typeof d !== 'number') return null;
    n *= d;
  }
  return n;
}

/** Product of a concrete shape (1 for scalars). */
export function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** ONNX TensorProto.DataType code → DType. */
export function onnxDType(code: number): DType {
  return ONNX_DTYPES[code] ?? 'unknown';
}

const ONNX_DTYPES: Record<number, DType> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
  17: 'float8e4m3fn',
  18: 'float8e4m3fnuz',
  19: 'float8e5m2',
  20: 'float8e5m2fnuz',
  21: 'uint4',
  22: 'int4',
};
