import { describe, expect, it } from 'vitest';
import { HISTOGRAM_BINS, statsOf, tensorStats } from './tensor-stats.js';
import { tinyModel } from './test-model.js';

describe('tensor statistics', () => {
  it('computes moments and a histogram over finite values, counting NaN, Inf and zeros', () => {
    const s = statsOf([0, 1, 2, 3, NaN, Infinity]);
    expect(s).toMatchObject({ count: 6, finite: 4, nan: 1, inf: 1, zeros: 1, min: 0, max: 3, mean: 1.5 });
    expect(s.std).toBeCloseTo(Math.sqrt(1.25));
    expect(s.histogram).toHaveLength(HISTOGRAM_BINS);
    expect(s.histogram.reduce((a, b) => a + b)).toBe(4);
    expect(s.histogram[0]).toBe(1);
    expect(s.histogram[HISTOGRAM_BINS - 1]).toBe(1);
  });
  it('puts a constant tensor in one bin', () => {
    expect(statsOf([2, 2, 2]).histogram[0]).toBe(3);
  });
  it('reads a raw float32 weight', () => {
    const t = tinyModel().graph.initializers.get('block/conv.weight')!;
    const s = tensorStats(t);
    expect(s.count).toBe(216);
    expect(s.min).toBe(0);
    expect(s.max).toBeCloseTo(21.5);
    expect(s.mean).toBeCloseTo(10.75);
  });
});
