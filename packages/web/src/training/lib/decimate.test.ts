/** Decimation keeps every extreme: per-column min/max equal a brute-force scan of the raw points. */
import { describe, expect, it } from 'vitest';
import { decimate, isSorted, lowerBound, upperBound } from './decimate.js';

function series(n: number, seed = 1) {
  let s = seed;
  const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const xs = Float64Array.from({ length: n }, (_, i) => i);
  const ys = Float64Array.from({ length: n }, () => rand() - 0.5);
  return { xs, ys };
}

describe('decimate', () => {
  it('per-column extremes equal a brute-force scan, and single-point spikes survive', () => {
    const { xs, ys } = series(100_000);
    ys[31_337] = 50; // a one-point spike
    ys[77_001] = -40;
    const width = 700;
    const d = decimate({ xs, ys, x0: 0, x1: 99_999, width, sorted: true });
    const bins = new Map<number, { min: number; max: number; first: number; last: number; count: number }>();
    for (let i = 0; i < xs.length; i++) {
      const k = Math.min(Math.floor((xs[i]! * width) / 99_999), width - 1);
      const b = bins.get(k);
      if (!b) bins.set(k, { min: ys[i]!, max: ys[i]!, first: ys[i]!, last: ys[i]!, count: 1 });
      else {
        b.min = Math.min(b.min, ys[i]!);
        b.max = Math.max(b.max, ys[i]!);
        b.last = ys[i]!;
        b.count++;
      }
    }
    expect(d.n).toBe(bins.size);
    for (let c = 0; c < d.n; c++) {
      const b = bins.get(Math.floor(d.px[c]!))!;
      expect([d.min[c], d.max[c], d.first[c], d.last[c], d.count[c]]).toEqual([
        b.min,
        b.max,
        b.first,
        b.last,
        b.count,
      ]);
    }
    expect(d.yMax).toBe(50);
    expect(d.yMin).toBe(-40);
    expect(d.points).toBe(100_000);
  });

  it('visits only the visible range plus one neighbour on each side when sorted', () => {
    const { xs, ys } = series(1000);
    const d = decimate({ xs, ys, x0: 100, x1: 199, width: 50, sorted: true });
    expect(d.points).toBe(100);
    expect(d.px[0]).toBeLessThan(0); // the point at x = 99, drawn to from the left edge
    expect(d.px[d.n - 1]).toBeGreaterThan(50); // x = 200
    expect(d.first[0]).toBe(ys[99]);
    expect(d.last[d.n - 1]).toBe(ys[200]);
  });

  it('keeps data order for non-monotonic x (a restart redraws over earlier steps)', () => {
    const xs = [0, 1, 2, 3, 1, 2, 3, 4];
    const ys = [0, 1, 2, 3, 10, 11, 12, 13];
    expect(isSorted(xs)).toBe(false);
    const d = decimate({ xs, ys, x0: 0, x1: 4, width: 5, sorted: false });
    expect(Array.from(d.first.subarray(0, d.n))).toEqual([0, 1, 2, 3, 10, 11, 12, 13]);
  });

  it('skips NaN and ±Infinity, and non-positive values on a log axis', () => {
    const d = decimate({
      xs: [0, 1, 2, 3],
      ys: [1, NaN, -Infinity, 0],
      x0: 0,
      x1: 3,
      width: 4,
      sorted: true,
    });
    expect(d.points).toBe(2);
    const l = decimate({
      xs: [0, 1, 2, 3],
      ys: [1, NaN, -Infinity, 0],
      x0: 0,
      x1: 3,
      width: 4,
      sorted: true,
      positiveOnly: true,
    });
    expect(l.points).toBe(1);
    expect([l.yMin, l.yMax]).toEqual([1, 1]);
  });

  it('decimates 1,000,000 points fast', () => {
    const { xs, ys } = series(1_000_000);
    decimate({ xs, ys, x0: 0, x1: 999_999, width: 1000, sorted: true });
    const t0 = performance.now();
    const d = decimate({ xs, ys, x0: 0, x1: 999_999, width: 1000, sorted: true });
    expect(performance.now() - t0).toBeLessThan(100); // ~5 ms typically
    expect(d.n).toBe(1000);
  });

  it('binary searches bounds', () => {
    expect([lowerBound([1, 2, 2, 3], 2), upperBound([1, 2, 2, 3], 2)]).toEqual([1, 3]);
  });
});
