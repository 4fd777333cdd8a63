/** Encodes a tensor as a NumPy `.npy` file (format 1.0, little-endian, C order). */
import { tensorValues, type DType, type Tensor } from '@nnlens/ir';

const DESCR: Partial<Record<DType, [string, number]>> = {
  float32: ['<f4', 4],
  float64: ['<f8', 8],
  float16: ['<f2', 2],
  int8: ['|i1', 1],
  uint8: ['|u1', 1],
  int16: ['<i2', 2],
  uint16: ['<u2', 2],
  int32: ['<i4', 4],
  uint32: ['<u4', 4],
  int64: ['<i8', 8],
  uint64: ['<u8', 8],
  bool: ['|b1', 1],
};

function header(descr: string, shape: number[]): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
  // Magic (6) + version (2) + length (2) + dict + padding + '\n' must be a multiple of 64.
  const unpadded = 10 + dict.length + 1;
  const total = Math.ceil(unpadded / 64) * 64;
  const text = dict + ' '.repeat(total - unpadded) + '\n';
  const out = new Uint8Array(10 + text.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  out[8] = text.length & 0xff;
  out[9] = text.length >> 8;
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  return out;
}

function body(t: Tensor, bytesPer: number, count: number): Uint8Array {
  if (t.storage.kind === 'raw' && t.storage.bytes.byteLength >= count * bytesPer) {
    return t.storage.bytes.subarray(0, count * bytesPer);
  }
  const values = tensorValues(t) as ArrayLike<number>;
  const out = new Uint8Array(count * bytesPer);
  const view = new DataView(out.buffer);
  for (let i = 0; i < count; i++) {
    const x = values[i]!;
    switch (t.dtype) {
      case 'float32':
        view.setFloat32(i * 4, x, true);
        break;
      case 'float64':
        view.setFloat64(i * 8, x, true);
        break;
      case 'int8':
        view.setInt8(i, x);
        break;
      case 'uint8':
      case 'bool':
        view.setUint8(i, x);
        break;
      case 'int16':
        view.setInt16(i * 2, x, true);
        break;
      case 'uint16':
        view.setUint16(i * 2, x, true);
        break;
      case 'int32':
        view.setInt32(i * 4, x, true);
        break;
      case 'uint32':
        view.setUint32(i * 4, x, true);
        break;
      case 'int64':
        view.setBigInt64(i * 8, BigInt(Math.trunc(x)), true);
        break;
      case 'uint64':
        view.setBigUint64(i * 8, BigInt(Math.trunc(x)), true);
        break;
      default:
        throw new Error(`cannot write ${t.dtype} values of '${t.name}' as .npy`);
    }
  }
  return out;
}

/** The `.npy` bytes of a tensor; bfloat16 is widened to float32 (NumPy has no bfloat16). */
export function encodeNpy(t: Tensor): Uint8Array {
  let count = 1;
  for (const d of t.shape) count *= d;
  let descr = DESCR[t.dtype];
  let data: Uint8Array;
  if (t.dtype === 'bfloat16') {
    descr = ['<f4', 4];
    data = new Uint8Array(Float32Array.from(tensorValues(t) as Float32Array).buffer);
  } else {
    if (!descr)
      throw new Error(`tensor '${t.name}' has dtype ${t.dtype}, which .npy export does not support`);
    data = body(t, descr[1], count);
  }
  const head = header(descr[0], t.shape);
  const out = new Uint8Array(head.length + data.byteLength);
  out.set(head, 0);
  out.set(data, head.length);
  return out;
}
