/** Re-binning preserves counts and splits buckets by overlap. */
import { expect, it } from 'vitest';
import { bucketRange, rebin } from './rebin.js';

it('splits a bucket over the bins it overlaps, in proportion', () => {
  const r = rebin([0, 2, 4, 2, 3, 1], 0, 4, 4);
  expect([...r.counts]).toEqual([2, 2, 1, 0]);
});

it('puts zero-width buckets in the bin of their value and preserves the total', () => {
  const r = rebin([1.5, 1.5, 3, -1, 1, 4], -1, 2, 3);
  expect(r.counts.reduce((a, b) => a + b, 0)).toBe(7);
  expect(r.counts[2]).toBe(3);
  expect(bucketRange([[0, 1, 1], [], [-2, 5, 1, 5, 9, 1]])).toEqual([-2, 9]);
});
