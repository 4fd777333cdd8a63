/** TensorProto decoding: dtype, shape, numbers (tensor_content or typed *_val fields) and string elements. */
import type { Cursor, Range } from './wire.js';
import { WireError } from './errors.js';

/** TensorFlow DataType numbers used by summaries. */
export const DType = {
  FLOAT: 1,
  DOUBLE: 2,
  INT32: 3,
  UINT8: 4,
  INT16: 5,
  INT8: 6,
  STRING: 7,
  COMPLEX64: 8,
  INT64: 9,
  BOOL: 10,
  BFLOAT16: 14,
  UINT16: 17,
  COMPLEX128: 18,
  HALF: 19,
  UINT32: 22,
  UINT64: 23,
} as const;

const DTYPE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(DType).map(([k, v]) => [v, `DT_${k}`]),
);

/** The TensorFlow name of a dtype number (`DT_FLOAT`), or `DT_<n>` for unknown ones. */
export function dtypeName(d: number): string {
  return DTYPE_NAMES[d] ?? `DT_${d}`;
}

/** A decoded TensorProto; `values` is null for strings and unsupported dtypes (complex, quantized). */
export interface TensorValue {
  dtype: number;
  shape: number[];
  /** Numeric elements in row-major order, widened to float64 (int64 exact up to 2^53). */
  values: Float64Array | null;
  /** DT_STRING elements as byte ranges into the record buffer. */
  strings: Range[] | null;
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
function bf16ToFloat(h: number): number {
  u32[0] = (h & 0xffff) << 16;
  return f32[0]!;
}

const MAX_EXPANDED = 1 << 20;

/** Bytes per element in tensor_content, by dtype. */
const CONTENT_SIZE: Record<number, number> = {
  1: 4,
  2: 8,
  3: 4,
  4: 1,
  5: 2,
  6: 1,
  9: 8,
  10: 1,
  14: 2,
  17: 2,
  19: 2,
  22: 4,
  23: 8,
};

function decodeContent(cur: Cursor, dtype: number, start: number, end: number): Float64Array | null {
  const size = CONTENT_SIZE[dtype];
  if (size === undefined) return null;
  const n = Math.floor((end - start) / size);
  const out = new Float64Array(n);
  const v = cur.view;
  for (let i = 0, p = start; i < n; i++, p += size) {
    switch (dtype) {
      case 1:
        out[i] = v.getFloat32(p, true);
        break;
      case 2:
        out[i] = v.getFloat64(p, true);
        break;
      case 3:
        out[i] = v.getInt32(p, true);
        break;
      case 4:
      case 10:
        out[i] = v.getUint8(p);
        break;
      case 5:
        out[i] = v.getInt16(p, true);
        break;
      case 6:
        out[i] = v.getInt8(p);
        break;
      case 9:
        out[i] = Number(v.getBigInt64(p, true));
        break;
      case 23:
        out[i] = Number(v.getBigUint64(p, true));
        break;
      case 14:
        out[i] = bf16ToFloat(v.getUint16(p, true));
        break;
      case 17:
        out[i] = v.getUint16(p, true);
        break;
      case 19:
        out[i] = halfToFloat(v.getUint16(p, true));
        break;
      case 22:
        out[i] = v.getUint32(p, true);
        break;
    }
  }
  return out;
}

/** Which typed `*_val` field holds a dtype's values, and how each element is encoded. */
function typedField(
  dtype: number,
): { field: number; enc: 'f32' | 'f64' | 'varint' | 'int32' | 'half' | 'bf16' | 'uvarint' } | null {
  switch (dtype) {
    case 1:
      return { field: 5, enc: 'f32' };
    case 2:
      return { field: 6, enc: 'f64' };
    case 3:
    case 4:
    case 5:
    case 6:
    case 17:
      return { field: 7, enc: 'int32' };
    case 9:
      return { field: 10, enc: 'varint' };
    case 10:
      return { field: 11, enc: 'uvarint' };
    case 19:
      return { field: 13, enc: 'half' };
    case 14:
      return { field: 13, enc: 'bf16' };
    case 22:
      return { field: 16, enc: 'uvarint' };
    case 23:
      return { field: 17, enc: 'uvarint' };
    default:
      return null;
  }
}

function readShape(cur: Cursor, shape: number[]): void {
  while (cur.pos < cur.end) {
    const key = cur.uint32();
    if (key === 18) {
      const e = cur.delimitedEnd();
      const outer = cur.end;
      cur.end = e;
      let size = 0;
      while (cur.pos < e) {
        const k = cur.uint32();
        if (k === 8) size = cur.int64();
        else cur.skip(k & 7);
      }
      cur.end = outer;
      shape.push(size);
    } else cur.skip(key & 7);
  }
}

/** Decodes the TensorProto at `cur`; string elements stay ranges into `cur.buf`. */
export function readTensor(cur: Cursor): TensorValue {
  const start = cur.pos;
  const end = cur.end;
  let dtype = 0;
  const shape: number[] = [];
  let cStart = -1;
  let cEnd = -1;
  let strings: Range[] | null = null;
  // First pass: dtype may follow the values on the wire, so values are decoded in a second pass.
  while (cur.pos < end) {
    const key = cur.uint32();
    const f = key >>> 3;
    const wt = key & 7;
    if (f === 1 && wt === 0) dtype = cur.uint32();
    else if (f === 2 && wt === 2) {
      const e = cur.delimitedEnd();
      cur.end = e;
      readShape(cur, shape);
      cur.end = end;
    } else if ((f === 4 || f === 8) && wt === 2) {
      const e = cur.delimitedEnd();
      if (f === 4) {
        cStart = cur.pos;
        cEnd = e;
      } else (strings ??= []).push({ start: cur.pos, end: e });
      cur.pos = e;
    } else cur.skip(wt);
  }
  let count = 1;
  for (const d of shape) count *= Math.max(d, 0);
  if (dtype === DType.STRING) return { dtype, shape, values: null, strings: strings ?? [] };
  let values: Float64Array | null = null;
  if (cStart >= 0 && cEnd > cStart) values = decodeContent(cur, dtype, cStart, cEnd);
  else {
    const tf = typedField(dtype);
    if (tf) values = readTyped(cur, start, end, tf.field, tf.enc);
    // Version-0 convention: one typed value stands for every element of the shape. The shape is
    // untrusted, so the expansion is capped: a corrupt dim must not allocate gigabytes.
    if (values && values.length === 1 && count > 1) {
      if (count > MAX_EXPANDED)
        throw new WireError(`tensor shape [${shape.join(',')}] too large to expand one value`, start);
      values = new Float64Array(count).fill(values[0]!);
    }
  }
  return { dtype, shape, values, strings: null };
}

function readTyped(cur: Cursor, start: number, end: number, field: number, enc: string): Float64Array {
  const out: number[] = [];
  const one = (): number => {
    switch (enc) {
      case 'f32':
        return cur.float();
      case 'f64':
        return cur.double();
      case 'int32':
        return cur.uint32() | 0;
      case 'half':
        return halfToFloat(cur.uint32());
      case 'bf16':
        return bf16ToFloat(cur.uint32());
      case 'uvarint': {
        const x = cur.int64();
        return x < 0 ? x + 2 ** 64 : x;
      }
      default:
        return cur.int64();
    }
  };
  cur.pos = start;
  while (cur.pos < end) {
    const key = cur.uint32();
    const f = key >>> 3;
    const wt = key & 7;
    if (f !== field) {
      cur.skip(wt);
      continue;
    }
    if (wt === 2) {
      const e = cur.delimitedEnd();
      cur.end = e;
      while (cur.pos < e) out.push(one());
      cur.end = end;
    } else if ((wt === 5 && enc === 'f32') || (wt === 1 && enc === 'f64') || wt === 0) out.push(one());
    else throw new WireError(`wire type ${wt} for tensor field ${f}`, cur.pos);
  }
  return Float64Array.from(out);
}
