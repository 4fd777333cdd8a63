/** Reservoir: keeps the latest, stays bounded, samples uniformly, deterministic per seed. */
import { describe, expect, it } from 'vitest';
import { Reservoir } from './reservoir.js';

const offer = (r: Reservoir<number>, n: number) => {
  for (let i = 0; i < n; i++) r.add({ step: i, wallTime: i, value: i });
};

describe('Reservoir', () => {
  it('keeps everything up to capacity, in order', () => {
    const r = new Reservoir<number>(10);
    offer(r, 7);
    expect(r.items.map((x) => x.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('always keeps the latest item and stays bounded', () => {
    const r = new Reservoir<number>(10);
    for (let i = 0; i < 10_000; i++) {
      r.add({ step: i, wallTime: i, value: i });
      expect(r.items.at(-1)!.step).toBe(i);
      expect(r.items.length).toBeLessThanOrEqual(10);
    }
    expect(r.seen).toBe(10_000);
    // Kept items stay in arrival order.
    const steps = r.items.map((x) => x.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('samples roughly uniformly', () => {
    const hits = new Array(10).fill(0);
    for (let seed = 0; seed < 300; seed++) {
      const r = new Reservoir<number>(5, seed);
      offer(r, 1000);
      for (const it of r.items.slice(0, -1)) hits[Math.floor(it.step / 100)]++;
    }
    // 300 runs × 4 uniform picks over 10 deciles = 120 expected per decile.
    for (const h of hits) expect(h).toBeGreaterThan(60);
  });

  it('is deterministic for a seed and keeps all with capacity 0', () => {
    const a = new Reservoir<number>(3, 9);
    const b = new Reservoir<number>(3, 9);
    offer(a, 500);
    offer(b, 500);
    expect(a.items).toEqual(b.items);
    const all = new Reservoir<number>(0);
    offer(all, 500);
    expect(all.items.length).toBe(500);
  });

  it('filters and rescales the seen count', () => {
    const r = new Reservoir<number>(0);
    offer(r, 10);
    expect(r.filter((x) => x.step < 4).map((x) => x.step)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(r.seen).toBe(4);
  });
});
