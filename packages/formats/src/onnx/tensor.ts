/** Maps a decoded TensorProto to an IR Tensor, choosing a storage that never copies file bytes. */
import { dtypeSize, type DType, type Tensor, type TensorStorage } from '@nnlens/ir';
import { text, warn, type ImportContext } from './context.js';
import { onnxDType, onnxTypeName } from './dtypes.js';
import type { DecodedTensor } from './tensor-proto.js';

const EXTERNAL = 1;
// Types whose int32_data elements carry bit patterns, not values (ONNX spec): re-pack them as bytes.
const BIT_PATTERN: ReadonlySet<DType> = new Set([
  'float16',
  'bfloat16',
  'float8e4m3fn',
  'float8e4m3fnuz',
  'float8e5m2',
  'float8e5m2fnuz',
]);

function bitsToBytes(values: number[], width: number): Uint8Array {
  const out = new Uint8Array(values.length * width);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i * width] = v & 0xff;
    if (width === 2) out[i * width + 1] = (v >> 8) & 0xff;
  }
  return out;
}

function externalStorage(t: DecodedTensor, label: string, ctx: ImportContext): TensorStorage {
  const info = new Map(t.externalData ?? []);
  const location = info.get('location');
  if (!location) {
    warn(ctx, 'external', `ONNX: tensor ${label} is marked EXTERNAL but has no 'location' key`);
    return { kind: 'none' };
  }
  const num = (key: string): number | null => {
    const s = info.get(key);
    if (s === undefined) return null;
    const n = Number(s);
    if (!Number.isSafeInteger(n) || n < 0) {
      warn(ctx, 'external', `ONNX: tensor ${label} has a bad external '${key}' value '${s}'`);
      return null;
    }
    return n;
  };
  return { kind: 'external', location, offset: num('offset') ?? 0, length: num('length') };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  // Several packed runs of one field are legal protobuf but rare; joining them is the only copy we make.
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function storageOf(t: DecodedTensor, dtype: DType, label: string, ctx: ImportContext): TensorStorage {
  if (t.dataLocation === EXTERNAL) {
    ctx.externalTensors++;
    return externalStorage(t, label, ctx);
  }
  if (t.raw) return { kind: 'raw', bytes: t.raw };
  if (t.floatChunks && !t.floatValues) return { kind: 'raw', bytes: concat(t.floatChunks) };
  if (t.doubleChunks && !t.doubleValues) return { kind: 'raw', bytes: concat(t.doubleChunks) };
  if (t.floatChunks || t.floatValues || t.doubleChunks || t.doubleValues) {
    const out: number[] = [];
    for (const c of t.floatChunks ?? []) {
      const dv = new DataView(c.buffer, c.byteOffset, c.byteLength);
      for (let i = 0; i < c.byteLength; i += 4) out.push(dv.getFloat32(i, true));
    }
    for (const c of t.doubleChunks ?? []) {
      const dv = new DataView(c.buffer, c.byteOffset, c.byteLength);
      for (let i = 0; i < c.byteLength; i += 8) out.push(dv.getFloat64(i, true));
    }
    for (const v of t.floatValues ?? []) out.push(v);
    for (const v of t.doubleValues ?? []) out.push(v);
    return { kind: 'values', values: out };
  }
  if (t.int32Data) {
    if (BIT_PATTERN.has(dtype)) return { kind: 'raw', bytes: bitsToBytes(t.int32Data, dtypeSize(dtype)) };
    return { kind: 'values', values: t.int32Data };
  }
  if (t.int64Data) return { kind: 'values', values: t.int64Data };
  if (t.uint64Data) return { kind: 'values', values: t.uint64Data };
  if (t.stringData) return { kind: 'values', values: t.stringData.map(text) };
  return { kind: 'none' };
}

function emptyOrNone(s: TensorStorage, numel: number): TensorStorage {
  return s.kind === 'none' && numel === 0 ? { kind: 'raw', bytes: new Uint8Array(0) } : s;
}

function storedCount(s: TensorStorage, dtype: DType): number | null {
  if (s.kind === 'values') return s.values.length;
  if (s.kind === 'raw') {
    const size = dtypeSize(dtype);
    return size > 0 ? s.bytes.byteLength / size : null;
  }
  return null;
}

/** The IR tensor for a TensorProto; `where` names it in warnings when the tensor has no name. */
export function toTensor(t: DecodedTensor, ctx: ImportContext, where: string): Tensor {
  const label = t.name ? `'${t.name}'` : where;
  const dtype = onnxDType(t.dataType);
  if (dtype === 'unknown') {
    warn(ctx, 'dtype', `ONNX: tensor ${label} has unsupported data type ${onnxTypeName(t.dataType)}`);
  }
  let numel = 1;
  for (const d of t.dims) {
    if (d < 0) warn(ctx, 'dims', `ONNX: tensor ${label} has a negative dim in [${t.dims.join(',')}]`);
    numel *= d;
  }
  const storage = emptyOrNone(storageOf(t, dtype, label, ctx), numel);
  if (storage.kind === 'values' && t.dataType === 11 && (t.int64Data || t.int32Data)) {
    warn(ctx, 'size', `ONNX: tensor ${label} stores DOUBLE values in an integer field`);
  }
  const count = storedCount(storage, dtype);
  // Complex numbers are stored as (re, im) pairs of floats in float_data/double_data.
  const expected =
    (dtype === 'complex64' || dtype === 'complex128') && storage.kind === 'values' ? numel * 2 : numel;
  if (count !== null && count !== expected && !(dtype === 'int4' || dtype === 'uint4')) {
    const bytes = storage.kind === 'raw' ? `${storage.bytes.byteLength} bytes` : `${count} values`;
    warn(
      ctx,
      'size',
      `ONNX: tensor ${label} declares dims [${t.dims.join(',')}] (${numel} × ${dtype}) but stores ${bytes}`,
    );
  }
  if (storage.kind === 'none' && numel > 0 && t.dataLocation !== EXTERNAL) {
    warn(ctx, 'nodata', `ONNX: tensor ${label} has no data`);
  }
  if (t.segment) warn(ctx, 'segment', `ONNX: tensor ${label} is a segment of a larger tensor; shown as is`);
  const tensor: Tensor = { name: t.name, dtype, shape: t.dims, storage };
  if (t.docString) tensor.docString = t.docString;
  return tensor;
}
