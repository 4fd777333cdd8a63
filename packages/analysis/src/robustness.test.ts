import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { FOLD_LIMIT } from './folded.js';
import { GraphSpec, oneOp, tensor } from './test-helpers.js';

describe('hostile inputs give warnings, never crashes, hangs or huge allocations', () => {
  it('does not materialise a constant asked to be billions of elements', () => {
    const g = new GraphSpec();
    g.init('shape', 'int64', [3], [100000, 100000, 100000]);
    g.node('ConstantOfShape', ['shape'], ['big'], { value: tensor('int64', [1], [1]) });
    g.init('x', 'int64', [1], [7]);
    g.node('Expand', ['x', 'shape'], ['ex']);
    g.node('Range', ['zero', 'lim', 'one'], ['r']);
    g.init('zero', 'int64', [], [0]);
    g.init('lim', 'int64', [], [1e12]);
    g.init('one', 'int64', [], [1]);
    const t0 = performance.now();
    const r = analyze(g.model());
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(g.v('big').shape).toEqual([100000, 100000, 100000]);
    expect(g.v('big').constValue).toBeUndefined();
    expect(g.v('ex').shape).toEqual([100000, 100000, 100000]);
    expect(g.v('ex').constValue).toBeUndefined();
    expect(g.v('r').shape).toEqual([1e12]);
    expect(r.unresolved).toEqual([]);
  });

  it('folds up to FOLD_LIMIT elements and no further', () => {
    const ok = oneOp('ConstantOfShape', [{ shape: [1], data: [FOLD_LIMIT] }], {
      value: tensor('int64', [1], [2]),
    });
    analyze(ok.model);
    expect(ok.outs[0]?.constValue?.data.length).toBe(FOLD_LIMIT);
    const big = oneOp('ConstantOfShape', [{ shape: [1], data: [FOLD_LIMIT + 1] }], {
      value: tensor('int64', [1], [2]),
    });
    analyze(big.model);
    expect(big.outs[0]?.constValue).toBeUndefined();
  });

  it('rejects negative, fractional and NaN shape values with a warning', () => {
    for (const bad of [
      [-3, 4],
      [2.5, 4],
      [NaN, 4],
    ]) {
      const t = oneOp('ConstantOfShape', [{ shape: [2], data: bad }]);
      const r = analyze(t.model);
      expect(t.outs[0]?.shape).toBeNull();
      expect(r.warnings.join(), String(bad)).toMatch(/ConstantOfShape node 'ConstantOfShape_0': invalid dim/);
    }
  });

  it('reports an out-of-range constant Gather index', () => {
    const t = oneOp('Gather', [
      { shape: [3], data: [1, 2, 3] },
      { shape: [], data: [5] },
    ]);
    expect(analyze(t.model).warnings.join()).toMatch(/index 5 is out of range for axis 0 of size 3/);
  });

  it('survives inputs of unknown rank everywhere', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', null);
    g.init('w', 'float32', [8, 3, 3, 3]);
    const ops = [
      'Relu',
      'Transpose',
      'Flatten',
      'GlobalAveragePool',
      'Softmax',
      'ReduceMean',
      'Shape',
      'Size',
      'NonZero',
    ];
    ops.forEach((op, i) => g.node(op, ['x'], [`y${i}`]));
    g.node('Conv', ['x', 'w'], ['c']);
    g.node('MatMul', ['x', 'x'], ['m']);
    g.node('Concat', ['x', 'x'], ['cc'], { axis: 0 });
    const r = analyze(g.model());
    expect(g.v('c').shape).toEqual([null, 8, null, null]);
    expect(g.v('y2').shape).toEqual([null, null]);
    expect(r.unresolved.length).toBeGreaterThan(5);
    expect(r.totals.macs).toBe(0);
  });
});
