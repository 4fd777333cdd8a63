/** Entry to the generated ONNX protobuf code, with the view-keeping TensorProto decoder swapped in. */
import protobuf from 'protobufjs/minimal.js';
import { onnx } from './generated/onnx.js';
import { DecodedTensor, decodeTensorProto, type ReaderLike } from './tensor-proto.js';
import { readVarint } from './varint.js';

export { onnx };
export { DecodedTensor };

// The generated decoders call `$root.onnx.TensorProto.decode` for every nested tensor; routing that
// through our decoder keeps payloads as views and dims as numbers instead of Long objects.
(onnx.TensorProto as unknown as { decode: typeof decodeTensorProto }).decode = decodeTensorProto;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// protobufjs builds short strings by `+=`, leaving rope strings that every Map lookup of a value name
// must flatten again; the native decoder returns flat strings and is faster here too.
function stringVerify(this: protobuf.Reader): string {
  return strictUtf8.decode(this.bytes());
}

// protobufjs returns a Long object per int64 (attribute ints, dims); plain numbers avoid that garbage.
// Values beyond 2^53 round, which is what every consumer's Number() would do anyway.
function int64Number(this: protobuf.Reader): number {
  const cur = { pos: this.pos };
  const v = readVarint(this.buf, cur, this.len);
  this.pos = cur.pos;
  return v;
}

/** Decodes a whole ModelProto; throws whatever protobufjs or the tensor decoder throws on bad input. */
export function decodeModelProto(bytes: Uint8Array): onnx.ModelProto {
  // A plain Uint8Array reader (not Node's BufferReader) so every bytes field is a plain Uint8Array view.
  const plain = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new protobuf.Reader(plain);
  reader.discardUnknown = true;
  const patched = reader as unknown as { stringVerify: typeof stringVerify; int64: typeof int64Number };
  patched.stringVerify = stringVerify;
  patched.int64 = int64Number;
  return onnx.ModelProto.decode(reader);
}

/** Views a TensorProto slot of the generated types as what our decoder really put there. */
export function asDecodedTensor(t: unknown): DecodedTensor {
  if (!(t instanceof DecodedTensor)) throw new TypeError('TensorProto was not decoded by decodeTensorProto');
  return t;
}

/** A protobufjs int64 (Long or number) as a number. */
export function int64(v: number | { toNumber(): number } | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

export type { ReaderLike };
