/** Element-wise, matrix, normalisation, softmax and shape ops against hand-computed values. */
import { describe, expect, it } from 'vitest';
import { runOp } from './op-test.test-helper.js';

const close = (got: number[], want: number[], digits = 5): void => {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, digits));
};

describe('activations', () => {
  const x = { shape: [4], data: [-3, -0.5, 0.5, 7] };
  it('Clip with inputs (opset 11+) and ReLU6 semantics', async () => {
    const lo = { shape: [], data: [0], constant: true };
    const hi = { shape: [], data: [6], constant: true };
    expect((await runOp('Clip', [x, lo, hi]))[0]!.data).toEqual([0, 0, 0.5, 6]);
    expect((await runOp('Clip', [x, null, hi]))[0]!.data).toEqual([-3, -0.5, 0.5, 6]);
  });
  it('HardSigmoid, HardSwish, LeakyRelu, Sigmoid, Tanh, Erf, Gelu', async () => {
    close(
      (await runOp('HardSigmoid', [x], { alpha: 1 / 6, beta: 0.5 }, { floats: ['alpha', 'beta'] }))[0]!.data,
      [0, 5 / 12, 7 / 12, 1],
    );
    close((await runOp('HardSwish', [x]))[0]!.data, [-0, -0.5 * (5 / 12), 0.5 * (7 / 12), 7]);
    close(
      (await runOp('LeakyRelu', [x], { alpha: 0.1 }, { floats: ['alpha'] }))[0]!.data,
      [-0.3, -0.05, 0.5, 7],
    );
    close(
      (await runOp('Sigmoid', [x]))[0]!.data,
      [-3, -0.5, 0.5, 7].map((v) => 1 / (1 + Math.exp(-v))),
    );
    close((await runOp('Tanh', [x]))[0]!.data, [-3, -0.5, 0.5, 7].map(Math.tanh));
    close((await runOp('Erf', [x]))[0]!.data, [-0.9999779095, -0.5204998778, 0.5204998778, 1]);
    // GELU(x) = x·Φ(x): Φ(−3) = 0.0013499, Φ(±0.5) = 0.3085375 / 0.6914625.
    close((await runOp('Gelu', [x]))[0]!.data, [
      -3 * 0.001349898,
      -0.5 * 0.3085375387,
      0.5 * 0.6914624613,
      7,
    ]);
  });
});

describe('matrix products', () => {
  it('Gemm with transA, transB, alpha, beta and a broadcast C', async () => {
    const a = { shape: [2, 1], data: [1, 2] }; // Aᵀ = [[1, 2]]
    const b = { shape: [3, 2], data: [1, 0, 0, 1, 1, 1], constant: true }; // Bᵀ columns
    const c = { shape: [3], data: [10, 20, 30], constant: true };
    const [y] = await runOp(
      'Gemm',
      [a, b, c],
      { transA: 1, transB: 1, alpha: 2, beta: 0.5 },
      { floats: ['alpha', 'beta'] },
    );
    expect(y).toEqual({ shape: [1, 3], data: [2 + 5, 4 + 10, 6 + 15] });
  });
  it('MatMul broadcasts batches and squeezes 1-D operands', async () => {
    const a = { shape: [2, 1, 2], data: [1, 2, 3, 4] };
    const b = { shape: [2], data: [10, 1], constant: true };
    expect((await runOp('MatMul', [a, b]))[0]).toEqual({ shape: [2, 1], data: [12, 34] });
  });
});

describe('normalisation and softmax', () => {
  it('BatchNormalization folds scale/shift per channel', async () => {
    const x = { shape: [1, 2, 1, 2], data: [1, 2, 3, 4] };
    const k = (d: number[]): { shape: number[]; data: number[]; constant: true } => ({
      shape: [2],
      data: d,
      constant: true,
    });
    const [y] = await runOp(
      'BatchNormalization',
      [x, k([1, 2]), k([0, 1]), k([1, 3]), k([4, 1])],
      { epsilon: 0 },
      { floats: ['epsilon'] },
    );
    close(y!.data, [0, 0.5, 1, 3]);
  });
  it('LayerNormalization over the last axis', async () => {
    const x = { shape: [1, 2, 2], data: [1, 3, 2, 4] };
    const [y] = await runOp(
      'LayerNormalization',
      [x, { shape: [2], data: [1, 1], constant: true }, { shape: [2], data: [0, 1], constant: true }],
      { epsilon: 0 },
      { floats: ['epsilon'] },
    );
    close(y!.data, [-1, 2, -1, 2]);
  });
  it('Softmax along axis 1 (opset 13) and coerced to 2-D before opset 13', async () => {
    const x = { shape: [1, 2, 2], data: [0, 0, Math.log(3), 0] };
    close((await runOp('Softmax', [x], { axis: 1 }))[0]!.data, [0.25, 0.5, 0.75, 0.5]);
    close((await runOp('Softmax', [x], { axis: 1 }, { opset: 11 }))[0]!.data, [1 / 6, 1 / 6, 3 / 6, 1 / 6]);
  });
});

