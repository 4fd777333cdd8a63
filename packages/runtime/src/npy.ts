/** NumPy .npy reader and writer (format 1.0–3.0, little- and big-endian numeric dtypes, C order). DOM- and Node-free. */

/** A decoded .npy array: floats as Float32Array/Float64Array, integers and bools as numbers. */
export interface NpyArray {
  /** NumPy dtype descriptor as stored, e.g. '<f4'. */
  descr: string;
  shape: number[];
  data: Float32Array | Float64Array | Int32Array | Uint8Array | number[];
}

/** Thrown for files that are not .npy or use a layout this reader does not handle. */
export class NpyError extends Error {
  override name = 'NpyError';
}

function parseHeader(text: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shape === undefined) {
    throw new NpyError(`.npy header is not a NumPy dict: ${text.trim().slice(0, 120)}`);
  }
  const dims = shape
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => Number(s.replace(/L$/, '')));
  if (dims.some((d) => !Number.isInteger(d) || d < 0))
    throw new NpyError(`.npy shape (${shape}) is not valid`);
  return { descr, fortran: fortran === 'True', shape: dims };
}

/** Parses a .npy file. Fortran-ordered arrays are rejected (reference data are C order). */
export function readNpy(bytes: Uint8Array): NpyArray {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((m, i) => bytes[i] !== m))
    throw new NpyError('not a .npy file (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = (major === 1 ? 10 : 12) + headerLen;
  if (start > bytes.length) throw new NpyError('truncated .npy header');
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(major === 1 ? 10 : 12, start),
  );
  const { descr, fortran, shape } = parseHeader(text);
  if (fortran) throw new NpyError('Fortran-ordered .npy arrays are not supported');
  const count = shape.reduce((a, b) => a * b, 1);
  const little = descr[0] !== '>';
  const kind = descr.slice(1);
  const size = Number(kind.slice(1));
  if (start + count * size > bytes.length) {
    throw new NpyError(`.npy data truncated: ${bytes.length - start} bytes for ${count} × ${descr}`);
  }
  const at = (i: number): number => start + i * size;
  const read = (get: (o: number) => number): number[] => Array.from({ length: count }, (_, i) => get(at(i)));
  switch (kind) {
    case 'f4': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(at(i), little);
      return { descr, shape, data: out };
    }
    case 'f8': {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(at(i), little);
      return { descr, shape, data: out };
    }
    case 'i4':
      return { descr, shape, data: Int32Array.from(read((o) => view.getInt32(o, little))) };
    case 'i8':
      return { descr, shape, data: read((o) => Number(view.getBigInt64(o, little))) };
    case 'u8':
      return { descr, shape, data: read((o) => Number(view.getBigUint64(o, little))) };
    case 'i2':
      return { descr, shape, data: read((o) => view.getInt16(o, little)) };
    case 'u2':
      return { descr, shape, data: read((o) => view.getUint16(o, little)) };
    case 'u4':
      return { descr, shape, data: read((o) => view.getUint32(o, little)) };
    case 'i1':
      return { descr, shape, data: read((o) => view.getInt8(o)) };
    case 'u1':
    case 'b1':
      return { descr, shape, data: Uint8Array.from(bytes.subarray(start, start + count)) };
    default:
      throw new NpyError(`.npy dtype '${descr}' is not supported`);
  }
}

/** Encodes a float32 (default), float64 or int32 array as .npy 1.0, little-endian, C order. */
export function writeNpy(data: Float32Array | Float64Array | Int32Array, shape: number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new NpyError(`${data.length} values do not fill shape [${shape}]`);
  const descr = data instanceof Float64Array ? '<f8' : data instanceof Int32Array ? '<i4' : '<f4';
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
  // Magic + version + length + dict + padding + '\n' is a multiple of 64 bytes.
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const header = dict + ' '.repeat(total - 10 - dict.length - 1) + '\n';
  const out = new Uint8Array(total + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const view = new DataView(out.buffer);
  const step = data.BYTES_PER_ELEMENT;
  for (let i = 0; i < data.length; i++) {
    const o = total + i * step;
    if (data instanceof Float64Array) view.setFloat64(o, data[i]!, true);
    else if (data instanceof Int32Array) view.setInt32(o, data[i]!, true);
    else view.setFloat32(o, data[i]!, true);
  }
  return out;
}
