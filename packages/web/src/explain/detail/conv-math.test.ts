/** Tests of the conv detail arithmetic: the per-channel results plus the bias rebuild the conv output. */
import { describe, expect, it } from 'vitest';
import {
  channelResult,
  convOutput,
  dot,
  inputChannelsOf,
  kernelOf,
  windowCells,
  windowValues,
} from './conv-math.js';

describe('conv detail arithmetic', () => {
  const win = {
    kernel: [3, 3] as [number, number],
    strides: [1, 1] as [number, number],
    pads: [1, 1, 1, 1] as [number, number, number, number],
    dilations: [1, 1] as [number, number],
    group: 1,
  };
  it('windows include padding as null and dot products skip it', () => {
    const x = Float32Array.from({ length: 9 }, (_, i) => i + 1); // 1 channel, 3×3
    const cells = windowCells(win, 0, 0, 3, 3);
    expect(cells[0]).toEqual([null, null, null]);
    expect(windowValues(x, 0, 3, 3, cells)).toEqual([
      [null, null, null],
      [null, 1, 2],
      [null, 4, 5],
    ]);
    expect(
      dot(windowValues(x, 0, 3, 3, cells), [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ]),
    ).toBe(12);
  });
  it('channel results sum to a plain convolution', () => {
    const x = Float32Array.from({ length: 2 * 4 * 4 }, (_, i) => Math.sin(i));
    const weight = Float32Array.from({ length: 1 * 2 * 9 }, (_, i) => Math.cos(i));
    const a = channelResult(x, 0, 4, 4, kernelOf(weight, [1, 2, 3, 3], 0, 0), win, 4, 4);
    const b = channelResult(x, 1, 4, 4, kernelOf(weight, [1, 2, 3, 3], 0, 1), win, 4, 4);
    // Output (1, 2) written out.
    let want = 0;
    for (let c = 0; c < 2; c++)
      for (let p = 0; p < 3; p++)
        for (let q = 0; q < 3; q++) {
          const r = 1 - 1 + p;
          const s = 2 - 1 + q;
          if (r >= 0 && r < 4 && s >= 0 && s < 4) want += x[c * 16 + r * 4 + s]! * weight[c * 9 + p * 3 + q]!;
        }
    expect(a[1 * 4 + 2]! + b[1 * 4 + 2]!).toBeCloseTo(want, 5);
  });
  it('grouped and depthwise convs read their own input channels', () => {
    expect(inputChannelsOf(5, 8, 8, 8)).toEqual([5]);
    expect(inputChannelsOf(3, 4, 6, 2)).toEqual([2, 3]);
  });
});

describe('hyperparameter widget geometry', () => {
  it('matches CNN Explainer’s examples and flags strides that do not tile', () => {
    expect(convOutput(5, 0, 2, 1)).toEqual({ size: 4, exact: true });
    expect(convOutput(5, 1, 3, 2)).toEqual({ size: 3, exact: true });
    expect(convOutput(6, 0, 3, 2)).toEqual({ size: 2, exact: false });
    expect(convOutput(64, 0, 3, 1).size).toBe(62);
  });
});
