import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { oneOp } from '../test-helpers.js';

function reshape(x: (number | string)[], target: number[], allowzero?: number) {
  const t = oneOp(
    'Reshape',
    [{ shape: x }, { shape: [target.length], data: target }],
    allowzero === undefined ? {} : { allowzero },
    { opset: 14 },
  );
  const r = analyze(t.model);
  return { shape: t.outs[0]?.shape, r };
}

// The Reshape examples of the ONNX operator spec, on data of shape (2, 3, 4).
describe('Reshape', () => {
  it.each([
    ['reordered_all_dims', [4, 2, 3], [4, 2, 3]],
    ['reordered_last_dims', [2, 4, 3], [2, 4, 3]],
    ['reduced_dims', [2, 12], [2, 12]],
    ['extended_dims', [2, 3, 2, 2], [2, 3, 2, 2]],
    ['one_dim', [24], [24]],
    ['negative_dim', [2, -1, 2], [2, 6, 2]],
    ['negative_extended_dims', [-1, 2, 3, 4], [1, 2, 3, 4]],
    ['zero_dim', [2, 0, 4, 1], [2, 3, 4, 1]],
    ['zero_and_negative_dim', [2, 0, 1, -1], [2, 3, 1, 4]],
  ])('%s', (_name, target, want) => {
    expect(reshape([2, 3, 4], target).shape).toEqual(want);
  });

  it('allowzero=1 keeps a literal 0 (spec: (0,3,4) → [3,4,0])', () => {
    expect(reshape([0, 3, 4], [3, 4, 0], 1).shape).toEqual([3, 4, 0]);
  });

  it('solves -1 with a symbolic batch', () => {
    expect(reshape(['batch', 16, 5, 5], [0, -1]).shape).toEqual(['batch', 400]);
  });

  it('warns on an impossible target and on two -1', () => {
    expect(reshape([2, 3, 4], [5, -1]).r.warnings.join()).toMatch(/cannot reshape 24 elements/);
    expect(reshape([2, 3, 4], [-1, -1]).r.warnings.join()).toMatch(/more than one -1/);
  });

  it('reads the opset-1 shape attribute', () => {
    const t = oneOp('Reshape', [{ shape: [2, 3, 4] }], { shape: [6, -1] }, { opset: 1 });
    analyze(t.model);
    expect(t.outs[0]?.shape).toEqual([6, 4]);
  });

  it('gives a known-rank unknown shape when the target is computed at run time', () => {
    const t = oneOp('Reshape', [{ shape: [2, 3, 4] }, { shape: [3], dtype: 'int64' }]);
    const r = analyze(t.model);
    expect(t.outs[0]?.shape).toEqual([null, null, null]);
    expect(r.unresolved).toEqual([t.node]);
  });
});

describe('Flatten', () => {
  it.each([
    [0, [1, 120]],
    [1, [2, 60]],
    [2, [6, 20]],
    [4, [120, 1]],
    [-1, [24, 5]],
  ])('axis %d of (2,3,4,5) → %j', (axis, want) => {
    const t = oneOp('Flatten', [{ shape: [2, 3, 4, 5] }], { axis });
    analyze(t.model);
    expect(t.outs[0]?.shape).toEqual(want);
  });
});

describe('Squeeze / Unsqueeze', () => {
  it('Squeeze with axes attribute (opset 11) and input (opset 13), and without axes', () => {
    const a = oneOp('Squeeze', [{ shape: [1, 3, 4, 5] }], { axes: [0] }, { opset: 11 });
    analyze(a.model);
    expect(a.outs[0]?.shape).toEqual([3, 4, 5]);
    const b = oneOp('Squeeze', [{ shape: [1, 3, 1, 5] }, { shape: [1], data: [-2] }]);
    analyze(b.model);
    expect(b.outs[0]?.shape).toEqual([1, 3, 5]);
    const c = oneOp('Squeeze', [{ shape: [1, 3, 1, 5] }]);
    analyze(c.model);
    expect(c.outs[0]?.shape).toEqual([3, 5]);
  });

  it('Unsqueeze (spec examples: axes [0,4] on (3,4,5); negative axes [-2] on (1,3,1,5))', () => {
    const a = oneOp('Unsqueeze', [{ shape: [3, 4, 5] }, { shape: [2], data: [0, 4] }]);
    analyze(a.model);
    expect(a.outs[0]?.shape).toEqual([1, 3, 4, 5, 1]);
    const b = oneOp('Unsqueeze', [{ shape: [1, 3, 1, 5] }], { axes: [-2] }, { opset: 11 });
    analyze(b.model);
    expect(b.outs[0]?.shape).toEqual([1, 3, 1, 1, 5]);
  });

  it('warns when squeezing a dim that is not 1', () => {
    const a = oneOp('Squeeze', [{ shape: [2, 3] }], { axes: [0] }, { opset: 11 });
    expect(analyze(a.model).warnings.join()).toMatch(/cannot squeeze axis 0 of size 2/);
  });
});
