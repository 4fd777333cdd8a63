import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { oneOp } from '../test-helpers.js';

describe('normalisations and Dropout', () => {
  it('BatchNormalization keeps the shape; no MACs', () => {
    const t = oneOp('BatchNormalization', [
      { shape: ['N', 8, 4, 4] },
      { shape: [8] },
      { shape: [8] },
      { shape: [8] },
      { shape: [8] },
    ]);
    const r = analyze(t.model);
    expect(t.outs[0]?.shape).toEqual(['N', 8, 4, 4]);
    expect(r.nodeCosts.get(t.node)?.macs).toBe(0);
  });

  it('LayerNormalization: Y like X, Mean/InvStdDev reduced from axis on', () => {
    const t = oneOp(
      'LayerNormalization',
      [{ shape: [2, 16, 64] }, { shape: [64] }, { shape: [64] }],
      { axis: -1 },
      { opset: 17, outputs: 3 },
    );
    analyze(t.model);
    expect(t.outs.map((v) => v.shape)).toEqual([
      [2, 16, 64],
      [2, 16, 1],
      [2, 16, 1],
    ]);
  });

  it('InstanceNormalization, LRN keep the shape; Dropout mask is bool', () => {
    for (const op of ['InstanceNormalization', 'LRN']) {
      const t = oneOp(op, [{ shape: [1, 3, 5, 5] }, { shape: [3] }, { shape: [3] }], { size: 3 });
      analyze(t.model);
      expect(t.outs[0]?.shape).toEqual([1, 3, 5, 5]);
    }
    const d = oneOp('Dropout', [{ shape: [3, 4] }], {}, { outputs: 2 });
    analyze(d.model);
    expect(d.outs.map((v) => [v.shape, v.dtype])).toEqual([
      [[3, 4], 'float32'],
      [[3, 4], 'bool'],
    ]);
  });
});
