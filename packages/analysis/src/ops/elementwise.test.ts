import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { F, GraphSpec, oneOp, tensor } from '../test-helpers.js';

function shapeOf(op: string, a: number[], b: number[]) {
  const t = oneOp(op, [{ shape: a }, { shape: b }]);
  const r = analyze(t.model);
  return { shape: t.outs[0]?.shape, r, dtype: t.outs[0]?.dtype };
}

describe('broadcasting (examples of onnx/docs/Broadcasting.md)', () => {
  it.each([
    [[2, 3, 4, 5], [], [2, 3, 4, 5]],
    [[2, 3, 4, 5], [5], [2, 3, 4, 5]],
    [
      [4, 5],
      [2, 3, 4, 5],
      [2, 3, 4, 5],
    ],
    [
      [1, 4, 5],
      [2, 3, 1, 1],
      [2, 3, 4, 5],
    ],
    [
      [3, 4, 5],
      [2, 1, 1, 1],
      [2, 3, 4, 5],
    ],
  ])('%j ⊕ %j → %j', (a, b, want) => {
    expect(shapeOf('Add', a, b).shape).toEqual(want);
  });

  it('reports incompatible shapes as a warning naming the node, and leaves the output unknown', () => {
    const { shape, r } = shapeOf('Mul', [2, 3], [4]);
    expect(shape).toBeNull();
    expect(r.warnings.join('\n')).toMatch(/Mul node 'Mul_0'.*cannot broadcast dims 3 and 4/);
    expect(r.unresolved.length).toBe(1);
  });

  it('gives comparisons a bool output', () => {
    expect(shapeOf('Greater', [3, 1], [1, 4])).toMatchObject({ shape: [3, 4], dtype: 'bool' });
  });

  it('broadcasts symbolic dims against 1 and against concrete sizes', () => {
    const t = oneOp('Add', [{ shape: ['batch', 1, 8] }, { shape: [4, 1] }]);
    analyze(t.model);
    expect(t.outs[0]?.shape).toEqual(['batch', 4, 8]);
  });

  it('honours the opset-6 broadcast attribute (B follows A)', () => {
    const t = oneOp(
      'Add',
      [{ shape: [2, 3, 4, 5] }, { shape: [3, 4] }],
      { broadcast: 1, axis: 1 },
      { opset: 6 },
    );
    analyze(t.model);
    expect(t.outs[0]?.shape).toEqual([2, 3, 4, 5]);
  });

  it('handles Where with three-way broadcasting', () => {
    const t = oneOp('Where', [{ shape: [4, 1], dtype: 'bool' }, { shape: [1, 5] }, { shape: [] }]);
    analyze(t.model);
    expect(t.outs[0]?.shape).toEqual([4, 5]);
    expect(t.outs[0]?.dtype).toBe('float32');
  });

  it('handles variadic Sum/Max/Min/Mean', () => {
    for (const op of ['Sum', 'Max', 'Min', 'Mean']) {
      const t = oneOp(op, [{ shape: [3, 1] }, { shape: [1, 2] }, { shape: [2] }]);
      analyze(t.model);
      expect(t.outs[0]?.shape, op).toEqual([3, 2]);
    }
  });
});

describe('unary ops keep the shape', () => {
  it.each([
    'Relu',
    'LeakyRelu',
    'Sigmoid',
    'HardSigmoid',
    'HardSwish',
    'Tanh',
    'Exp',
    'Log',
    'Neg',
    'Abs',
    'Sqrt',
    'Erf',
    'Softmax',
    'LogSoftmax',
    'Identity',
    'Clip',
  ])('%s', (op) => {
    const t = oneOp(op, [{ shape: ['n', 3, 7] }]);
    const r = analyze(t.model);
    expect(t.outs[0]?.shape).toEqual(['n', 3, 7]);
    expect(r.unresolved).toEqual([]);
  });

  it('Not and IsNaN give bool', () => {
    const t = oneOp('Not', [{ shape: [2], dtype: 'bool' }]);
    analyze(t.model);
    expect(t.outs[0]?.dtype).toBe('bool');
  });
});

describe('constant folding of element-wise arithmetic', () => {
  it('folds int64 Add/Sub/Mul/Div with broadcasting (integer division truncates)', () => {
    const g = new GraphSpec();
    g.init('a', 'int64', [3], [7, 8, 9]);
    g.init('b', 'int64', [1], [2]);
    g.node('Add', ['a', 'b'], ['add']);
    g.node('Sub', ['a', 'b'], ['sub']);
    g.node('Mul', ['a', 'b'], ['mul']);
    g.node('Div', ['a', 'b'], ['div']);
    g.node('Mod', ['a', 'b'], ['mod']);
    g.node('Equal', ['a', 'b'], ['eq']);
    g.output('add');
    analyze(g.model());
    expect(g.v('add').constValue?.data).toEqual([9, 10, 11]);
    expect(g.v('sub').constValue?.data).toEqual([5, 6, 7]);
    expect(g.v('mul').constValue?.data).toEqual([14, 16, 18]);
    expect(g.v('div').constValue?.data).toEqual([3, 4, 4]);
    expect(g.v('mod').constValue?.data).toEqual([1, 0, 1]);
    expect(g.v('eq').constValue).toMatchObject({ dtype: 'bool', data: [0, 0, 0] });
  });

  it('folds Clip with bounds as attributes (opset 6) and as inputs (opset 11+)', () => {
    const old = new GraphSpec();
    old.init('x', 'int64', [4], [-5, 0, 5, 10]);
    old.node('Clip', ['x'], ['y'], { min: new F(0), max: new F(6) });
    analyze(old.model(6));
    expect(old.v('y').constValue?.data).toEqual([0, 0, 5, 6]);
    const g = new GraphSpec();
    g.init('x', 'int64', [4], [-5, 0, 5, 10]);
    g.init('lo', 'int64', [], [1]);
    g.node('Clip', ['x', 'lo', null], ['y']);
    analyze(g.model(13));
    expect(g.v('y').constValue?.data).toEqual([1, 1, 5, 10]);
  });

  it('folds Where(Equal(shape, -1), 1, shape) as torch exports expand(n, -1, -1)', () => {
    const g = new GraphSpec();
    g.init('shape', 'int64', [3], [1, -1, -1]);
    g.init('neg', 'int64', [], [-1]);
    g.node('Constant', [], ['one'], { value: tensor('int64', [], [1]) });
    g.node('Equal', ['shape', 'neg'], ['eq']);
    g.node('Where', ['eq', 'one', 'shape'], ['fixed']);
    g.output('fixed');
    analyze(g.model());
    expect(g.v('fixed').constValue?.data).toEqual([1, 1, 1]);
  });

  it('keeps symbolic dims through Mul and exact Div', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', ['batch', 6]);
    g.node('Shape', ['x'], ['s']);
    g.init('k', 'int64', [2], [3, 2]);
    g.node('Mul', ['s', 'k'], ['m']);
    g.node('Div', ['m', 'k'], ['d']);
    g.output('d');
    analyze(g.model());
    // Symbolic elements are not constants: the IR's constValue stays unset, the shape is known.
    expect(g.v('m').constValue).toBeUndefined();
    expect(g.v('m').shape).toEqual([2]);
  });
});
