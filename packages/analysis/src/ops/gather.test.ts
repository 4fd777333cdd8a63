import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { GraphSpec, oneOp, tensor } from '../test-helpers.js';

describe('Gather and friends', () => {
  it('Gather: data.shape[:axis] + indices.shape + data.shape[axis+1:] (spec examples)', () => {
    const a = oneOp('Gather', [{ shape: [5, 4, 3, 2] }, { shape: [3], dtype: 'int64' }], { axis: 0 });
    analyze(a.model);
    expect(a.outs[0]?.shape).toEqual([3, 4, 3, 2]);
    const b = oneOp('Gather', [{ shape: [3, 3] }, { shape: [1, 2], dtype: 'int64' }], { axis: 1 });
    analyze(b.model);
    expect(b.outs[0]?.shape).toEqual([3, 1, 2]);
    const scalar = oneOp('Gather', [{ shape: [3, 3] }, { shape: [], data: [-1] }], { axis: -1 });
    analyze(scalar.model);
    expect(scalar.outs[0]?.shape).toEqual([3]);
  });

  it('GatherElements, GatherND, ScatterND, OneHot, NonZero', () => {
    const ge = oneOp('GatherElements', [{ shape: [3, 3] }, { shape: [2, 3], dtype: 'int64' }], { axis: 0 });
    analyze(ge.model);
    expect(ge.outs[0]?.shape).toEqual([2, 3]);
    // GatherND spec example 5 (batch_dims=1): data (2,2,2), indices (2,1) → (2,2).
    const gnd = oneOp('GatherND', [{ shape: [2, 2, 2] }, { shape: [2, 1], dtype: 'int64' }], {
      batch_dims: 1,
    });
    analyze(gnd.model);
    expect(gnd.outs[0]?.shape).toEqual([2, 2]);
    const sc = oneOp('ScatterND', [
      { shape: [4, 4, 4] },
      { shape: [2, 1], dtype: 'int64' },
      { shape: [2, 4, 4] },
    ]);
    analyze(sc.model);
    expect(sc.outs[0]?.shape).toEqual([4, 4, 4]);
    const oh = oneOp(
      'OneHot',
      [
        { shape: [2, 3], dtype: 'int64' },
        { shape: [], data: [10] },
        { shape: [2], dtype: 'float32' },
      ],
      { axis: -1 },
    );
    analyze(oh.model);
    expect(oh.outs[0]?.shape).toEqual([2, 3, 10]);
    const nz = oneOp('NonZero', [{ shape: [4, 5] }]);
    const r = analyze(nz.model);
    expect(nz.outs[0]?.shape).toEqual([2, null]);
    expect(r.unresolved).toEqual([nz.node]);
  });
});

