/** ONNX TensorProto.DataType codes ↔ IR dtypes and ONNX's own upper-case names. */
import type { DType } from '@nnlens/ir';

// Index = ONNX DataType code. FLOAT4E2M1 (23) has no IR dtype yet.
const BY_CODE: readonly (readonly [DType, string])[] = [
  ['unknown', 'UNDEFINED'],
  ['float32', 'FLOAT'],
  ['uint8', 'UINT8'],
  ['int8', 'INT8'],
  ['uint16', 'UINT16'],
  ['int16', 'INT16'],
  ['int32', 'INT32'],
  ['int64', 'INT64'],
  ['string', 'STRING'],
  ['bool', 'BOOL'],
  ['float16', 'FLOAT16'],
  ['float64', 'DOUBLE'],
  ['uint32', 'UINT32'],
  ['uint64', 'UINT64'],
  ['complex64', 'COMPLEX64'],
  ['complex128', 'COMPLEX128'],
  ['bfloat16', 'BFLOAT16'],
  ['float8e4m3fn', 'FLOAT8E4M3FN'],
  ['float8e4m3fnuz', 'FLOAT8E4M3FNUZ'],
  ['float8e5m2', 'FLOAT8E5M2'],
  ['float8e5m2fnuz', 'FLOAT8E5M2FNUZ'],
  ['uint4', 'UINT4'],
  ['int4', 'INT4'],
  ['unknown', 'FLOAT4E2M1'],
];

/** The IR dtype of an ONNX element type code ('unknown' for codes the IR cannot represent). */
export function onnxDType(code: number): DType {
  return BY_CODE[code]?.[0] ?? 'unknown';
}

/** ONNX's name for an element type code ('FLOAT', 'INT64' …), or `type<N>` for an unknown code. */
export function onnxTypeName(code: number): string {
  return BY_CODE[code]?.[1] ?? `type${code}`;
}

/** ONNX's lower-case spelling used in type strings: tensor(float), tensor(int64) … */
export function onnxTypeText(code: number): string {
  const name = onnxTypeName(code);
  return name === 'DOUBLE' ? 'double' : name.toLowerCase();
}
