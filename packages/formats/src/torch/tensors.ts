/** Rebuilt torch tensors → IR tensors: contiguous ones are views into the archive, strided ones a bounded copy. */
import { dtypeSize, tensorValues, type Tensor } from '@nnlens/ir';
import type { TorchTensor } from './py-objects.js';

/** Largest strided (non-contiguous) tensor copied into a contiguous one, in elements. */
export const MAX_STRIDED_COPY = 1 << 26;

function contiguous(shape: number[], stride: number[]): boolean {
  let expect = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && stride[i] !== expect) return false;
    expect *= shape[i]!;
  }
  return true;
}

function gather(src: Uint8Array, esz: number, t: TorchTensor, numel: number): Uint8Array {
  const out = new Uint8Array(numel * esz);
  const idx = new Array<number>(t.shape.length).fill(0);
  for (let n = 0; n < numel; n++) {
    let off = t.offset;
    for (let d = 0; d < idx.length; d++) off += idx[d]! * t.stride[d]!;
    out.set(src.subarray(off * esz, off * esz + esz), n * esz);
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < t.shape[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** The IR tensor of a rebuilt torch tensor; problems go to `warn` and leave the data out. */
export function irTensor(name: string, t: TorchTensor, byteorder: string, warn: (m: string) => void): Tensor {
  const s = t.storage;
  const dtype = s?.dtype ?? 'unknown';
  const shape = t.shape.slice();
  const none: Tensor = { name, dtype, shape, storage: { kind: 'none' } };
  if (!s || dtype === 'unknown') {
    warn(`tensor '${name}' has a storage type nnlens does not know`);
    return none;
  }
  if (!s.bytes) {
    warn(`tensor '${name}': storage data/${s.key} is missing from the archive`);
    return none;
  }
  if (byteorder !== 'little') {
    warn(`tensor '${name}': the archive is ${byteorder}-endian: values not shown`);
    return none;
  }
  const esz = dtypeSize(dtype);
  const numel = shape.reduce((a, b) => a * b, 1);
  if (
    shape.some((d) => !Number.isSafeInteger(d) || d < 0) ||
    t.stride.some((d) => !Number.isSafeInteger(d) || d < 0) ||
    t.offset < 0
  ) {
    warn(`tensor '${name}' has invalid sizes or strides`);
    return none;
  }
  const last =
    numel === 0 ? t.offset : t.offset + shape.reduce((acc, d, i) => acc + (d - 1) * t.stride[i]!, 0);
  if ((last + (numel === 0 ? 0 : 1)) * esz > s.bytes.byteLength) {
    warn(`tensor '${name}' reaches past its storage (${s.bytes.byteLength} bytes)`);
    return none;
  }
  if (contiguous(shape, t.stride)) {
    return {
      name,
      dtype,
      shape,
      storage: { kind: 'raw', bytes: s.bytes.subarray(t.offset * esz, (t.offset + numel) * esz) },
    };
  }
  if (numel > MAX_STRIDED_COPY) {
    warn(`tensor '${name}' is a strided view of ${numel} elements: values not shown`);
    return none;
  }
  return { name, dtype, shape, storage: { kind: 'raw', bytes: gather(s.bytes, esz, t, numel) } };
}

/** Summary statistics of a tensor's values. */
export interface TensorStats {
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Fraction of elements equal to zero. */
  zeros: number;
}

/** Largest tensor whose statistics are computed at open time. */
export const MAX_STATS_ELEMENTS = 1 << 24;

/** min/max/mean/std/zero fraction of a numeric tensor with data; null when not available. */
export function tensorStats(t: Tensor): TensorStats | null {
  if (t.storage.kind !== 'raw' || t.dtype === 'string' || t.dtype === 'unknown') return null;
  const n = t.shape.reduce((a, b) => a * b, 1);
  if (n === 0 || n > MAX_STATS_ELEMENTS) return null;
  let values;
  try {
    values = tensorValues(t);
  } catch {
    return null;
  }
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    if (v === 0) zeros++;
  }
  const mean = sum / values.length;
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += (Number(values[i]) - mean) ** 2;
  return { min, max, mean, std: Math.sqrt(sq / values.length), zeros: zeros / values.length };
}
