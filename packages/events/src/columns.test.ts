/** Columns: chunked growth, float32→float64 widening, purge compaction and preemption. */
import { describe, expect, it } from 'vitest';
import { Columns } from './columns.js';

const fill = (n: number, value = (i: number) => i / 4) => {
  const c = new Columns(true);
  for (let i = 0; i < n; i++) c.push(i, 1000 + i, value(i));
  return c;
};

describe('Columns', () => {
  it('keeps every point across chunk boundaries, float32 values exact', () => {
    const c = fill(200_000);
    expect(c.length).toBe(200_000);
    const a = c.toArrays();
    expect(a.steps[123_456]).toBe(123_456);
    expect(a.wallTimes[199_999]).toBe(1000 + 199_999);
    expect(a.values[77]).toBe(77 / 4);
    // Payload 20 B/point; slack is at most one partly filled 64K chunk.
    expect(c.byteSize()).toBeLessThanOrEqual(200_000 * 20 + 65536 * 20);
  });

  it('widens to float64 only when a value is not a float32', () => {
    const c = fill(100);
    const before = c.byteSize();
    c.push(100, 0, 0.1);
    expect(c.toArrays().values[100]).toBe(0.1);
    expect(c.toArrays().values[50]).toBe(50 / 4);
    expect(c.byteSize()).toBeGreaterThan(before);
    const nan = new Columns(true);
    nan.push(0, 0, NaN);
    expect(nan.byteSize()).toBe(32 * 20); // NaN fits a float32
  });

  it('removes steps ≥ s anywhere, keeping order (TensorBoard purge)', () => {
    const c = new Columns(true);
    for (const s of [0, 5, 10, 3, 7, 12, 1]) c.push(s, s, s * 10);
    expect(c.removeStepsFrom(5)).toBe(4);
    expect([...c.toArrays().steps]).toEqual([0, 3, 1]);
    expect([...c.toArrays().values]).toEqual([0, 30, 10]);
  });

  it('compacts across chunks', () => {
    const c = fill(100_000);
    expect(c.removeStepsFrom(50_000)).toBe(50_000);
    c.push(50_000, 0, 1);
    const a = c.toArrays();
    expect(a.steps.length).toBe(50_001);
    expect(a.steps[49_999]).toBe(49_999);
    expect(a.steps[50_000]).toBe(50_000);
  });

  it('pops trailing steps ≥ s (RustBoard preemption)', () => {
    const c = new Columns(false);
    for (const s of [0, 1, 2, 3, 1, 2]) c.push(s, 0);
    expect(c.popWhileStepAtLeast(2)).toBe(1);
    expect([...c.toArrays().steps]).toEqual([0, 1, 2, 3, 1]);
    expect(c.popWhileStepAtLeast(0)).toBe(5);
    expect(c.length).toBe(0);
    expect(Number.isNaN(c.lastStep())).toBe(true);
  });

  it('slices a range', () => {
    const c = fill(100);
    expect([...c.toArrays(98).steps]).toEqual([98, 99]);
    expect(c.toArrays(5, 5).steps.length).toBe(0);
  });
});
