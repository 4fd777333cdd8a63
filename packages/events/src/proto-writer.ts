/** Protobuf wire-format writing into a growable buffer (the encoder side of wire.ts). */

const utf8 = new TextEncoder();

/** Appends protobuf fields to a growable byte buffer. */
export class ProtoWriter {
  buf: Uint8Array;
  len = 0;
  private view: DataView;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }

  /** An unsigned varint < 2^53. */
  uvarint(x: number): this {
    this.ensure(10);
    const b = this.buf;
    while (x >= 0x80) {
      b[this.len++] = (x % 0x80) | 0x80;
      x = Math.floor(x / 0x80);
    }
    b[this.len++] = x;
    return this;
  }

  /** A signed int64 varint (negative numbers as 10-byte two's complement). */
  int64(x: number): this {
    if (x >= 0) return this.uvarint(x);
    const big = BigInt.asUintN(64, BigInt(Math.trunc(x)));
    this.ensure(10);
    let v = big;
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
    return this;
  }

  /** A field key. */
  key(field: number, wireType: number): this {
    return this.uvarint(field * 8 + wireType);
  }

  /** Field with a double. */
  double(field: number, x: number): this {
    this.key(field, 1).ensure(8);
    this.view.setFloat64(this.len, x, true);
    this.len += 8;
    return this;
  }

  /** Field with a float. */
  float(field: number, x: number): this {
    this.key(field, 5).ensure(4);
    this.view.setFloat32(this.len, x, true);
    this.len += 4;
    return this;
  }

  /** Field with a varint (int32/int64/enum/bool). */
  varint(field: number, x: number): this {
    return this.key(field, 0).int64(x);
  }

  /** Field with bytes. */
  bytes(field: number, b: Uint8Array): this {
    this.key(field, 2).uvarint(b.length).ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  /** Field with a UTF-8 string. */
  string(field: number, s: string): this {
    return this.bytes(field, utf8.encode(s));
  }

  /** Field with a packed repeated double. */
  packedDoubles(field: number, xs: ArrayLike<number>): this {
    this.key(field, 2)
      .uvarint(xs.length * 8)
      .ensure(xs.length * 8);
    for (let i = 0; i < xs.length; i++, this.len += 8) this.view.setFloat64(this.len, xs[i]!, true);
    return this;
  }

  /** Field with a sub-message written by `fn`. */
  message(field: number, fn: (w: ProtoWriter) => void): this {
    const sub = new ProtoWriter();
    fn(sub);
    return this.bytes(field, sub.finish());
  }

  /** The bytes written (a view; copy if the writer is reused). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
