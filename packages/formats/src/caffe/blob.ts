/** Weight tensors of a layer: from a stored BlobProto (a view into the file) or declared without data. */
import type { Tensor } from '@nnlens/ir';
import type { PbMessage } from './message.js';
import type { BlobShape } from './layer-context.js';

const product = (xs: number[]): number => xs.reduce((a, b) => a * b, 1);

/** The dims a BlobProto declares: `shape.dim`, or the legacy num/channels/height/width. */
export function blobDims(blob: PbMessage): number[] {
  const shape = blob.sub('shape');
  if (shape) return shape.nums('dim');
  const legacy = ['num', 'channels', 'height', 'width'].map((k) => blob.num(k, 0));
  return legacy.some((d) => d !== 0) ? legacy : [];
}

function payload(
  blob: PbMessage,
  count: number,
): { dtype: 'float32' | 'float64'; bytes: Uint8Array } | string | null {
  for (const [field, dtype, size] of [
    ['data', 'float32', 4],
    ['double_data', 'float64', 8],
  ] as const) {
    const parts = blob.all(field);
    if (parts.length === 0) continue;
    let bytes: Uint8Array;
    const first = parts[0]!.value;
    if (parts.length === 1 && first instanceof Uint8Array) {
      bytes = first; // packed: a view into the file
    } else {
      // Unpacked (one field per element): the only case that copies.
      const nums = parts.map((f) => (typeof f.value === 'number' ? f.value : NaN));
      const arr = dtype === 'float32' ? Float32Array.from(nums) : Float64Array.from(nums);
      bytes = new Uint8Array(arr.buffer);
    }
    if (bytes.byteLength !== count * size)
      return `${bytes.byteLength / size} stored values for ${count} elements`;
    return { dtype, bytes };
  }
  return null;
}

/**
 * The tensor for a stored blob. `declared` is the shape the layer definition implies; when the element
 * counts agree it is used (Caffe's legacy 4-d blobs write a bias as 1×1×1×N). Mismatches are reported.
 */
export function blobTensor(
  name: string,
  blob: PbMessage,
  declared: BlobShape,
  irShape: number[] | undefined,
  warn: (m: string) => void,
): Tensor {
  const dims = blobDims(blob);
  const count = product(dims);
  let shape = dims;
  if (declared && product(declared) === count) shape = irShape ?? declared;
  else if (declared)
    warn(
      `stored blob '${name}' is [${dims.join(',')}], the layer definition implies [${declared.join(',')}]`,
    );
  const data = payload(blob, count);
  if (typeof data === 'string') {
    warn(`stored blob '${name}': ${data}; its values are ignored`);
    return { name, dtype: 'float32', shape, storage: { kind: 'none' } };
  }
  if (!data) return { name, dtype: 'float32', shape, storage: { kind: 'none' } };
  return { name, dtype: data.dtype, shape, storage: { kind: 'raw', bytes: data.bytes } };
}

/** Element 0 of a stored blob, if it has data. */
export function blobFirst(blob: PbMessage | undefined): number | undefined {
  if (!blob) return undefined;
  const f = blob.all('data')[0] ?? blob.all('double_data')[0];
  if (!f) return undefined;
  if (typeof f.value === 'number') return f.value;
  if (f.value instanceof Uint8Array) {
    const v = new DataView(f.value.buffer, f.value.byteOffset, f.value.byteLength);
    if (f.name === 'data' && v.byteLength >= 4) return v.getFloat32(0, true);
    if (f.name === 'double_data' && v.byteLength >= 8) return v.getFloat64(0, true);
  }
  return undefined;
}
