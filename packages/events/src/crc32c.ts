/** CRC-32C (Castagnoli) in plain JS, slicing-by-8, plus TFRecord's masking; the browser's checksum. */

/**
 * Computes the CRC-32C of `buf[start, end)`; injected so Node can use a native implementation.
 * The result may be signed or unsigned: callers compare it modulo 2^32.
 */
export type Crc32cFn = (buf: Uint8Array, start: number, end: number) => number;

const POLY = 0x82f63b78; // reflected Castagnoli polynomial

// Eight 256-entry tables, table k advances the CRC over a byte that sits k positions earlier.
const T = new Int32Array(256 * 8);
for (let i = 0; i < 256; i++) {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
  T[i] = c;
}
for (let i = 0; i < 256; i++) {
  let c = T[i]!;
  for (let k = 1; k < 8; k++) {
    c = T[c & 0xff]! ^ (c >>> 8);
    T[k * 256 + i] = c;
  }
}

/**
 * CRC-32C as a signed int32. Hot paths use this form: an int32 stays unboxed across calls, while a
 * uint32 above 2^31 becomes a heap number on every return (measurable garbage at millions of records).
 */
export const crc32cInt: Crc32cFn = (buf, start, end) => {
  let c = ~0;
  let i = start;
  // Eight bytes per step; the table lookups are independent, which is what makes this ~4× a byte loop.
  for (const stop = end - 8; i <= stop; i += 8) {
    const a = c ^ (buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24));
    c =
      T[1792 + (a & 0xff)]! ^
      T[1536 + ((a >>> 8) & 0xff)]! ^
      T[1280 + ((a >>> 16) & 0xff)]! ^
      T[1024 + (a >>> 24)]! ^
      T[768 + buf[i + 4]!]! ^
      T[512 + buf[i + 5]!]! ^
      T[256 + buf[i + 6]!]! ^
      T[buf[i + 7]!]!;
  }
  for (; i < end; i++) c = T[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return ~c;
};

/** CRC-32C of `buf[start, end)` (init and xorout 0xFFFFFFFF), as an unsigned 32-bit number. */
export const crc32cJs: Crc32cFn = (buf, start, end) => crc32cInt(buf, start, end) >>> 0;

/** TFRecord's masked CRC: rotate right by 15 and add a constant, so CRCs of CRCs stay distinct. */
export function maskCrc32c(crc: number): number {
  return maskedInt(crc) >>> 0;
}

/** maskCrc32c as a signed int32 (see crc32cInt for why). */
export function maskedInt(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) | 0;
}
