/** Reads single weights straight from a tensor's bytes, so a 9216×4096 matrix is never decoded whole. */
import type { Tensor } from '@nnlens/ir';
import type { DenseWeights } from './layer.js';

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** Element reader of a tensor, or a reason why its values are not available. */
export function elementReader(t: Tensor): ((i: number) => number) | string {
  const s = t.storage;
  if (s.kind === 'external') return `tensor '${t.name}' is in external file '${s.location}', not loaded`;
  if (s.kind === 'none') return `tensor '${t.name}' has no data in this file`;
  if (s.kind === 'values') {
    const vals = s.values as ArrayLike<unknown>;
    return (i) => Number(vals[i]);
  }
  const view = new DataView(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength);
  const count = t.shape.reduce((a, b) => a * b, 1);
  const need = (size: number): string | null =>
    s.bytes.byteLength < count * size
      ? `tensor '${t.name}' has ${s.bytes.byteLength} bytes, ${count * size} needed`
      : null;
  switch (t.dtype) {
    case 'float32':
      return need(4) ?? ((i) => view.getFloat32(i * 4, true));
    case 'float64':
      return need(8) ?? ((i) => view.getFloat64(i * 8, true));
    case 'float16':
      return need(2) ?? ((i) => halfToFloat(view.getUint16(i * 2, true)));
    default:
      return `tensor '${t.name}' has dtype ${t.dtype}; only float weights are drawn`;
  }
}

/** Weight from input unit `i` to output unit `j` of a dense layer, reading the matrix in its stored order. */
export function denseMatrix(
  d: DenseWeights,
): { at(i: number, j: number): number; bias?: (j: number) => number } | string {
  const read = elementReader(d.weight);
  if (typeof read === 'string') return read;
  const cols = d.weight.shape[1]!;
  const at = d.inputMajor
    ? (i: number, j: number) => read(i * cols + j)
    : (i: number, j: number) => read(j * cols + i);
  const out: { at(i: number, j: number): number; bias?: (j: number) => number } = { at };
  if (d.bias) {
    const b = elementReader(d.bias);
    if (typeof b !== 'string') out.bias = b;
  }
  return out;
}
