import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { F, GraphSpec, oneOp, tensor } from '../test-helpers.js';
import type { AttrInput } from '../test-helpers.js';

function constant(attrs: Record<string, AttrInput>) {
  const t = oneOp('Constant', [], attrs);
  analyze(t.model);
  return t.outs[0];
}

describe('Constant', () => {
  it('reads every value_* attribute', () => {
    expect(constant({ value: tensor('int64', [2, 2], [1, 2, 3, 4]) })?.constValue).toEqual({
      dtype: 'int64',
      shape: [2, 2],
      data: [1, 2, 3, 4],
    });
    expect(constant({ value_int: 7 })?.constValue).toEqual({ dtype: 'int64', shape: [], data: [7] });
    expect(constant({ value_ints: [1, 2, 3] })?.constValue).toEqual({
      dtype: 'int64',
      shape: [3],
      data: [1, 2, 3],
    });
    expect(constant({ value_float: new F(0.5) })?.constValue).toEqual({
      dtype: 'float32',
      shape: [],
      data: [0.5],
    });
    expect(constant({ value_floats: [new F(1), new F(2)] })?.shape).toEqual([2]);
    expect(constant({ value_string: 'hi' })).toMatchObject({ dtype: 'string', shape: [] });
    expect(constant({ value_strings: ['a', 'b'] })).toMatchObject({ dtype: 'string', shape: [2] });
  });

  it('does not decode large constants, but knows their shape', () => {
    const big = constant({ value: tensor('float32', [100, 100], new Array<number>(10000).fill(0)) });
    expect(big?.shape).toEqual([100, 100]);
    expect(big?.constValue).toBeUndefined();
  });

  it('warns about a Constant without value', () => {
    const t = oneOp('Constant', []);
    expect(analyze(t.model).warnings.join()).toMatch(/Constant has no value attribute/);
  });
});

describe('Shape, Size, ConstantOfShape, Range, Cast', () => {
  it('Shape with start/end (spec: (3,4,5) start=1 → [4,5]; end=-1 → [3,4])', () => {
    const a = oneOp('Shape', [{ shape: [3, 4, 5] }], { start: 1 }, { opset: 15 });
    analyze(a.model);
    expect(a.outs[0]?.constValue?.data).toEqual([4, 5]);
    const b = oneOp('Shape', [{ shape: [3, 4, 5] }], { end: -1 }, { opset: 15 });
    analyze(b.model);
    expect(b.outs[0]?.constValue?.data).toEqual([3, 4]);
  });

  it('Size folds to the element count', () => {
    const t = oneOp('Size', [{ shape: [3, 4, 5] }]);
    analyze(t.model);
    expect(t.outs[0]?.constValue).toEqual({ dtype: 'int64', shape: [], data: [60] });
  });

  it('ConstantOfShape takes dtype and fill from its value attribute (default float32 0)', () => {
    const a = oneOp('ConstantOfShape', [{ shape: [3], data: [4, 3, 2] }]);
    analyze(a.model);
    expect(a.outs[0]).toMatchObject({ dtype: 'float32', shape: [4, 3, 2] });
    const b = oneOp('ConstantOfShape', [{ shape: [1], data: [3] }], { value: tensor('int32', [1], [0]) });
    analyze(b.model);
    expect(b.outs[0]?.constValue).toEqual({ dtype: 'int32', shape: [3], data: [0, 0, 0] });
  });

  it('Range (spec: 3..9 step 3 → [3,6]; 10..4 step -3 → [10,7])', () => {
    for (const [start, limit, delta, want] of [
      [3, 9, 3, [3, 6]],
      [10, 4, -3, [10, 7]],
    ] as const) {
      const g = new GraphSpec();
      g.init('s', 'int64', [], [start]);
      g.init('l', 'int64', [], [limit]);
      g.init('d', 'int64', [], [delta]);
      g.node('Range', ['s', 'l', 'd'], ['r']);
      analyze(g.model());
      expect(g.v('r').shape).toEqual([want.length]);
      expect(g.v('r').constValue?.data).toEqual(want);
    }
  });

  it('Range with an unknown limit has one unknown dim', () => {
    const t = oneOp('Range', [
      { shape: [], data: [0] },
      { shape: [], dtype: 'int64' },
      { shape: [], data: [1] },
    ]);
    analyze(t.model);
    expect(t.outs[0]?.shape).toEqual([null]);
  });

  it('Cast changes dtype (ONNX codes) and converts folded values', () => {
    const t = oneOp('Cast', [{ shape: [3], dtype: 'float32', data: [1.7, -1.7, 0] }], { to: 7 });
    analyze(t.model);
    expect(t.outs[0]?.constValue).toEqual({ dtype: 'int64', shape: [3], data: [1, -1, 0] });
    const b = oneOp('Cast', [{ shape: [2], data: [0, 5] }], { to: 9 });
    analyze(b.model);
    expect(b.outs[0]?.constValue).toEqual({ dtype: 'bool', shape: [2], data: [0, 1] });
  });
});
