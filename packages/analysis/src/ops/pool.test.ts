import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import type { AttrInput } from '../test-helpers.js';
import { oneOp } from '../test-helpers.js';

function pool(op: string, x: (number | string)[], attrs: Record<string, AttrInput>, outputs = 1) {
  const t = oneOp(op, [{ shape: x }], attrs, { outputs });
  const r = analyze(t.model);
  return { shapes: t.outs.map((v) => v.shape), dtypes: t.outs.map((v) => v.dtype), r, node: t.node };
}

// Examples of the ONNX operator spec (MaxPool, AveragePool) and PyTorch's ceil_mode rule.
describe('pooling shapes', () => {
  it.each<[string, number[], Record<string, AttrInput>, number[]]>([
    ['2d default', [1, 3, 32, 32], { kernel_shape: [2, 2] }, [1, 3, 31, 31]],
    ['ceil_mode', [1, 1, 4, 4], { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 }, [1, 1, 2, 2]],
    ['pads', [1, 3, 28, 28], { kernel_shape: [3, 3], pads: [2, 2, 2, 2] }, [1, 3, 30, 30]],
    ['strides', [1, 3, 32, 32], { kernel_shape: [5, 5], strides: [3, 3] }, [1, 3, 10, 10]],
    ['dilations', [1, 1, 4, 4], { kernel_shape: [2, 2], strides: [1, 1], dilations: [2, 2] }, [1, 1, 2, 2]],
    ['SAME_UPPER', [1, 3, 32, 32], { kernel_shape: [2, 2], auto_pad: 'SAME_UPPER' }, [1, 3, 32, 32]],
    [
      'SAME_UPPER strides 2',
      [1, 1, 5, 5],
      { kernel_shape: [3, 3], strides: [2, 2], auto_pad: 'SAME_UPPER' },
      [1, 1, 3, 3],
    ],
    ['SAME_LOWER', [1, 3, 32, 32], { kernel_shape: [2, 2], auto_pad: 'SAME_LOWER' }, [1, 3, 32, 32]],
    ['VALID', [1, 3, 32, 32], { kernel_shape: [5, 5], auto_pad: 'VALID', strides: [2, 2] }, [1, 3, 14, 14]],
    ['1-D', [1, 3, 32], { kernel_shape: [2] }, [1, 3, 31]],
    ['3-D', [1, 3, 32, 32, 32], { kernel_shape: [2, 2, 2] }, [1, 3, 31, 31, 31]],
    // PyTorch/onnxruntime drop a last window that would start in the end padding: 5 + pad 1, k2 s2 → 3, not 4.
    [
      'ceil_mode drops a window in the padding',
      [1, 1, 5, 5],
      { kernel_shape: [2, 2], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1 },
      [1, 1, 3, 3],
    ],
    [
      'ceil_mode keeps a partial window',
      [1, 1, 112, 112],
      { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 },
      [1, 1, 56, 56],
    ],
  ])('%s', (_name, x, attrs, want) => {
    expect(pool('MaxPool', x, attrs).shapes[0]).toEqual(want);
    expect(pool('AveragePool', x, attrs).shapes[0]).toEqual(want);
  });

  it('gives MaxPool indices an int64 output of the same shape', () => {
    const p = pool('MaxPool', [1, 1, 4, 4], { kernel_shape: [2, 2], strides: [2, 2] }, 2);
    expect(p.shapes).toEqual([
      [1, 1, 2, 2],
      [1, 1, 2, 2],
    ]);
    expect(p.dtypes).toEqual(['float32', 'int64']);
  });

  it('reduces every spatial dim to 1 in global pools, with no MACs', () => {
    for (const op of ['GlobalAveragePool', 'GlobalMaxPool']) {
      const p = pool(op, ['N', 512, 7, 7], {});
      expect(p.shapes[0]).toEqual(['N', 512, 1, 1]);
      expect(p.r.nodeCosts.get(p.node)?.macs).toBe(0);
    }
  });

  it('reports a missing kernel_shape as a warning', () => {
    const p = pool('MaxPool', [1, 1, 4, 4], {});
    expect(p.shapes[0]).toBeNull();
    expect(p.r.warnings.join()).toMatch(/MaxPool node 'MaxPool_0': kernel shape is unknown/);
  });
});
