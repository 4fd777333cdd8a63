import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { F, oneOp } from '../test-helpers.js';

describe('Pad', () => {
  it('pads as input (opset 11+), attribute (opset 2) and with axes (opset 18)', () => {
    // Spec example constant_pad: x (1,3,4,5), pads [0,0,1,3,0,0,2,4] → (1,3,7,12).
    const a = oneOp('Pad', [{ shape: [1, 3, 4, 5] }, { shape: [8], data: [0, 0, 1, 3, 0, 0, 2, 4] }]);
    analyze(a.model);
    expect(a.outs[0]?.shape).toEqual([1, 3, 7, 12]);
    const b = oneOp('Pad', [{ shape: [3, 2] }], { pads: [0, 2, 0, 0] }, { opset: 2 });
    analyze(b.model);
    expect(b.outs[0]?.shape).toEqual([3, 4]);
    const c = oneOp(
      'Pad',
      [{ shape: [1, 3, 4, 5] }, { shape: [4], data: [1, 3, 2, 4] }, null, { shape: [2], data: [1, 3] }],
      {},
      { opset: 18 },
    );
    analyze(c.model);
    expect(c.outs[0]?.shape).toEqual([1, 6, 4, 12]);
  });
});

describe('Resize and Upsample', () => {
  it('Resize by scales (opset 11+, empty roi) and by sizes (empty scales)', () => {
    const s = oneOp('Resize', [
      { shape: [1, 1, 2, 4] },
      { shape: [0], dtype: 'float32', data: [] },
      { shape: [4], dtype: 'float32', data: [1, 1, 0.6, 0.6] },
    ]);
    analyze(s.model);
    expect(s.outs[0]?.shape).toEqual([1, 1, 1, 2]);
    const z = oneOp('Resize', [
      { shape: [1, 1, 4, 4] },
      { shape: [0], dtype: 'float32', data: [] },
      { shape: [0], dtype: 'float32', data: [] },
      { shape: [4], data: [1, 1, 3, 2] },
    ]);
    analyze(z.model);
    expect(z.outs[0]?.shape).toEqual([1, 1, 3, 2]);
  });

  it('Resize opset 10 (X, scales) and opset 18 axes', () => {
    const a = oneOp(
      'Resize',
      [{ shape: [1, 3, 10, 10] }, { shape: [4], dtype: 'float32', data: [1, 1, 2, 2] }],
      {},
      { opset: 10 },
    );
    analyze(a.model);
    expect(a.outs[0]?.shape).toEqual([1, 3, 20, 20]);
    const b = oneOp(
      'Resize',
      [{ shape: [1, 3, 10, 10] }, null, { shape: [2], dtype: 'float32', data: [3, 3] }],
      { axes: [2, 3] },
      { opset: 18 },
    );
    analyze(b.model);
    expect(b.outs[0]?.shape).toEqual([1, 3, 30, 30]);
  });

  it('Upsample with height/width_scale (opset 1), scales attribute (opset 7) and input (opset 9)', () => {
    const v1 = oneOp(
      'Upsample',
      [{ shape: [1, 3, 5, 5] }],
      { height_scale: new F(2), width_scale: new F(3) },
      { opset: 1 },
    );
    analyze(v1.model);
    expect(v1.outs[0]?.shape).toEqual([1, 3, 10, 15]);
    const a = oneOp(
      'Upsample',
      [{ shape: [1, 1, 2, 2] }],
      { scales: [new F(1), new F(1), new F(2), new F(3)] },
      { opset: 7 },
    );
    analyze(a.model);
    expect(a.outs[0]?.shape).toEqual([1, 1, 4, 6]);
    const b = oneOp(
      'Upsample',
      [{ shape: [1, 1, 2, 2] }, { shape: [4], dtype: 'float32', data: [1, 1, 2, 2] }],
      {},
      { opset: 9 },
    );
    analyze(b.model);
    expect(b.outs[0]?.shape).toEqual([1, 1, 4, 4]);
  });
});
