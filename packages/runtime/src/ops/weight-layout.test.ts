/** Tests of weight layout conversion: every channels-last layout lands on the same ONNX tensor. */
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../host.js';
import { permute, toOnnxWeight } from './weight-layout.js';

/** An OIHW tensor whose value encodes its index: o·1000 + i·100 + h·10 + w. */
function onnx(o: number, i: number, h: number, w: number): HostTensor {
  const data = new Float32Array(o * i * h * w);
  let k = 0;
  for (let a = 0; a < o; a++)
    for (let b = 0; b < i; b++)
      for (let c = 0; c < h; c++) for (let d = 0; d < w; d++) data[k++] = a * 1000 + b * 100 + c * 10 + d;
  return { dtype: 'float32', shape: [o, i, h, w], data };
}

describe('weight layouts', () => {
  const ref = onnx(4, 3, 2, 3);
  it('HWIO (Keras), OHWI (TFLite) and HWOI (transposed) come back to ONNX order', () => {
    expect(toOnnxWeight(permute(ref, [2, 3, 1, 0]), 'HWIO', false)).toEqual(ref);
    expect(toOnnxWeight(permute(ref, [0, 2, 3, 1]), 'OHWI', false)).toEqual(ref);
    // ConvTranspose: ONNX [I, O, k…]; Keras [k…, O, I].
    expect(toOnnxWeight(permute(ref, [2, 3, 1, 0]), 'HWOI', true)).toEqual(ref);
  });
  it('depthwise HWIM and 1HWO become [C·M, 1, kh, kw] with channel c·M + m', () => {
    const dw = onnx(6, 1, 2, 2); // C = 3, M = 2
    const hwim = { dtype: 'float32' as const, shape: [2, 2, 3, 2], data: new Float32Array(24) };
    for (let c = 0; c < 3; c++)
      for (let m = 0; m < 2; m++)
        for (let h = 0; h < 2; h++)
          for (let w = 0; w < 2; w++)
            hwim.data[((h * 2 + w) * 3 + c) * 2 + m] = dw.data[((c * 2 + m) * 2 + h) * 2 + w]!;
    expect(toOnnxWeight(hwim, 'HWIM', false)).toEqual(dw);
    expect(toOnnxWeight(permute({ ...dw, shape: [6, 1, 2, 2] }, [1, 2, 3, 0]), '1HWO', false)).toEqual(dw);
  });
  it('refuses a layout that does not fit the tensor', () => {
    expect(() => toOnnxWeight(ref, 'HWO', false)).toThrow(/does not fit/);
  });
});