describe('shape ops', () => {
  const x = { shape: [2, 3], data: [0, 1, 2, 3, 4, 5] };
  const ints = (d: number[]): { shape: number[]; data: number[]; constant: true; dtype: 'int64' } => ({
    shape: [d.length],
    data: d,
    constant: true,
    dtype: 'int64',
  });
  it('Reshape with 0 and −1, Flatten, Transpose', async () => {
    expect((await runOp('Reshape', [x, ints([0, -1, 1])]))[0]!.shape).toEqual([2, 3, 1]);
    expect(
      (await runOp('Flatten', [{ shape: [2, 3, 2], data: new Array(12).fill(1) }], { axis: 2 }))[0]!.shape,
    ).toEqual([6, 2]);
    expect((await runOp('Transpose', [x], { perm: [1, 0] }))[0]).toEqual({
      shape: [3, 2],
      data: [0, 3, 1, 4, 2, 5],
    });
  });
  it('Slice with negative starts and steps, Gather with negative indices, Concat, Split', async () => {
    expect((await runOp('Slice', [x, ints([-1]), ints([-4]), ints([1]), ints([-1])]))[0]).toEqual({
      shape: [2, 3],
      data: [2, 1, 0, 5, 4, 3],
    });
    expect(
      (
        await runOp('Gather', [x, { shape: [2], data: [-1, 0], constant: true, dtype: 'int64' }], { axis: 1 })
      )[0],
    ).toEqual({ shape: [2, 2], data: [2, 0, 5, 3] });
    expect((await runOp('Concat', [x, x], { axis: 0 }))[0]!.shape).toEqual([4, 3]);
    const parts = await runOp('Split', [x, ints([1, 2])], { axis: 1 }, { outputs: 2 });
    expect(parts.map((p) => p.data)).toEqual([
      [0, 3],
      [1, 2, 4, 5],
    ]);
  });
  it('Pad (constant and reflect), Expand, Tile, Unsqueeze, Squeeze', async () => {
    const v = { shape: [1, 3], data: [1, 2, 3] };
    expect(
      (await runOp('Pad', [v, ints([0, 1, 0, 2]), { shape: [], data: [9], constant: true }]))[0]!.data,
    ).toEqual([9, 1, 2, 3, 9, 9]);
    expect((await runOp('Pad', [v, ints([0, 2, 0, 1])], { mode: 'reflect' }))[0]!.data).toEqual([
      3, 2, 1, 2, 3, 2,
    ]);
    expect((await runOp('Expand', [v, ints([2, 1])]))[0]!.shape).toEqual([2, 3]);
    expect((await runOp('Tile', [v, ints([2, 2])]))[0]!.shape).toEqual([2, 6]);
    expect((await runOp('Unsqueeze', [v, ints([0, -1])]))[0]!.shape).toEqual([1, 1, 3, 1]);
    expect((await runOp('Squeeze', [v, ints([0])]))[0]!.shape).toEqual([3]);
  });
  it('Resize doubles spatially with nearest and half-pixel bilinear', async () => {
    const img = { shape: [1, 1, 1, 2], data: [0, 1] };
    const scales = { shape: [4], data: [1, 1, 1, 2], constant: true };
    expect(
      (
        await runOp('Resize', [img, null, scales], {
          mode: 'nearest',
          coordinate_transformation_mode: 'asymmetric',
          nearest_mode: 'floor',
        })
      )[0]!.data,
    ).toEqual([0, 0, 1, 1]);
    expect((await runOp('Resize', [img, null, scales], { mode: 'linear' }))[0]!.data).toEqual([
      0, 0.25, 0.75, 1,
    ]);
  });
  it('an op the runtime lacks is refused with its name and node', async () => {
    await expect(runOp('NonMaxSuppression', [x])).rejects.toThrow(
      /unsupported op 'NonMaxSuppression' at node 'NonMaxSuppression_node'/,
    );
  });
});
