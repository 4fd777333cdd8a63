import { describe, expect, it } from 'vitest';
import { encodeNpy } from './npy.js';
import { tinyModel } from './test-model.js';

function parseNpy(b: Uint8Array): { header: string; data: Uint8Array } {
  expect(Array.from(b.slice(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  const len = b[8]! | (b[9]! << 8);
  const header = new TextDecoder().decode(b.slice(10, 10 + len));
  return { header, data: b.slice(10 + len) };
}

describe('encodeNpy', () => {
  it('writes a NumPy 1.0 header aligned to 64 bytes, then the raw data', () => {
    const t = tinyModel().graph.initializers.get('block/conv.weight')!;
    const b = encodeNpy(t);
    const { header, data } = parseNpy(b);
    expect((10 + header.length) % 64).toBe(0);
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(8, 3, 3, 3\), \} *\n$/);
    const values = new Float32Array(data.slice().buffer);
    expect(values.length).toBe(216);
    expect(values[215]).toBeCloseTo(21.5);
  });
  it('encodes decoded int64 values and 1-D shapes with a trailing comma', () => {
    const g = tinyModel().graph;
    const c = g.nodes[2]!.attributes[0]!;
    if (c.kind !== 'tensor') throw new Error('fixture changed');
    const { header, data } = parseNpy(encodeNpy(c.value));
    expect(header).toContain("'descr': '<i8'");
    expect(header).toContain("'shape': (2,)");
    expect(Array.from(new BigInt64Array(data.slice().buffer))).toEqual([1n, -1n]);
  });
  it('refuses data that is not loaded, naming the file', () => {
    const t = tinyModel().graph.initializers.get('block/conv.bias')!;
    expect(() => encodeNpy(t)).toThrow(/tiny\.onnx\.data/);
  });
});
