/** Smoothing against TensorBoard's formula, computed independently here from its definition. */
import { describe, expect, it } from 'vitest';
import { smooth } from './smoothing.js';

/** Direct transcription of the definition (Math.pow each time) as the reference. */
function reference(ys: number[], w: number): number[] {
  if (ys.every((y) => y === ys[0])) return ys;
  let last = 0;
  let n = 0;
  return ys.map((y) => {
    if (!Number.isFinite(y)) return y;
    last = last * w + (1 - w) * y;
    n++;
    return last / (w === 1 ? 1 : 1 - Math.pow(w, n));
  });
}

describe('smooth', () => {
  it('matches the debiased EMA, hand-checked on three points', () => {
    // w = 0.5: last = 0.5, 1.25, 2.125, debiased by 1 − 0.5^n = 0.5, 0.75, 0.875
    expect([...smooth([1, 2, 3], 0.5)]).toEqual([0.5 / 0.5, 1.25 / 0.75, 2.125 / 0.875]);
  });

  it('equals the reference on a noisy series for several weights', () => {
    const ys = Array.from({ length: 500 }, (_, i) => Math.exp(-i / 100) + 0.1 * Math.sin(i * 7.3));
    for (const w of [0, 0.3, 0.6, 0.9, 0.999]) {
      const got = smooth(ys, w);
      const want = reference(ys, w);
      for (let i = 0; i < ys.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 12);
    }
  });

  it('passes non-finite values through without advancing the filter', () => {
    const got = [...smooth([1, NaN, 3, Infinity], 0.5)];
    const want = reference([1, NaN, 3, Infinity], 0.5);
    expect(got[1]).toBeNaN();
    expect(got[3]).toBe(Infinity);
    expect(got[2]).toBeCloseTo(want[2]!, 12); // second finite point: debias with n = 2
  });

  it('leaves constant series and weight 0 unchanged, and is the running value at weight 1', () => {
    expect([...smooth([2, 2, 2], 0.9)]).toEqual([2, 2, 2]);
    expect([...smooth([1, 5, 2], 0)]).toEqual([1, 5, 2]);
    expect([...smooth([1, 5, 2], 1)]).toEqual([0, 0, 0]); // w = 1: last never moves from 0
  });

  it('smooths 1,000,000 points in well under the frame budget', () => {
    const ys = new Float64Array(1_000_000).map((_, i) => Math.sin(i));
    const t0 = performance.now();
    smooth(ys, 0.6);
    expect(performance.now() - t0).toBeLessThan(100);
  });
});
