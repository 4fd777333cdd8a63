/** Decodes tensor payloads (views into the file) into typed arrays, only when a caller asks. */
import { dtypeSize, type DType } from './dtype.js';
import type { Tensor } from './model.js';

/** Decoded tensor elements: numbers for all numeric types (int64 as Number), strings for strings. */
export type TensorValues = Float32Array | Float64Array | Int32Array | Uint8Array | number[] | string[];

/** Thrown when the data asked for is not in memory (external, structure-only or truncated). */
export class TensorDataError extends Error {
  override name = 'TensorDataError';
}

/** Number of elements from the stored shape. */
export function tensorElementCount(t: Tensor): number {
  let n = 1;
  for (const d of t.shape) n *= d;
  return n;
}

/** Bytes the tensor takes at its dtype (0 for strings). */
export function tensorByteSize(t: Tensor): number {
  return Math.ceil(tensorElementCount(t) * dtypeSize(t.dtype));
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

function decodeRaw(bytes: Uint8Array, dtype: DType, count: number): TensorValues {
  const need = count * dtypeSize(dtype);
  if (bytes.byteLength < need) {
    throw new TensorDataError(`tensor data has ${bytes.byteLength} bytes, ${need} needed`);
  }
  // Views into the file are usually unaligned: copy before making a typed array.
  const copy = bytes.slice(0, need);
  const view = new DataView(copy.buffer);
  switch (dtype) {
    case 'float32':
      return new Float32Array(copy.buffer, 0, count);
    case 'float64':
      return new Float64Array(copy.buffer, 0, count);
    case 'int32':
      return new Int32Array(copy.buffer, 0, count);
    case 'uint8':
    case 'bool':
      return copy;
    case 'int8':
      return Array.from(new Int8Array(copy.buffer, 0, count));
    case 'int16':
      return Array.from(new Int16Array(copy.buffer, 0, count));
    case 'uint16':
      return Array.from(new Uint16Array(copy.buffer, 0, count));
    case 'uint32':
      return Array.from(new Uint32Array(copy.buffer, 0, count));
    case 'int64': {
      const out = new Array<number>(count);
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigInt64(i * 8, true));
      return out;
    }
    case 'uint64': {
      const out = new Array<number>(count);
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigUint64(i * 8, true));
      return out;
    }
    case 'float16': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
      return out;
    }
    case 'bfloat16': {
      const out = new Float32Array(count);
      const tmp = new DataView(new ArrayBuffer(4));
      for (let i = 0; i < count; i++) {
        tmp.setUint32(0, view.getUint16(i * 2, true) << 16, true);
        out[i] = tmp.getFloat32(0, true);
      }
      return out;
    }
    default:
      throw new TensorDataError(`cannot decode ${dtype} tensor data`);
  }
}

/** The tensor's elements. Throws TensorDataError if the data is not available or is short. */
export function tensorValues(t: Tensor): TensorValues {
  const count = tensorElementCount(t);
  const s = t.storage;
  switch (s.kind) {
    case 'raw':
      return decodeRaw(s.bytes, t.dtype, count);
    case 'values': {
      const vals = s.values as ArrayLike<unknown>;
      if (t.dtype === 'string') return Array.from(vals as ArrayLike<string>);
      const out = new Array<number>(vals.length);
      for (let i = 0; i < vals.length; i++) out[i] = Number(vals[i]);
      if (t.dtype === 'float32' || t.dtype === 'float16' || t.dtype === 'bfloat16') {
        return Float32Array.from(out);
      }
      return out;
    }
    case 'external':
      throw new TensorDataError(`tensor '${t.name}' is stored in external file '${s.location}', not loaded`);
    case 'none':
      throw new TensorDataError(`tensor '${t.name}' has no data in this file`);
  }
}

/** True when `tensorValues` can succeed without loading another file. */
export function hasTensorData(t: Tensor): boolean {
  return t.storage.kind === 'raw' || t.storage.kind === 'values';
}
