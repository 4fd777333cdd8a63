/** ONNX TypeProto → IR dtype and shape (tensors), and ONNX-style type text for every type kind. */
import type { DType, Shape } from '@nnlens/ir';
import { onnxDType, onnxTypeText } from './dtypes.js';
import { int64, type onnx } from './proto.js';

type TypeProps = onnx.TypeProto.$Properties;
type ShapeProps = onnx.TensorShapeProto.$Properties;

/** What the IR can hold of a value's type: element type and shape (null = unknown rank). */
export interface ValueType {
  dtype: DType;
  shape: Shape;
}

function toShape(s: ShapeProps | null | undefined): Shape {
  if (!s) return null;
  return (s.dim ?? []).map((d) => {
    // A oneof: the last of dim_value / dim_param wins; an empty dim_param or neither means unknown.
    if (d.value === 'dimValue') return int64(d.dimValue);
    if (d.value === 'dimParam') return d.dimParam || null;
    return null;
  });
}

/** Element type and shape of a tensor, sparse tensor or optional tensor type; unknown for the rest. */
export function valueType(tp: TypeProps | null | undefined): ValueType {
  if (!tp) return { dtype: 'unknown', shape: null };
  const tensor = tp.tensorType ?? tp.sparseTensorType;
  if (tensor) return { dtype: onnxDType(tensor.elemType ?? 0), shape: toShape(tensor.shape) };
  if (tp.optionalType?.elemType) return valueType(tp.optionalType.elemType);
  return { dtype: 'unknown', shape: null };
}

/** ONNX's text for a type: `tensor(float)`, `seq(tensor(int64))`, `map(string,tensor(float))` … */
export function typeText(tp: TypeProps | null | undefined, depth = 0): string {
  if (!tp || depth > 32) return '?';
  if (tp.tensorType) return `tensor(${onnxTypeText(tp.tensorType.elemType ?? 0)})`;
  if (tp.sparseTensorType) return `sparse_tensor(${onnxTypeText(tp.sparseTensorType.elemType ?? 0)})`;
  if (tp.sequenceType) return `seq(${typeText(tp.sequenceType.elemType, depth + 1)})`;
  if (tp.optionalType) return `optional(${typeText(tp.optionalType.elemType, depth + 1)})`;
  if (tp.mapType) {
    return `map(${onnxTypeText(tp.mapType.keyType ?? 0)},${typeText(tp.mapType.valueType, depth + 1)})`;
  }
  return '?';
}
