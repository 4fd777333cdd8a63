/** Distribution compression against values worked out by hand from TensorBoard's compressor rules. */
import { expect, it } from 'vitest';
import { compressHistogram, NORMAL_HISTOGRAM_BPS } from './distribution.js';

it('interpolates inside a single bucket: bp/10000 of the way from min to max', () => {
  const got = compressHistogram([0, 10, 100]);
  expect(got).toEqual(NORMAL_HISTOGRAM_BPS.map((bp) => bp / 1000));
});

it('places basis points in the right bucket with edges clamped to min/max', () => {
  // Buckets (-1, 0] ×1 and (0, 1] ×3: cumulative 2500, 10000.
  const got = compressHistogram([-1, 0, 1, 0, 1, 3]);
  expect(got[0]).toBe(-1); // bp 0 → first bucket, from min
  expect(got[1]).toBeCloseTo(-1 + 668 / 2500, 12); // 668 within (0, 2500] of [-1, 0]
  expect(got[4]).toBeCloseTo(((5000 - 2500) / 7500) * 1, 12); // median within the second bucket
  expect(got[8]).toBe(1); // 10000 is past every bucket → max
});

it('skips empty buckets and gives zeros for an empty histogram', () => {
  const got = compressHistogram([0, 1, 2, 1, 5, 0, 5, 6, 2]);
  // Cumulative 5000, 5000, 10000: 'right' search skips past the weight equal to 5000 and the empty
  // bucket, so the median starts the third bucket at the previous right edge (5).
  expect(got[4]).toBe(5);
  expect(got[3]).toBeCloseTo(3085 / 5000, 12);
  expect(got.every((v) => v >= 0 && v <= 6)).toBe(true);
  expect(compressHistogram([])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
});
