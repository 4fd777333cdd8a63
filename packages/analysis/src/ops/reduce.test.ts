import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { oneOp } from '../test-helpers.js';

describe('reductions', () => {
  it('axes attribute with keepdims (spec: (3,2,2) axes [1] → (3,1,2) / (3,2))', () => {
    const keep = oneOp('ReduceMean', [{ shape: [3, 2, 2] }], { axes: [1], keepdims: 1 });
    analyze(keep.model);
    expect(keep.outs[0]?.shape).toEqual([3, 1, 2]);
    const drop = oneOp('ReduceMean', [{ shape: [3, 2, 2] }], { axes: [1], keepdims: 0 });
    analyze(drop.model);
    expect(drop.outs[0]?.shape).toEqual([3, 2]);
  });

  it('axes input (ReduceSum opset 13, others 18), negative axes, default = all axes', () => {
    const a = oneOp('ReduceSum', [{ shape: [3, 2, 2] }, { shape: [1], data: [-2] }], { keepdims: 0 });
    analyze(a.model);
    expect(a.outs[0]?.shape).toEqual([3, 2]);
    const all = oneOp('ReduceMax', [{ shape: [3, 2, 2] }], {}, { opset: 18 });
    analyze(all.model);
    expect(all.outs[0]?.shape).toEqual([1, 1, 1]);
    const noop = oneOp('ReduceSum', [{ shape: [3, 2, 2] }, { shape: [0], data: [] }], {
      noop_with_empty_axes: 1,
    });
    analyze(noop.model);
    expect(noop.outs[0]?.shape).toEqual([3, 2, 2]);
  });

  it('folds ReduceProd/ReduceSum of small int tensors', () => {
    const t = oneOp('ReduceProd', [{ shape: [3], data: [2, 3, 4] }], { keepdims: 0 });
    analyze(t.model);
    expect(t.outs[0]?.constValue).toEqual({ dtype: 'int64', shape: [], data: [24] });
  });

  it('ArgMax / ArgMin give int64 (spec: (2,2) axis 1 keepdims → (2,1))', () => {
    const t = oneOp('ArgMax', [{ shape: [2, 2] }], { axis: 1 });
    analyze(t.model);
    expect(t.outs[0]).toMatchObject({ shape: [2, 1], dtype: 'int64' });
    const d = oneOp('ArgMin', [{ shape: [2, 3] }], { axis: 0, keepdims: 0 });
    analyze(d.model);
    expect(d.outs[0]?.shape).toEqual([3]);
  });

  it('TopK with k as input (opset 10+) and attribute (opset 1)', () => {
    const t = oneOp('TopK', [{ shape: [3, 4] }, { shape: [1], data: [3] }], { axis: 1 }, { outputs: 2 });
    analyze(t.model);
    expect(t.outs.map((v) => [v.shape, v.dtype])).toEqual([
      [[3, 3], 'float32'],
      [[3, 3], 'int64'],
    ]);
    const old = oneOp('TopK', [{ shape: [3, 4] }], { k: 2 }, { opset: 1, outputs: 2 });
    analyze(old.model);
    expect(old.outs[0]?.shape).toEqual([3, 2]);
  });
});
