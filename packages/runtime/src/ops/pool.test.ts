/** Pools against hand-computed values: ties (PyTorch's first-max gradient), ceil_mode, pads, count_include_pad. */
import { describe, expect, it } from 'vitest';
import { runOp, vjp } from './op-test.test-helper.js';

const grid = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('MaxPool', () => {
  it('routes the gradient of a tied window to its first maximum (row-major), as PyTorch does', async () => {
    const x = { shape: [1, 1, 2, 4], data: [5, 5, 1, 2, 5, 5, 2, 2] };
    const attrs = { kernel_shape: [2, 2], strides: [2, 2] };
    const [y] = await runOp('MaxPool', [x], attrs);
    expect(y!.data).toEqual([5, 2]);
    expect(await vjp('MaxPool', [x], attrs, [1, 10])).toEqual([1, 0, 0, 10, 0, 0, 0, 0]);
  });

  it('ceil_mode keeps the last partial window; pads never win', async () => {
    const x = { shape: [1, 1, 5, 5], data: grid(25).map((v) => 100 - v) };
    const [y] = await runOp('MaxPool', [x], { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 1 });
    expect(y!.shape).toEqual([1, 1, 3, 3]);
    expect(y!.data).toEqual([100, 98, 96, 90, 88, 86, 80, 78, 76]);
    const [p] = await runOp('MaxPool', [x], { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] });
    expect(p!.shape).toEqual([1, 1, 3, 3]);
    expect(p!.data.slice(0, 3)).toEqual([100, 99, 97]);
  });
});

describe('AveragePool', () => {
  const x = { shape: [1, 1, 3, 3], data: [1, 2, 3, 4, 5, 6, 7, 8, 9] };
  it('excludes pads from the count by default, includes them with count_include_pad', async () => {
    const attrs = { kernel_shape: [2, 2], strides: [2, 2], pads: [1, 1, 0, 0] };
    const [ex] = await runOp('AveragePool', [x], attrs);
    expect(ex!.data).toEqual([1, 2.5, 5.5, 7]);
    const [inc] = await runOp('AveragePool', [x], { ...attrs, count_include_pad: 1 });
    expect(inc!.data).toEqual([0.25, 1.25, 2.75, 7]);
  });

  it('ceil_mode windows past the end average what they cover; the gradient spreads evenly', async () => {
    const attrs = { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 1 };
    const [y] = await runOp('AveragePool', [x], attrs);
    expect(y!.data).toEqual([3, 4.5, 7.5, 9]);
    const g = await vjp('AveragePool', [x], attrs, [4, 0, 0, 0]);
    expect(g).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('GlobalAveragePool and GlobalMaxPool reduce H and W', async () => {
    const t = { shape: [1, 2, 1, 3], data: [1, 2, 3, -1, -2, -9] };
    expect((await runOp('GlobalAveragePool', [t]))[0]).toEqual({ shape: [1, 2, 1, 1], data: [2, -4] });
    expect((await runOp('GlobalMaxPool', [t]))[0]).toEqual({ shape: [1, 2, 1, 1], data: [3, -1] });
  });
});
