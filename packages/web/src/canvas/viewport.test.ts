import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, centreOn, fitView, lerpView, toWorld, visibleWorld, zoomAt } from './viewport.js';

describe('viewport', () => {
  it('zooms around the cursor: the world point under it stays put', () => {
    const v = { x: 30, y: -20, k: 0.7 };
    const before = toWorld(v, 400, 300);
    const after = toWorld(zoomAt(v, 1.8, 400, 300), 400, 300);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
    expect(zoomAt(v, 1000, 0, 0).k).toBe(MAX_ZOOM);
  });
  it('fits a world rectangle inside the screen with a margin, at most 1:1', () => {
    const v = fitView(2000, 1000, 1000, 800, 20);
    const [x0, y0, x1, y1] = visibleWorld(v, 1000, 800);
    expect(x0).toBeLessThanOrEqual(0);
    expect(y0).toBeLessThanOrEqual(0);
    expect(x1).toBeGreaterThanOrEqual(2000);
    expect(y1).toBeGreaterThanOrEqual(1000);
    expect(fitView(10, 10, 1000, 800).k).toBe(1);
  });
  it('centres and interpolates between views', () => {
    const a = centreOn(0, 0, 1, 800, 600);
    const b = centreOn(1000, 500, 0.25, 800, 600);
    expect(toWorld(a, 400, 300)).toEqual([0, 0]);
    const end = lerpView(a, b, 1, 800, 600);
    expect(end.k).toBeCloseTo(0.25);
    expect(toWorld(end, 400, 300)[0]).toBeCloseTo(1000);
    const mid = lerpView(a, b, 0.5, 800, 600);
    expect(mid.k).toBeCloseTo(0.5);
    expect(toWorld(mid, 400, 300)[0]).toBeCloseTo(500);
  });
});
