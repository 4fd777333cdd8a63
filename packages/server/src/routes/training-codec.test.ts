/** The binary scalar codec: layout, float32 choice, and size/speed at 1,000,000 points. */
import { expect, it } from 'vitest';
import { encodeScalars, SCALARS_MAGIC } from './training-codec.js';

const h = { run: 'r', tag: 't', start: 0, total: 3, purged: 0 };

it('aligns columns at 8 bytes and keeps float32 data as float32', () => {
  const b = encodeScalars(
    h,
    Float64Array.of(0, 1, 2),
    Float64Array.of(10, 11, 12),
    Float64Array.of(0.5, NaN, -Infinity),
  );
  const dv = new DataView(b.buffer);
  expect(dv.getUint32(0, true)).toBe(SCALARS_MAGIC);
  const hl = dv.getUint32(4, true);
  expect(hl % 8).toBe(0);
  const header = JSON.parse(new TextDecoder().decode(b.subarray(8, 8 + hl)));
  expect(header).toEqual({ ...h, count: 3, values: 'f32' });
  expect(b.length).toBe(8 + hl + 3 * 20);
  expect(dv.getFloat64(8 + hl + 16, true)).toBe(2);
  expect(dv.getFloat64(8 + hl + 24, true)).toBe(10);
  expect(dv.getFloat32(8 + hl + 48 + 4, true)).toBeNaN();
  expect(dv.getFloat32(8 + hl + 48 + 8, true)).toBe(-Infinity);
});

it('widens to float64 when a value is not a float32', () => {
  const b = encodeScalars(h, Float64Array.of(0), Float64Array.of(0), Float64Array.of(0.1));
  const hl = new DataView(b.buffer).getUint32(4, true);
  expect(JSON.parse(new TextDecoder().decode(b.subarray(8, 8 + hl))).values).toBe('f64');
  expect(new DataView(b.buffer).getFloat64(8 + hl + 16, true)).toBe(0.1);
});

it('encodes 1,000,000 points into 20 MB quickly', () => {
  const n = 1_000_000;
  const steps = Float64Array.from({ length: n }, (_, i) => i);
  const values = Float64Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i)));
  const t0 = performance.now();
  const b = encodeScalars({ ...h, total: n }, steps, steps, values);
  const ms = performance.now() - t0;
  expect(b.length).toBeLessThan(20_000_200);
  expect(ms).toBeLessThan(500); // typically ~15 ms; generous for a loaded 2-core machine
});
