/** The decoder on bytes laid out by hand as the server documents them. */
import { expect, it } from 'vitest';
import { decodeScalars } from './scalar-codec.js';

function bytes(values: 'f32' | 'f64'): ArrayBuffer {
  const header = JSON.stringify({
    run: 'r',
    tag: 't',
    start: 0,
    count: 2,
    total: 2,
    purged: 0,
    values,
  }).padEnd(96, ' ');
  const buf = new ArrayBuffer(8 + 96 + 32 + (values === 'f32' ? 8 : 16));
  const dv = new DataView(buf);
  dv.setUint32(0, 0x31534e4e, true);
  dv.setUint32(4, 96, true);
  new Uint8Array(buf).set(new TextEncoder().encode(header), 8);
  [0, 5, 100.5, 101.5].forEach((x, i) => dv.setFloat64(104 + 8 * i, x, true));
  if (values === 'f32') [0.25, -1].forEach((x, i) => dv.setFloat32(136 + 4 * i, x, true));
  else [0.1, -1].forEach((x, i) => dv.setFloat64(136 + 8 * i, x, true));
  return buf;
}

it('reads both value widths', () => {
  const a = decodeScalars(bytes('f32'));
  expect([...a.steps, ...a.wallTimes, ...a.values]).toEqual([0, 5, 100.5, 101.5, 0.25, -1]);
  const b = decodeScalars(bytes('f64'));
  expect([...b.values]).toEqual([0.1, -1]);
  expect(b.header.tag).toBe('t');
});

it('rejects other bodies and truncation', () => {
  expect(() => decodeScalars(new TextEncoder().encode('<html>').buffer as ArrayBuffer)).toThrow(
    /not a scalar/,
  );
  expect(() => decodeScalars(bytes('f64').slice(0, 140))).toThrow(/truncated/);
});
