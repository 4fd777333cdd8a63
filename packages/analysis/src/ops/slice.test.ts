import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { GraphSpec, oneOp } from '../test-helpers.js';

function slice(x: number[], starts: number[], ends: number[], axes?: number[], steps?: number[]) {
  const ints = (d: number[]) => ({ shape: [d.length], data: d });
  const t = oneOp('Slice', [
    { shape: x },
    ints(starts),
    ints(ends),
    axes ? ints(axes) : null,
    steps ? ints(steps) : null,
  ]);
  const r = analyze(t.model);
  return { shape: t.outs[0]?.shape, r };
}

// The Slice examples of the ONNX operator spec, on x of shape (20, 10, 5).
describe('Slice (opset 10+ inputs)', () => {
  const X = [20, 10, 5];
  it.each<[string, number[], number[], number[] | undefined, number[] | undefined, number[]]>([
    ['slice', [0, 0], [3, 10], [0, 1], [1, 1], [3, 10, 5]],
    ['neg', [0], [-1], [1], [1], [20, 9, 5]],
    ['start_out_of_bounds', [1000], [1000], [1], [1], [20, 0, 5]],
    ['end_out_of_bounds', [1], [1000], [1], [1], [20, 9, 5]],
    ['neg_steps', [20, 10, 4], [0, 0, 1], [0, 1, 2], [-1, -3, -2], [19, 3, 2]],
    ['negative_axes', [0, 0, 3], [20, 10, 4], [0, -2, -1], undefined, [20, 10, 1]],
    ['default_axes', [0, 0, 3], [20, 10, 4], undefined, undefined, [20, 10, 1]],
    ['default_steps', [0, 0, 3], [20, 10, 4], [0, 1, 2], undefined, [20, 10, 1]],
    ['INT64_MAX end', [1], [9223372036854775807], [0], undefined, [19, 10, 5]],
    ['reverse all', [-1], [-9223372036854775807], [0], [-1], [20, 10, 5]],
  ])('%s', (_name, starts, ends, axes, steps, want) => {
    expect(slice(X, starts, ends, axes, steps).shape).toEqual(want);
  });

  it('reads opset-1 attributes', () => {
    const t = oneOp(
      'Slice',
      [{ shape: [20, 10, 5] }],
      { starts: [0, 0], ends: [3, 10], axes: [0, 1] },
      { opset: 1 },
    );
    analyze(t.model);
    expect(t.outs[0]?.shape).toEqual([3, 10, 5]);
  });

  it('folds a small constant with a negative step', () => {
    const g = new GraphSpec();
    g.init('x', 'int64', [6], [0, 1, 2, 3, 4, 5]);
    g.init('s', 'int64', [1], [-1]);
    g.init('e', 'int64', [1], [-9223372036854775807]);
    g.init('a', 'int64', [1], [0]);
    g.init('st', 'int64', [1], [-2]);
    g.node('Slice', ['x', 's', 'e', 'a', 'st'], ['y']);
    g.output('y');
    analyze(g.model());
    expect(g.v('y').constValue?.data).toEqual([5, 3, 1]);
  });

  it('keeps a symbolic dim for a whole-axis slice, leaves other slices of it unknown', () => {
    const t = oneOp('Slice', [
      { shape: ['n', 8] },
      { shape: [2], data: [0, 2] },
      { shape: [2], data: [9223372036854775807, 6] },
    ]);
    analyze(t.model);
    expect(t.outs[0]?.shape).toEqual(['n', 4]);
  });
});

describe('Split', () => {
  it('splits evenly by output count (spec: 6 → 2,2,2)', () => {
    const t = oneOp('Split', [{ shape: [6] }], {}, { outputs: 3 });
    analyze(t.model);
    expect(t.outs.map((v) => v.shape)).toEqual([[2], [2], [2]]);
  });

  it('takes sizes from the attribute (opset 11) or input (opset 13)', () => {
    const a = oneOp('Split', [{ shape: [2, 6] }], { axis: 1, split: [2, 4] }, { opset: 11, outputs: 2 });
    analyze(a.model);
    expect(a.outs.map((v) => v.shape)).toEqual([
      [2, 2],
      [2, 4],
    ]);
    const b = oneOp('Split', [{ shape: [2, 6] }, { shape: [2], data: [2, 4] }], { axis: 1 }, { outputs: 2 });
    analyze(b.model);
    expect(b.outs.map((v) => v.shape)).toEqual([
      [2, 2],
      [2, 4],
    ]);
  });

  it('splits unevenly at opset 18 (spec: 7 elements into 4 → 2,2,2,1)', () => {
    const t = oneOp('Split', [{ shape: [7] }], { num_outputs: 4 }, { opset: 18, outputs: 4 });
    analyze(t.model);
    expect(t.outs.map((v) => v.shape)).toEqual([[2], [2], [2], [1]]);
  });

  it('warns when sizes do not add up', () => {
    const t = oneOp('Split', [{ shape: [6] }, { shape: [2], data: [2, 3] }], {}, { outputs: 2 });
    expect(analyze(t.model).warnings.join()).toMatch(/do not add up to 6/);
  });
});
