/** Element types of tensors, with their byte sizes; names follow numpy/ONNX lower-case spelling. */

/** A tensor element type. `unknown` when a file does not say. */
export type DType =
  | 'float32'
  | 'float16'
  | 'bfloat16'
  | 'float64'
  | 'float8e4m3fn'
  | 'float8e4m3fnuz'
  | 'float8e5m2'
  | 'float8e5m2fnuz'
  | 'int4'
  | 'uint4'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'bool'
  | 'string'
  | 'complex64'
  | 'complex128'
  | 'unknown';

const SIZES: Record<DType, number> = {
  float32: 4,
  float16: 2,
  bfloat16: 2,
  float64: 8,
  float8e4m3fn: 1,
  float8e4m3fnuz: 1,
  float8e5m2: 1,
  float8e5m2fnuz: 1,
  int4: 0.5,
  uint4: 0.5,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
  bool: 1,
  string: 0,
  complex64: 8,
  complex128: 16,
  unknown: 0,
};

/** Bytes per element (0 for strings and unknown types, 0.5 for 4-bit types). */
export function dtypeSize(dtype: DType): number {
  return SIZES[dtype];
}

/** True for every floating-point type, including float8/float16/bfloat16 and complex. */
export function isFloatDType(dtype: DType): boolean {
  return dtype.startsWith('float') || dtype === 'bfloat16' || dtype.startsWith('complex');
}

/** True for signed and unsigned integer types (not bool). */
export function isIntDType(dtype: DType): boolean {
  return dtype.startsWith('int') || dtype.startsWith('uint');
}
