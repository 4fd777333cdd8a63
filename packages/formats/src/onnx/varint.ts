/** Protobuf varint reading as plain numbers (int64 beyond 2^53 rounds), shared by the tensor decoder and the fault locator. */

/** Result slot reused by readVarint to avoid allocating per call. */
export interface VarintCursor {
  pos: number;
}

/**
 * Reads a varint at `cur.pos` (advancing it) as a signed int64 (two's complement) or unsigned number.
 * Throws RangeError when it runs past `end` or is longer than 10 bytes.
 */
export function readVarint(buf: Uint8Array, cur: VarintCursor, end: number, unsigned = false): number {
  let pos = cur.pos;
  let lo = 0;
  let hi = 0;
  let b = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= end) throw new RangeError(`varint runs past byte ${end}`);
    b = buf[pos++]!;
    lo |= (b & 0x7f) << shift;
    if (b < 0x80) {
      cur.pos = pos;
      return lo >>> 0;
    }
  }
  if (pos >= end) throw new RangeError(`varint runs past byte ${end}`);
  b = buf[pos++]!;
  lo |= (b & 0x0f) << 28;
  hi = (b & 0x7f) >> 4;
  if (b >= 0x80) {
    for (let shift = 3; ; shift += 7) {
      if (shift > 31) throw new RangeError(`varint longer than 10 bytes at byte ${cur.pos}`);
      if (pos >= end) throw new RangeError(`varint runs past byte ${end}`);
      b = buf[pos++]!;
      hi |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
  }
  cur.pos = pos;
  return unsigned ? (hi >>> 0) * 4294967296 + (lo >>> 0) : (hi | 0) * 4294967296 + (lo >>> 0);
}
