/** A small schema-driven protobuf wire decoder: binary NetParameter/LayerParameter/BlobProto into PbMessage trees; float blobs stay views. */
import { caffeError } from './errors.js';
import { PbMessage, type PbValue } from './message.js';
import { ENUMS, MESSAGES, type FieldKind } from './schema.js';

const utf8 = new TextDecoder('utf-8');

class Reader {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly end: number,
    readonly view: DataView,
  ) {
    this.pos = start;
  }

  truncated(path: string): never {
    throw caffeError(`truncated at byte ${this.end} inside ${path || 'NetParameter'}`, { offset: this.end });
  }

  varint(path: string): number {
    const start = this.pos;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) this.truncated(path);
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) return i < 7 ? result : this.wide(start, path);
    }
    throw caffeError(`malformed varint inside ${path}`, { offset: start });
  }

  /** A varint of 8–10 bytes: exact 64-bit arithmetic, negative int64 in two's complement. */
  private wide(start: number, path: string): number {
    let v = 0n;
    for (let i = this.pos - 1; i >= start; i--) v = (v << 7n) | BigInt(this.bytes[i]! & 0x7f);
    if (v >= 1n << 64n) throw caffeError(`malformed varint inside ${path}`, { offset: start });
    return Number(BigInt.asIntN(64, v));
  }

  take(n: number, path: string): number {
    if (n > this.end - this.pos) this.truncated(path);
    const at = this.pos;
    this.pos += n;
    return at;
  }
}

function wireName(wt: number): string {
  return ['varint', 'fixed64', 'bytes', 'group start', 'group end', 'fixed32'][wt] ?? `wire type ${wt}`;
}

function skip(r: Reader, wt: number, path: string): void {
  if (wt === 0) r.varint(path);
  else if (wt === 1) r.take(8, path);
  else if (wt === 2) r.take(r.varint(path), path);
  else if (wt === 5) r.take(4, path);
  else throw caffeError(`unsupported ${wireName(wt)} field inside ${path}`, { offset: r.pos });
}

/** Decodes one scalar of `kind` with wire type `wt` (packed lists are handled by the caller). */
function scalar(r: Reader, kind: FieldKind, wt: number, path: string): PbValue {
  if (kind === 'float' || kind === 'floats') {
    if (wt !== 5) throw mismatch(r, path, wt);
    return r.view.getFloat32(r.take(4, path), true);
  }
  if (kind === 'double' || kind === 'doubles') {
    if (wt !== 1) throw mismatch(r, path, wt);
    return r.view.getFloat64(r.take(8, path), true);
  }
  if (wt !== 0) throw mismatch(r, path, wt);
  const v = r.varint(path);
  if (kind.startsWith('enum:')) return ENUMS[kind.slice(5)]?.[v] ?? v;
  return v;
}

function mismatch(r: Reader, path: string, wt: number): Error {
  return caffeError(`${path} is encoded as ${wireName(wt)}, which does not fit its type`, { offset: r.pos });
}

function decodeMessage(r: Reader, type: string, path: string): PbMessage {
  const fields = MESSAGES[type] ?? {};
  const msg = new PbMessage({ offset: r.pos });
  while (r.pos < r.end) {
    const at = r.pos;
    const tag = r.varint(path);
    const num = Math.floor(tag / 8);
    const wt = tag & 7;
    if (num === 0) throw caffeError(`field number 0 inside ${path || type}`, { offset: at });
    const spec = fields[num];
    if (!spec) {
      skip(r, wt, path);
      continue;
    }
    const [name, kind] = spec;
    const where = { offset: at };
    const sub = path ? `${path}.${name}` : name;
    if (kind.startsWith('msg:')) {
      if (wt !== 2) throw mismatch(r, sub, wt);
      const len = r.varint(sub);
      const start = r.take(len, sub);
      const child = new Reader(r.bytes, start, start + len, r.view);
      msg.fields.push({ name, value: decodeMessage(child, kind.slice(4), sub), where });
    } else if (kind === 'string') {
      if (wt !== 2) throw mismatch(r, sub, wt);
      const len = r.varint(sub);
      const start = r.take(len, sub);
      msg.fields.push({ name, value: utf8.decode(r.bytes.subarray(start, start + len)), where });
    } else if (wt === 2 && (kind === 'floats' || kind === 'doubles')) {
      // Packed blob data: keep a view into the file, never copy.
      const len = r.varint(sub);
      const start = r.take(len, sub);
      msg.fields.push({ name, value: r.bytes.subarray(start, start + len), where });
    } else if (wt === 2) {
      // Packed repeated scalars (dims, coefficients, aspect ratios).
      const len = r.varint(sub);
      const start = r.take(len, sub);
      const child = new Reader(r.bytes, start, start + len, r.view);
      const elemWt = kind === 'float' ? 5 : kind === 'double' ? 1 : 0;
      while (child.pos < child.end) msg.fields.push({ name, value: scalar(child, kind, elemWt, sub), where });
    } else {
      msg.fields.push({ name, value: scalar(r, kind, wt, sub), where });
    }
  }
  return msg;
}

/** Decodes `bytes` as the message `type` of caffe.proto (unknown fields are skipped). */
export function decodeBinary(bytes: Uint8Array, type = 'NetParameter'): PbMessage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return decodeMessage(new Reader(bytes, 0, bytes.length, view), type, '');
}
