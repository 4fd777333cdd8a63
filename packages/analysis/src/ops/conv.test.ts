import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import type { AttrInput } from '../test-helpers.js';
import { oneOp } from '../test-helpers.js';

function conv(op: string, x: (number | string)[], w: number[], attrs: Record<string, AttrInput> = {}) {
  const t = oneOp(op, [{ shape: x }, { shape: w }], attrs);
  const r = analyze(t.model);
  return { shape: t.outs[0]?.shape, macs: r.nodeCosts.get(t.node)?.macs, r };
}

// Examples of the ONNX operator spec (onnx/docs/Operators.md, Conv and ConvTranspose).
describe('Conv shapes (ONNX spec examples)', () => {
  it.each<[string, number[], Record<string, AttrInput>, number[]]>([
    ['with padding', [1, 1, 5, 5], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }, [1, 1, 5, 5]],
    ['without padding', [1, 1, 5, 5], { kernel_shape: [3, 3], pads: [0, 0, 0, 0] }, [1, 1, 3, 3]],
    [
      'strides + padding',
      [1, 1, 7, 5],
      { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] },
      [1, 1, 4, 3],
    ],
    [
      'strides, no padding',
      [1, 1, 7, 5],
      { kernel_shape: [3, 3], pads: [0, 0, 0, 0], strides: [2, 2] },
      [1, 1, 3, 2],
    ],
    [
      'strides + asymmetric padding',
      [1, 1, 7, 5],
      { kernel_shape: [3, 3], pads: [1, 0, 1, 0], strides: [2, 2] },
      [1, 1, 4, 2],
    ],
    [
      'auto_pad SAME_LOWER, strides 2',
      [1, 1, 5, 5],
      { auto_pad: 'SAME_LOWER', kernel_shape: [3, 3], strides: [2, 2] },
      [1, 1, 3, 3],
    ],
    ['auto_pad SAME_UPPER', [1, 1, 5, 5], { auto_pad: 'SAME_UPPER', kernel_shape: [3, 3] }, [1, 1, 5, 5]],
    [
      'auto_pad VALID',
      [1, 1, 5, 5],
      { auto_pad: 'VALID', kernel_shape: [3, 3], strides: [2, 2] },
      [1, 1, 2, 2],
    ],
    ['dilations 2', [1, 1, 7, 7], { kernel_shape: [3, 3], dilations: [2, 2] }, [1, 1, 3, 3]],
  ])('%s', (_name, x, attrs, want) => {
    expect(conv('Conv', x, [1, 1, 3, 3], attrs).shape).toEqual(want);
  });

  it('takes the kernel from the weights when kernel_shape is absent, and works in 1-D and 3-D', () => {
    expect(conv('Conv', [2, 4, 10], [8, 4, 3]).shape).toEqual([2, 8, 8]);
    expect(conv('Conv', [1, 2, 8, 8, 8], [4, 2, 3, 3, 3], { pads: [1, 1, 1, 1, 1, 1] }).shape).toEqual([
      1, 4, 8, 8, 8,
    ]);
  });

  it('keeps a symbolic batch', () => {
    expect(
      conv('Conv', ['N', 3, 224, 224], [64, 3, 7, 7], { strides: [2, 2], pads: [3, 3, 3, 3] }).shape,
    ).toEqual(['N', 64, 112, 112]);
  });

  it('counts MACs = out_elems × in_ch/groups × kh × kw (dense, grouped, depthwise)', () => {
    // AlexNet conv1: 64×55×55 outputs × 3 × 11 × 11 (flops_params.md: 70,276,800).
    expect(
      conv('Conv', [1, 3, 224, 224], [64, 3, 11, 11], { strides: [4, 4], pads: [2, 2, 2, 2] }).macs,
    ).toBe(70276800);
    const grouped = conv('Conv', [1, 8, 10, 10], [16, 4, 3, 3], { group: 2, pads: [1, 1, 1, 1] });
    expect(grouped.shape).toEqual([1, 16, 10, 10]);
    expect(grouped.macs).toBe(16 * 100 * 4 * 9);
    const dw = conv('Conv', [1, 32, 112, 112], [32, 1, 3, 3], { group: 32, pads: [1, 1, 1, 1] });
    expect(dw.macs).toBe(32 * 112 * 112 * 9);
  });

  it('reports a window that does not fit, without throwing', () => {
    const { shape, r } = conv('Conv', [1, 1, 2, 2], [1, 1, 3, 3]);
    expect(shape).toBeNull();
    expect(r.warnings.join()).toMatch(/Conv node 'Conv_0'.*does not fit/);
  });
});

