import { describe, expect, it } from 'vitest';
import { TensorDataError, tensorValues } from './tensor-data.js';

describe('tensorValues', () => {
  it('decodes unaligned little-endian float32 views', () => {
    const file = new Uint8Array(9);
    new DataView(file.buffer).setFloat32(1, 1.5, true);
    new DataView(file.buffer).setFloat32(5, -2.25, true);
    const t = {
      name: 't',
      dtype: 'float32' as const,
      shape: [2],
      storage: { kind: 'raw' as const, bytes: file.subarray(1) },
    };
    expect(Array.from(tensorValues(t) as Float32Array)).toEqual([1.5, -2.25]);
  });

  it('decodes int64 and float16', () => {
    const b = new Uint8Array(16);
    new DataView(b.buffer).setBigInt64(0, -3n, true);
    new DataView(b.buffer).setBigInt64(8, 1n << 40n, true);
    expect(
      tensorValues({ name: 'i', dtype: 'int64', shape: [2], storage: { kind: 'raw', bytes: b } }),
    ).toEqual([-3, 2 ** 40]);
    const h = new Uint8Array([0x00, 0x3c, 0x00, 0xc0]); // 1.0, -2.0
    expect(
      Array.from(
        tensorValues({
          name: 'h',
          dtype: 'float16',
          shape: [2],
          storage: { kind: 'raw', bytes: h },
        }) as Float32Array,
      ),
    ).toEqual([1, -2]);
  });

  it('refuses short or external data with a clear error', () => {
    expect(() =>
      tensorValues({
        name: 's',
        dtype: 'float32',
        shape: [4],
        storage: { kind: 'raw', bytes: new Uint8Array(8) },
      }),
    ).toThrow(/8 bytes, 16 needed/);
    expect(() =>
      tensorValues({
        name: 'w',
        dtype: 'float32',
        shape: [4],
        storage: { kind: 'external', location: 'w.bin', offset: 0, length: 16 },
      }),
    ).toThrow(TensorDataError);
  });
});
