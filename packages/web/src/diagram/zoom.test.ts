import { describe, expect, it } from 'vitest';
import { fitView, MAX_SCALE, wheelFactor, zoomAt } from './zoom.js';

describe('preview zoom', () => {
  it('fits a wide figure to the width and centres it vertically', () => {
    const v = fitView({ width: 2000, height: 400 }, { width: 1048, height: 800 }, 24);
    expect(v.k).toBeCloseTo(0.5);
    expect(v.x).toBeCloseTo(24);
    expect(v.y).toBeCloseTo((800 - 200) / 2);
  });

  it('does not blow small figures up beyond maxFit', () => {
    expect(fitView({ width: 100, height: 50 }, { width: 1000, height: 800 }).k).toBe(1.5);
  });

  it('keeps the point under the cursor fixed and clamps the scale', () => {
    const v = { x: 10, y: 20, k: 1 };
    const z = zoomAt(v, 2, { x: 110, y: 220 });
    // The figure point under (110, 220) was (100, 200); it is still there.
    expect((110 - z.x) / z.k).toBeCloseTo(100);
    expect((220 - z.y) / z.k).toBeCloseTo(200);
    expect(zoomAt(v, 1e6, { x: 0, y: 0 }).k).toBe(MAX_SCALE);
  });

  it('turns wheel deltas into zoom factors: down zooms out, lines count more than pixels', () => {
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(3, 1)).toBeLessThan(wheelFactor(3, 0));
  });
});