describe('ConvTranspose shapes (ONNX spec examples)', () => {
  it.each<[string, number[], number[], Record<string, AttrInput>, number[]]>([
    ['plain', [1, 1, 3, 3], [1, 2, 3, 3], {}, [1, 2, 5, 5]],
    ['1-D', [1, 1, 3], [1, 2, 3], {}, [1, 2, 5]],
    ['3-D', [1, 1, 3, 4, 5], [1, 2, 3, 3, 3], {}, [1, 2, 5, 6, 7]],
    ['pads + strides', [1, 1, 3, 3], [1, 2, 3, 3], { strides: [3, 2], pads: [1, 2, 1, 2] }, [1, 2, 7, 3]],
    ['output_shape', [1, 1, 3, 3], [1, 2, 3, 3], { strides: [3, 2], output_shape: [10, 8] }, [1, 2, 10, 8]],
    [
      'output_padding',
      [1, 1, 3, 3],
      [1, 2, 3, 3],
      { strides: [3, 2], output_padding: [1, 1] },
      [1, 2, 10, 8],
    ],
    [
      'auto_pad SAME_UPPER',
      [1, 1, 3, 3],
      [1, 2, 3, 3],
      { strides: [2, 2], auto_pad: 'SAME_UPPER' },
      [1, 2, 6, 6],
    ],
    ['dilations', [1, 1, 3, 3], [1, 1, 2, 2], { dilations: [2, 2] }, [1, 1, 5, 5]],
    ['group', [1, 4, 3, 3], [4, 3, 3, 3], { group: 2 }, [1, 6, 5, 5]],
  ])('%s', (_name, x, w, attrs, want) => {
    expect(conv('ConvTranspose', x, w, attrs).shape).toEqual(want);
  });

  it('counts MACs = in_elems × out_ch/groups × kernel volume', () => {
    expect(conv('ConvTranspose', [1, 1, 3, 3], [1, 2, 3, 3]).macs).toBe(9 * 2 * 9);
  });
});

describe('quantized convolution and matmul', () => {
  it('QLinearConv / QLinearMatMul take the weight at input 3 and the dtype of y_zero_point', () => {
    const q = oneOp('QLinearConv', [
      { shape: [1, 3, 8, 8], dtype: 'uint8' },
      { shape: [], dtype: 'float32' },
      { shape: [], dtype: 'uint8' },
      { shape: [4, 3, 3, 3], dtype: 'uint8' },
      { shape: [], dtype: 'float32' },
      { shape: [], dtype: 'uint8' },
      { shape: [], dtype: 'float32' },
      { shape: [], dtype: 'int8' },
    ]);
    const r = analyze(q.model);
    expect(q.outs[0]).toMatchObject({ shape: [1, 4, 6, 6], dtype: 'int8' });
    expect(r.nodeCosts.get(q.node)?.macs).toBe(4 * 36 * 27);
    const m = oneOp('QLinearMatMul', [
      { shape: [2, 5], dtype: 'uint8' },
      { shape: [], dtype: 'float32' },
      { shape: [], dtype: 'uint8' },
      { shape: [5, 3], dtype: 'uint8' },
      { shape: [], dtype: 'float32' },
      { shape: [], dtype: 'uint8' },
      { shape: [], dtype: 'float32' },
      { shape: [], dtype: 'uint8' },
    ]);
    const rm = analyze(m.model);
    expect(m.outs[0]).toMatchObject({ shape: [2, 3], dtype: 'uint8' });
    expect(rm.nodeCosts.get(m.node)?.macs).toBe(30);
  });

  it('SAME_UPPER with stride 2: ceil(in / stride)', () => {
    expect(
      conv('Conv', [1, 1, 5, 5], [1, 1, 3, 3], { auto_pad: 'SAME_UPPER', strides: [2, 2] }).shape,
    ).toEqual([1, 1, 3, 3]);
    expect(
      conv('Conv', [1, 1, 224, 224], [1, 1, 3, 3], { auto_pad: 'SAME_UPPER', strides: [2, 2] }).shape,
    ).toEqual([1, 1, 112, 112]);
  });
});
