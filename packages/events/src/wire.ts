/** Protobuf wire-format reading primitives over a byte range, without allocation per field. */
import { WireError } from './errors.js';

const utf8 = new TextDecoder('utf-8');

/**
 * A cursor over `buf[pos, end)`. Sub-messages are read by narrowing `end` and restoring it,
 * so one cursor walks a whole record without creating objects.
 */
export class Cursor {
  buf: Uint8Array;
  view: DataView;
  pos = 0;
  end = 0;

  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** Points the cursor at `[pos, end)`, switching buffers when needed. */
  reset(buf: Uint8Array, pos: number, end: number): this {
    if (buf !== this.buf) {
      this.buf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    this.pos = pos;
    this.end = end;
    return this;
  }

  /** An unsigned varint that fits 32 bits (tags, lengths, enums, small counts). */
  uint32(): number {
    const b = this.buf;
    let p = this.pos;
    if (p >= this.end) throw new WireError('truncated varint', p);
    let x = b[p++]!;
    if (x < 0x80) {
      this.pos = p;
      return x;
    }
    x &= 0x7f;
    for (let shift = 7; shift < 70; shift += 7) {
      if (p >= this.end) throw new WireError('truncated varint', p);
      const c = b[p++]!;
      // Bits beyond 32 are dropped: a uint32 field never has them, a negative int32 sign-extends.
      if (shift < 32) x += (c & 0x7f) * 2 ** shift;
      if (c < 0x80) {
        this.pos = p;
        return x >>> 0;
      }
    }
    throw new WireError('varint too long', p);
  }

  /** A signed int64 varint as a JS number (exact up to 2^53; two's complement for negatives). */
  int64(): number {
    const b = this.buf;
    let p = this.pos;
    if (p < this.end && b[p]! < 0x80) {
      this.pos = p + 1;
      return b[p]!;
    }
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (;;) {
      if (p >= this.end) throw new WireError('truncated varint', p);
      if (shift >= 70) throw new WireError('varint too long', p);
      const c = b[p++]!;
      const v = c & 0x7f;
      if (shift < 28) lo |= v << shift;
      else if (shift === 28) {
        lo |= (v & 0xf) << 28;
        hi |= v >>> 4;
      } else hi |= v << (shift - 32);
      shift += 7;
      if (c < 0x80) break;
    }
    this.pos = p;
    lo >>>= 0;
    hi >>>= 0;
    if (hi & 0x80000000) return -((~hi >>> 0) * 4294967296 + (~lo >>> 0) + 1);
    return hi * 4294967296 + lo;
  }

  /** A little-endian float64 (wire type 1). */
  double(): number {
    const p = this.pos;
    if (p + 8 > this.end) throw new WireError('truncated fixed64', p);
    this.pos = p + 8;
    return this.view.getFloat64(p, true);
  }

  /** A little-endian float32 (wire type 5), widened exactly. */
  float(): number {
    const p = this.pos;
    if (p + 4 > this.end) throw new WireError('truncated fixed32', p);
    this.pos = p + 4;
    return this.view.getFloat32(p, true);
  }

  /** Reads a length prefix and returns the end of the delimited bytes, checked against `end`. */
  delimitedEnd(): number {
    const len = this.uint32();
    const e = this.pos + len;
    if (e > this.end) throw new WireError('truncated length-delimited field', this.pos);
    return e;
  }

  /** Skips one field's value of wire type `wt`. */
  skip(wt: number): void {
    switch (wt) {
      case 0:
        this.int64();
        return;
      case 1:
        this.advance(8);
        return;
      case 2:
        this.pos = this.delimitedEnd();
        return;
      case 5:
        this.advance(4);
        return;
      default:
        // Groups (3, 4) are proto2-only and absent from every schema read here.
        throw new WireError(`unsupported wire type ${wt}`, this.pos);
    }
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) throw new WireError('truncated fixed field', this.pos);
    this.pos += n;
  }
}

/** UTF-8 text of `buf[start, end)`; invalid sequences become U+FFFD, as in Python's errors='replace'. */
export function utf8At(buf: Uint8Array, start: number, end: number): string {
  // Short ASCII strings (tags) are the common case; building them directly beats TextDecoder.
  if (end - start < 48) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c >= 0x80) return utf8.decode(buf.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(buf.subarray(start, end));
}

/** A byte range `[start, end)` in some buffer or file. */
export interface Range {
  start: number;
  end: number;
}
