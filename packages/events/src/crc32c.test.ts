/** CRC-32C: the standard check value, RustBoard's masked vector, and a bytewise reference. */
import { describe, expect, it } from 'vitest';
import { crc32cJs, maskCrc32c } from './crc32c.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('crc32cJs', () => {
  it('matches the CRC-32C check value', () => {
    const b = ascii('123456789');
    expect(crc32cJs(b, 0, b.length)).toBe(0xe3069283);
  });

  it('matches the masked vector RustBoard documents for a real file_version record', () => {
    const b = new Uint8Array([0x1a, 0x11, ...ascii('CRC test, one two')]);
    expect(maskCrc32c(crc32cJs(b, 0, b.length))).toBe(0x5794d08a);
  });

  it('agrees with a bytewise reference at every length and offset', () => {
    const ref = (b: Uint8Array, s: number, e: number) => {
      let c = ~0;
      for (let i = s; i < e; i++) {
        c ^= b[i]!;
        for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
      }
      return ~c >>> 0;
    };
    const b = new Uint8Array(100).map((_, i) => (i * 131 + 7) & 0xff);
    for (let s = 0; s < 9; s++)
      for (let e = s; e <= b.length; e += 3) expect(crc32cJs(b, s, e)).toBe(ref(b, s, e));
  });

  it('is 0 for empty input', () => {
    expect(crc32cJs(new Uint8Array(0), 0, 0)).toBe(0);
  });
});
