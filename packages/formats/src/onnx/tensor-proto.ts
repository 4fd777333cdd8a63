/** Hand-written TensorProto decoder: keeps raw_data and packed float/double data as views into the file. */
import { readVarint, type VarintCursor } from './varint.js';

/** The parts of a protobufjs Reader the decoder uses. */
export interface ReaderLike {
  buf: Uint8Array;
  pos: number;
  len: number;
  skipType(wireType: number, depth?: number, fieldNumber?: number): unknown;
}

/** A decoded TensorProto. Payload fields stay undefined when absent from the file. */
export class DecodedTensor {
  dims: number[] = [];
  dataType = 0;
  name = '';
  docString = '';
  /** raw_data, as a view. */
  raw?: Uint8Array;
  /** Packed float_data / double_data runs, as views (little-endian, same bytes as raw_data would be). */
  floatChunks?: Uint8Array[];
  doubleChunks?: Uint8Array[];
  /** Unpacked (one element per tag) float_data / double_data, rare in practice. */
  floatValues?: number[];
  doubleValues?: number[];
  int32Data?: number[];
  int64Data?: number[];
  uint64Data?: number[];
  stringData?: Uint8Array[];
  externalData?: [string, string][];
  dataLocation = 0;
  segment?: { begin: number; end: number };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function lengthDelimited(buf: Uint8Array, cur: VarintCursor, limit: number): [number, number] {
  const len = readVarint(buf, cur, limit, true);
  const start = cur.pos;
  if (len > limit - start) throw new RangeError(`length ${len} at byte ${start} runs past byte ${limit}`);
  cur.pos = start + len;
  return [start, start + len];
}

function readVarints(
  r: ReaderLike,
  cur: VarintCursor,
  wireType: number,
  out: number[],
  unsigned: boolean,
): void {
  if (wireType === 0) {
    out.push(readVarint(r.buf, cur, r.len, unsigned));
    return;
  }
  const [start, end] = lengthDelimited(r.buf, cur, r.len);
  cur.pos = start;
  while (cur.pos < end) out.push(readVarint(r.buf, cur, end, unsigned));
}

function readStringPair(r: ReaderLike, cur: VarintCursor): [string, string] {
  const [start, end] = lengthDelimited(r.buf, cur, r.len);
  const buf = r.buf;
  const sub: VarintCursor = { pos: start };
  let key = '';
  let value = '';
  while (sub.pos < end) {
    const tag = readVarint(buf, sub, end, true);
    const wt = tag & 7;
    const field = Math.floor(tag / 8);
    if (wt === 2 && (field === 1 || field === 2)) {
      const [s, e] = lengthDelimited(buf, sub, end);
      const text = utf8.decode(buf.subarray(s, e));
      if (field === 1) key = text;
      else value = text;
    } else {
      const saved = r.len;
      r.pos = sub.pos;
      r.len = end;
      r.skipType(wt, undefined, field);
      r.len = saved;
      sub.pos = r.pos;
    }
  }
  return [key, value];
}

function readFixedChunk(r: ReaderLike, cur: VarintCursor, width: number): Uint8Array {
  const [start, end] = lengthDelimited(r.buf, cur, r.len);
  if ((end - start) % width !== 0) {
    throw new RangeError(`packed ${width * 8}-bit data of ${end - start} bytes at byte ${start}`);
  }
  return r.buf.subarray(start, end);
}

/** Decodes one TensorProto of `length` bytes at the reader's position (protobufjs `decode` signature). */
export function decodeTensorProto(r: ReaderLike, length?: number, _end?: number, depth = 0): DecodedTensor {
  const end = length === undefined ? r.len : r.pos + length;
  if (end > r.len)
    throw new RangeError(`TensorProto of ${length} bytes at byte ${r.pos} runs past byte ${r.len}`);
  const outerLen = r.len;
  r.len = end;
  const t = new DecodedTensor();
  const buf = r.buf;
  const cur: VarintCursor = { pos: r.pos };
  while (cur.pos < end) {
    const tag = readVarint(buf, cur, end, true);
    const wt = tag & 7;
    const field = Math.floor(tag / 8);
    switch (field) {
      case 1:
        if (wt !== 0 && wt !== 2) break;
        readVarints(r, cur, wt, t.dims, false);
        continue;
      case 2:
        if (wt !== 0) break;
        t.dataType = readVarint(buf, cur, end) | 0;
        continue;
      case 3: {
        if (wt !== 2) break;
        const [s, e] = lengthDelimited(r.buf, cur, r.len);
        const seg = { begin: 0, end: 0 };
        const sub: VarintCursor = { pos: s };
        while (sub.pos < e) {
          const stag = readVarint(buf, sub, e, true);
          if ((stag & 7) !== 0)
            throw new RangeError(`unexpected wire type in TensorProto.segment at byte ${sub.pos}`);
          const v = readVarint(buf, sub, e);
          if (stag >>> 3 === 1) seg.begin = v;
          else if (stag >>> 3 === 2) seg.end = v;
        }
        t.segment = seg;
        continue;
      }
      case 4:
        if (wt === 2) (t.floatChunks ??= []).push(readFixedChunk(r, cur, 4));
        else if (wt === 5) {
          if (cur.pos + 4 > end) throw new RangeError(`float runs past byte ${end}`);
          (t.floatValues ??= []).push(
            new DataView(buf.buffer, buf.byteOffset + cur.pos, 4).getFloat32(0, true),
          );
          cur.pos += 4;
        } else break;
        continue;
      case 10:
        if (wt === 2) (t.doubleChunks ??= []).push(readFixedChunk(r, cur, 8));
        else if (wt === 1) {
          if (cur.pos + 8 > end) throw new RangeError(`double runs past byte ${end}`);
          (t.doubleValues ??= []).push(
            new DataView(buf.buffer, buf.byteOffset + cur.pos, 8).getFloat64(0, true),
          );
          cur.pos += 8;
        } else break;
        continue;
      case 5:
        if (wt !== 0 && wt !== 2) break;
        readVarints(r, cur, wt, (t.int32Data ??= []), false);
        continue;
      case 7:
        if (wt !== 0 && wt !== 2) break;
        readVarints(r, cur, wt, (t.int64Data ??= []), false);
        continue;
      case 11:
        if (wt !== 0 && wt !== 2) break;
        readVarints(r, cur, wt, (t.uint64Data ??= []), true);
        continue;
      case 6: {
        if (wt !== 2) break;
        const [s, e] = lengthDelimited(r.buf, cur, r.len);
        (t.stringData ??= []).push(buf.subarray(s, e));
        continue;
      }
      case 8:
      case 12: {
        if (wt !== 2) break;
        const [s, e] = lengthDelimited(r.buf, cur, r.len);
        const text = utf8.decode(buf.subarray(s, e));
        if (field === 8) t.name = text;
        else t.docString = text;
        continue;
      }
      case 9: {
        if (wt !== 2) break;
        const [s, e] = lengthDelimited(r.buf, cur, r.len);
        t.raw = buf.subarray(s, e);
        continue;
      }
      case 13:
        if (wt !== 2) break;
        (t.externalData ??= []).push(readStringPair(r, cur));
        continue;
      case 14:
        if (wt !== 0) break;
        t.dataLocation = readVarint(buf, cur, end) | 0;
        continue;
    }
    // Unknown field, or a known one with an unexpected wire type: skip it like protobufjs does.
    r.pos = cur.pos;
    r.skipType(wt, depth, field);
    cur.pos = r.pos;
  }
  if (cur.pos !== end) throw new RangeError(`TensorProto ends at byte ${cur.pos}, expected ${end}`);
  r.pos = end;
  r.len = outerLen;
  return t;
}
