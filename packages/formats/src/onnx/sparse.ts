/** ONNX SparseTensorProto → a dense IR Tensor when small enough, else a data-less tensor plus a warning. */
import { tensorValues, type Tensor } from '@nnlens/ir';
import { warn, type ImportContext } from './context.js';
import { asDecodedTensor, int64, type onnx } from './proto.js';
import { toTensor } from './tensor.js';

// Densifying allocates dims-product numbers; beyond this the tensor is kept without values.
const MAX_DENSE = 1 << 24;

function densify(values: Tensor, indices: Tensor, dims: number[], numel: number): number[] {
  const vals = tensorValues(values) as ArrayLike<number>;
  const idx = tensorValues(indices) as ArrayLike<number>;
  const out = new Array<number>(numel).fill(0);
  const nnz = vals.length;
  // Indices are either [NNZ] linear positions or [NNZ, rank] coordinates.
  const coords = indices.shape.length === 2;
  for (let k = 0; k < nnz; k++) {
    let at = 0;
    if (coords) {
      for (let d = 0; d < dims.length; d++) at = at * dims[d]! + Number(idx[k * dims.length + d]);
    } else at = Number(idx[k]);
    if (!(at >= 0 && at < numel)) throw new RangeError(`sparse index ${at} outside ${numel} elements`);
    out[at] = Number(vals[k]);
  }
  return out;
}

/** The IR tensor for a sparse tensor; `where` names it in warnings. */
export function sparseToTensor(
  sp: onnx.SparseTensorProto.$Properties,
  ctx: ImportContext,
  where: string,
): Tensor {
  const dims = (sp.dims ?? []).map(int64);
  const values = sp.values ? toTensor(asDecodedTensor(sp.values), ctx, where) : null;
  const indices = sp.indices ? toTensor(asDecodedTensor(sp.indices), ctx, `${where}.indices`) : null;
  const name = values?.name ?? '';
  const label = name ? `'${name}'` : where;
  const tensor: Tensor = { name, dtype: values?.dtype ?? 'unknown', shape: dims, storage: { kind: 'none' } };
  const numel = dims.reduce((a, b) => a * b, 1);
  if (!values || !indices) {
    warn(ctx, 'sparse', `ONNX: sparse tensor ${label} lacks values or indices`);
    return tensor;
  }
  if (values.dtype === 'string' || numel > MAX_DENSE) {
    warn(ctx, 'sparse', `ONNX: sparse tensor ${label} (${dims.join('×')}) kept without values`);
    return tensor;
  }
  try {
    tensor.storage = { kind: 'values', values: densify(values, indices, dims, numel) };
  } catch (e) {
    warn(ctx, 'sparse', `ONNX: sparse tensor ${label} cannot be expanded: ${(e as Error).message}`);
  }
  return tensor;
}
