/** Tests of the .npy reader/writer: round trips, NumPy-written reference files, bad input. */
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { NpyError, readNpy, writeNpy } from './npy.js';

describe('npy', () => {
  it('round-trips float32, float64 and int32 arrays of any rank', () => {
    for (const [data, shape] of [
      [Float32Array.of(1.5, -2, 3e-8), [3]],
      [Float64Array.of(1, 2, 3, 4, 5, 6), [2, 3]],
      [Int32Array.of(-7, 8), [1, 2, 1]],
      [Float32Array.of(42), []],
    ] as const) {
      const bytes = writeNpy(data, [...shape]);
      expect((bytes.length - data.byteLength) % 64).toBe(0);
      const back = readNpy(bytes);
      expect(back.shape).toEqual(shape);
      expect(Array.from(back.data)).toEqual(Array.from(data));
    }
  });

  it('rejects non-npy bytes, truncated data and Fortran order', () => {
    expect(() => readNpy(new TextEncoder().encode('PNG not npy'))).toThrow(NpyError);
    const ok = writeNpy(Float32Array.of(1, 2, 3), [3]);
    expect(() => readNpy(ok.subarray(0, ok.length - 4))).toThrow(/truncated/);
    const fortran = new TextDecoder('latin1')
      .decode(ok)
      .replace("'fortran_order': False", "'fortran_order': True ");
    expect(() => readNpy(Uint8Array.from(fortran, (c) => c.charCodeAt(0)))).toThrow(/Fortran/);
  });

  it('rejects a shape that does not match the data when writing', () => {
    expect(() => writeNpy(Float32Array.of(1, 2), [3])).toThrow(NpyError);
  });
});

interface ArrayFacts {
  shape: number[];
  dtype: string;
  sum: number;
  max: number;
}

describeCorpus('npy reads NumPy-written reference arrays', () => {
  it('matches the manifest shape, dtype, sum and max of every Tiny VGG espresso array', () => {
    const manifest = readCorpusJson<{ arrays: Record<string, ArrayFacts> }>(
      'explain/reference/manifest.json',
    );
    const names = Object.keys(manifest.arrays).filter((k) => k.startsWith('tinyvgg/espresso_1/'));
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const facts = manifest.arrays[name]!;
      const arr = readNpy(readCorpus(`explain/reference/${name}`));
      expect(arr.shape, name).toEqual(facts.shape);
      expect(arr.descr, name).toBe('<f4');
      let sum = 0;
      let max = -Infinity;
      for (const x of arr.data) {
        sum += x;
        max = Math.max(max, x);
      }
      expect(max, name).toBeCloseTo(facts.max, 5);
      expect(Math.abs(sum - facts.sum), name).toBeLessThan(1e-3 * Math.max(1, Math.abs(facts.sum)));
    }
  });
});
