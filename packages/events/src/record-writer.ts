/** TFRecord framing for writers: frames payloads with masked CRCs into one growing output buffer. */
import type { Crc32cFn } from './crc32c.js';
import { maskCrc32c } from './crc32c.js';

const utf8 = new TextEncoder();

function putU32(b: Uint8Array, p: number, x: number): void {
  b[p] = x;
  b[p + 1] = x >>> 8;
  b[p + 2] = x >>> 16;
  b[p + 3] = x >>> 24;
}

/**
 * Accumulates framed records; `take()` hands the bytes to whoever writes them (a file, a test).
 * `scalar()` is a direct path for the commonest record, a one-value simple_value summary.
 */
export class TfRecordWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  private len = 0;
  private readonly tagCache = new Map<string, Uint8Array>();

  constructor(private readonly crc: Crc32cFn) {}

  /** Bytes framed and not yet taken. */
  get pending(): number {
    return this.len;
  }

  /** Frames one record: `u64 len | crc(len) | payload | crc(payload)`. */
  record(payload: Uint8Array): void {
    const n = payload.length;
    this.ensure(n + 16);
    const b = this.buf;
    const p = this.len;
    this.view.setUint32(p, n % 4294967296, true);
    this.view.setUint32(p + 4, Math.floor(n / 4294967296), true);
    putU32(b, p + 8, maskCrc32c(this.crc(b, p, p + 8)));
    b.set(payload, p + 12);
    putU32(b, p + 12 + n, maskCrc32c(this.crc(b, p + 12, p + 12 + n)));
    this.len = p + 16 + n;
  }

  /** Frames an Event{wall_time, step, summary{value{tag, simple_value}}} without building objects. */
  scalar(tag: string, value: number, step: number, wallTime: number): void {
    let t = this.tagCache.get(tag);
    if (!t) {
      t = utf8.encode(tag);
      if (this.tagCache.size < 10000) this.tagCache.set(tag, t);
    }
    // Value = 0x0a len(tag) tag 0x15 f32 ; Summary = 0x0a len(Value) Value ; Event = 0x09 f64 [0x10 step] 0x2a len(Summary) Summary
    const valueLen = 1 + varintSize(t.length) + t.length + 5;
    const summaryLen = 1 + varintSize(valueLen) + valueLen;
    const stepLen = step ? 1 + varintSize(step) : 0;
    const n = 9 + stepLen + 1 + varintSize(summaryLen) + summaryLen;
    if (step < 0 || !Number.isSafeInteger(step))
      throw new RangeError(`scalar(): step must be a non-negative safe integer, got ${step}`);
    this.ensure(n + 16);
    const b = this.buf;
    const v = this.view;
    const p = this.len;
    v.setUint32(p, n, true);
    v.setUint32(p + 4, 0, true);
    putU32(b, p + 8, maskCrc32c(this.crc(b, p, p + 8)));
    let q = p + 12;
    b[q++] = 0x09;
    v.setFloat64(q, wallTime, true);
    q += 8;
    if (step) {
      b[q++] = 0x10;
      q = putVarint(b, q, step);
    }
    b[q++] = 0x2a;
    q = putVarint(b, q, summaryLen);
    b[q++] = 0x0a;
    q = putVarint(b, q, valueLen);
    b[q++] = 0x0a;
    q = putVarint(b, q, t.length);
    b.set(t, q);
    q += t.length;
    b[q++] = 0x15;
    v.setFloat32(q, value, true);
    q += 4;
    putU32(b, q, maskCrc32c(this.crc(b, p + 12, q)));
    this.len = q + 4;
  }

  /** Returns the framed bytes and starts a new buffer. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.len);
    this.len = 0;
    return out;
  }

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }
}

function varintSize(x: number): number {
  let n = 1;
  while (x >= 0x80) {
    x = Math.floor(x / 0x80);
    n++;
  }
  return n;
}

function putVarint(b: Uint8Array, p: number, x: number): number {
  while (x >= 0x80) {
    b[p++] = (x % 0x80) | 0x80;
    x = Math.floor(x / 0x80);
  }
  b[p++] = x;
  return p;
}