describe('folding of PyTorch shape arithmetic', () => {
  // x.view(x.size(0), -1) exports as Shape → Gather → Unsqueeze → Concat → Reshape.
  function flattenChain(batch: number | string) {
    const g = new GraphSpec();
    g.input('x', 'float32', [batch, 16, 5, 5]);
    g.node('Shape', ['x'], ['shape']);
    g.node('Constant', [], ['zero'], { value: tensor('int64', [], [0]) });
    g.node('Gather', ['shape', 'zero'], ['n'], { axis: 0 });
    g.init('axes', 'int64', [1], [0]);
    g.node('Unsqueeze', ['n', 'axes'], ['n1']);
    g.node('Constant', [], ['minus1'], { value: tensor('int64', [1], [-1]) });
    g.node('Concat', ['n1', 'minus1'], ['target'], { axis: 0 });
    g.node('Reshape', ['x', 'target'], ['y']);
    g.output('y');
    return g;
  }

  it('with a concrete batch: every step is a constant and the Reshape resolves', () => {
    const g = flattenChain(1);
    const r = analyze(g.model());
    expect(g.v('shape').constValue).toEqual({ dtype: 'int64', shape: [4], data: [1, 16, 5, 5] });
    expect(g.v('n').constValue?.data).toEqual([1]);
    expect(g.v('target').constValue?.data).toEqual([1, -1]);
    expect(g.v('y').shape).toEqual([1, 400]);
    expect(r.unresolved).toEqual([]);
  });

  it('with a symbolic batch: Shape of it is not a constant, yet the symbol flows to the output', () => {
    const g = flattenChain('batch');
    const r = analyze(g.model());
    expect(g.v('shape').constValue).toBeUndefined();
    expect(g.v('target').constValue).toBeUndefined();
    expect(g.v('y').shape).toEqual(['batch', 400]);
    expect(r.unresolved).toEqual([]);
  });

  // torch.chunk(x, 2, dim=1) exports as Shape → Gather → Add → Div → Mul → Slice (ShuffleNetV2).
  it('folds the torch.chunk pattern into Slice bounds', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [1, 116, 28, 28]);
    g.node('Shape', ['x'], ['shape']);
    g.init('one', 'int64', [1], [1]);
    g.node('Gather', ['shape', 'one'], ['c'], { axis: 0 });
    g.node('Add', ['c', 'one'], ['c1']);
    g.init('two', 'int64', [1], [2]);
    g.node('Div', ['c1', 'two'], ['half']);
    g.node('Mul', ['half', 'one'], ['end']);
    g.init('zero', 'int64', [1], [0]);
    g.node('Slice', ['x', 'zero', 'end', 'one'], ['first']);
    g.output('first');
    analyze(g.model());
    expect(g.v('end').constValue?.data).toEqual([58]);
    expect(g.v('first').shape).toEqual([1, 58, 28, 28]);
  });

  it('folds Range, ConstantOfShape and Expand on small int tensors', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [1, 3, 768]);
    g.node('Constant', [], ['start'], { value: tensor('int64', [], [0]) });
    g.node('Constant', [], ['limit'], { value: tensor('int64', [], [3]) });
    g.node('Constant', [], ['delta'], { value: tensor('int64', [], [1]) });
    g.node('Range', ['start', 'limit', 'delta'], ['r']);
    g.init('len', 'int64', [1], [1]);
    g.node('ConstantOfShape', ['len'], ['ones'], { value: tensor('int64', [1], [1]) });
    g.node('Expand', ['r', 'ones'], ['e']);
    g.node('Cast', ['e'], ['ef'], { to: 1 });
    g.output('ef');
    analyze(g.model());
    expect(g.v('r').constValue?.data).toEqual([0, 1, 2]);
    expect(g.v('ones').constValue).toEqual({ dtype: 'int64', shape: [1], data: [1] });
    expect(g.v('e').constValue?.data).toEqual([0, 1, 2]);
    expect(g.v('ef').constValue).toEqual({ dtype: 'float32', shape: [3], data: [0, 1, 2] });
  });

  it('treats external (unloaded) int64 initializers as unknown, not as an error', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3, 4]);
    g.init('target', 'int64', [2]);
    g.node('Reshape', ['x', 'target'], ['y']);
    g.output('y');
    const r = analyze(g.model());
    expect(g.v('y').shape).toEqual([null, null]);
    expect(r.warnings).toEqual([]);
  });

  // class_token.expand(n, -1, -1) with a dynamic n: Shape → Gather → Concat(n, -1, -1) → Equal/Where → Expand.
  it('expands a class token to a symbolic batch', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', ['batch', 196, 768]);
    g.init('token', 'float32', [1, 1, 768]);
    g.node('Shape', ['x'], ['s']);
    g.init('i0', 'int64', [1], [0]);
    g.node('Gather', ['s', 'i0'], ['n'], { axis: 0 });
    g.init('m1', 'int64', [2], [-1, -1]);
    g.node('Concat', ['n', 'm1'], ['target'], { axis: 0 });
    g.init('neg', 'int64', [], [-1]);
    g.init('one', 'int64', [], [1]);
    g.node('Equal', ['target', 'neg'], ['isneg']);
    g.node('Where', ['isneg', 'one', 'target'], ['fixed']);
    g.node('Expand', ['token', 'fixed'], ['tokens']);
    g.node('Concat', ['tokens', 'x'], ['seq'], { axis: 1 });
    g.output('seq');
    const r = analyze(g.model());
    expect(g.v('tokens').shape).toEqual(['batch', 1, 768]);
    expect(g.v('seq').shape).toEqual(['batch', 197, 768]);
    expect(r.unresolved).toEqual([]);
  });
});
