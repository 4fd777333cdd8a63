/** Wire reading: varints (negative, > 2^32), truncation errors with positions, UTF-8. */
import { describe, expect, it } from 'vitest';
import { WireError } from './errors.js';
import { ProtoWriter } from './proto-writer.js';
import { Cursor, utf8At } from './wire.js';

const read = (b: Uint8Array) => new Cursor(b).reset(b, 0, b.length);

describe('Cursor', () => {
  it('reads int64 varints, including negatives and values beyond 2^32', () => {
    for (const x of [0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 + 5, 2 ** 52, -1, -300, -(2 ** 40)]) {
      const w = new ProtoWriter().int64(x);
      expect(read(w.finish()).int64()).toBe(x);
    }
  });

  it('reads uint32 and sign-extended int32', () => {
    const w = new ProtoWriter().int64(-5);
    expect(read(w.finish()).uint32() | 0).toBe(-5);
    expect(read(new ProtoWriter().uvarint(4_000_000_000).finish()).uint32()).toBe(4_000_000_000);
  });

  it('throws WireError with a position on truncation', () => {
    expect(() => read(new Uint8Array([0x80])).int64()).toThrow(WireError);
    expect(() => read(new Uint8Array([0x0a, 0x05, 1])).delimitedEnd()).toThrow(
      /truncated length-delimited field at byte 1/,
    );
    expect(() => read(new Uint8Array(3)).double()).toThrow(WireError);
    expect(() => read(new Uint8Array([0x0b])).skip(3)).toThrow(/wire type 3/);
  });

  it('reads doubles and floats at unaligned offsets', () => {
    const w = new ProtoWriter().uvarint(1).double(1, Math.PI).float(2, 1.5);
    const c = read(w.finish());
    c.uint32();
    c.uint32();
    expect(c.double()).toBe(Math.PI);
    c.uint32();
    expect(c.float()).toBe(1.5);
  });
});

describe('utf8At', () => {
  it('decodes ASCII and UTF-8, replacing invalid bytes', () => {
    const b = new TextEncoder().encode('loss/é/λ');
    expect(utf8At(b, 0, b.length)).toBe('loss/é/λ');
    expect(utf8At(new Uint8Array([0x61, 0xff]), 0, 2)).toBe('a\ufffd');
    const long = new TextEncoder().encode('x'.repeat(100));
    expect(utf8At(long, 0, 100)).toBe('x'.repeat(100));
  });
});
