/** Nearest-point lookup for the tooltip. */
import { expect, it } from 'vitest';
import { nearestIndex } from './nearest.js';

it('finds the nearest x, skipping non-finite values, sorted or not', () => {
  const xs = [0, 10, 20, 30];
  expect(nearestIndex(xs, 4, 14, true)).toBe(1);
  expect(nearestIndex(xs, 4, 16, true)).toBe(2);
  expect(nearestIndex(xs, 4, 99, true)).toBe(3);
  expect(nearestIndex(xs, 4, 16, true, [0, 1, NaN, 3])).toBe(1);
  expect(nearestIndex([30, 0, 20, 10], 4, 12, false)).toBe(3);
  expect(nearestIndex([], 0, 1, true)).toBe(-1);
});
