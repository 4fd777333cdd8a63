/** y domains: exact extent, and the robust range ignoring a spike. */
import { expect, it } from 'vitest';
import { decimate } from './decimate.js';
import { yDomain } from './y-range.js';

const xs = Float64Array.from({ length: 2000 }, (_, i) => i);
const ys = Float64Array.from(xs, (i) => Math.sin(i / 10));
ys[1000] = 100;

it('includes the spike in the plain extent and ignores it in the robust one', () => {
  const d = decimate({ xs, ys, x0: 0, x1: 1999, width: 500, sorted: true });
  const [lo, hi] = yDomain([d], false, false)!;
  expect(hi).toBeGreaterThan(100);
  expect(lo).toBeLessThan(-1);
  const [rlo, rhi] = yDomain([d], true, false)!;
  expect(rhi).toBeLessThan(1.3);
  expect(rlo).toBeGreaterThan(-1.3);
});

it('works in log10 units and returns null without data', () => {
  const d = decimate({
    xs: [0, 1],
    ys: [0.01, 100],
    x0: 0,
    x1: 1,
    width: 10,
    sorted: true,
    positiveOnly: true,
  });
  const [lo, hi] = yDomain([d], false, true)!;
  expect(lo).toBeCloseTo(-2 - 0.24, 6);
  expect(hi).toBeCloseTo(2 + 0.24, 6);
  expect(
    yDomain([decimate({ xs: [], ys: [], x0: 0, x1: 1, width: 10, sorted: true })], false, false),
  ).toBeNull();
});

it('keeps the start of a decaying curve in the robust range (column means), cutting only the spike', () => {
  const n = 4000;
  const xs2 = Float64Array.from({ length: n }, (_, i) => i);
  let s = 7;
  const noise = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2;
  const loss = Float64Array.from(xs2, (i) => 0.2 + 2.5 * Math.exp(-i / 300) + noise());
  loss[2500] = 30;
  const d = decimate({ xs: xs2, ys: loss, x0: 0, x1: n - 1, width: 400, sorted: true });
  const [lo, hi] = yDomain([d], true, false)!;
  expect(hi).toBeGreaterThan(2.5); // the first columns' mean is ~2.6
  expect(hi).toBeLessThan(5); // the 30 spike is diluted in its column of 10 points: mean ≈ 3.2
  expect(lo).toBeLessThan(0.2);
});

it('shows sparse series (evaluations) whole, even with robust scaling', () => {
  const xs3 = Float64Array.from({ length: 17 }, (_, i) => i * 250);
  const acc = Float64Array.from(xs3, (x) => 0.9 - 0.9 * Math.exp(-x / 500));
  const d = decimate({ xs: xs3, ys: acc, x0: 0, x1: 4000, width: 400, sorted: true });
  const [lo] = yDomain([d], true, false)!;
  expect(lo).toBeLessThan(0);
});
