/** Bounds-checked access to flatbuffer tables and vectors: corrupt offsets become located errors, never huge loops. */
import type { ByteBuffer } from 'flatbuffers';
import { ModelFormatError } from '../errors.js';

/** What the generated table classes have in common. */
export interface Table {
  bb: ByteBuffer | null;
  bb_pos: number;
}

const MAX_STRING = 1 << 16;
const decoder = new TextDecoder('utf-8');

/** A TFLite format error at a byte offset, naming the field path. */
export function corrupt(what: string, offset: number): ModelFormatError {
  return new ModelFormatError('tflite', `TFLite: corrupt ${what} at byte ${offset}`, {
    offset,
    fieldPath: what,
  });
}

/** Checks that a table and its vtable lie inside the buffer; returns it. */
export function checked<T extends Table>(t: T, what: string): T {
  const bb = t.bb!;
  const cap = bb.capacity();
  const pos = t.bb_pos;
  if (!(pos >= 0 && pos + 4 <= cap)) throw corrupt(what, pos);
  const vt = pos - bb.readInt32(pos);
  if (!(vt >= 0 && vt + 4 <= cap)) throw corrupt(`${what} (vtable)`, pos);
  const vtLen = bb.readInt16(vt);
  if (vtLen < 4 || vtLen % 2 !== 0 || vt + vtLen > cap) throw corrupt(`${what} (vtable)`, vt);
  return t;
}

/** Start and length of the vector at vtable slot `vo`; throws when it runs past the end of the buffer. */
export function vector(
  t: Table,
  vo: number,
  elemSize: number,
  what: string,
): { start: number; length: number } {
  const bb = t.bb!;
  const o = bb.__offset(t.bb_pos, vo);
  if (!o) return { start: 0, length: 0 };
  const at = t.bb_pos + o;
  if (at + 4 > bb.capacity()) throw corrupt(what, at);
  const start = bb.__vector(at);
  const length = bb.__vector_len(at);
  if (!(start >= 4 && length >= 0 && start + length * elemSize <= bb.capacity())) throw corrupt(what, at);
  return { start, length };
}

/** Elements of a vector of int32 (or, with `size` 8, int64 as numbers). */
export function ints(t: Table, vo: number, what: string, size: 1 | 4 | 8 = 4): number[] {
  const { start, length } = vector(t, vo, size, what);
  const bb = t.bb!;
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    const at = start + i * size;
    out[i] = size === 8 ? Number(bb.readInt64(at)) : size === 4 ? bb.readInt32(at) : bb.readUint8(at);
  }
  return out;
}

/** Elements of a vector of float32. */
export function floats(t: Table, vo: number, what: string): number[] {
  const { start, length } = vector(t, vo, 4, what);
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = t.bb!.readFloat32(start + i * 4);
  return out;
}

/** The bytes of a [ubyte] vector, as a view into the file. */
export function bytes(t: Table, vo: number, what: string): Uint8Array | null {
  const { start, length } = vector(t, vo, 1, what);
  return length ? t.bb!.bytes().subarray(start, start + length) : null;
}

/** A string field ('' when absent); very long strings are cut (names, not payloads). */
export function text(t: Table, vo: number, what: string): string {
  const bb = t.bb!;
  const o = bb.__offset(t.bb_pos, vo);
  if (!o) return '';
  const at = t.bb_pos + o;
  if (at + 4 > bb.capacity()) throw corrupt(what, at);
  const start = at + bb.readInt32(at);
  if (!(start >= 0 && start + 4 <= bb.capacity())) throw corrupt(what, at);
  const length = bb.readInt32(start);
  if (!(length >= 0 && start + 4 + length <= bb.capacity())) throw corrupt(what, start);
  return decoder.decode(bb.bytes().subarray(start + 4, start + 4 + Math.min(length, MAX_STRING)));
}

/** Number of tables in a vector of tables (each element is a 4-byte offset). */
export function tableCount(t: Table, vo: number, what: string): number {
  return vector(t, vo, 4, what).length;
}
