/** Test helper: a minimal protobuf writer to build ONNX messages by hand (edge cases no corpus file has). */

/** One encoded field or a concatenation of fields. */
export type Bytes = Uint8Array;

function varintBytes(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}

/** Concatenates encoded parts. */
export function cat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function tag(field: number, wire: number): number[] {
  return varintBytes(field * 8 + wire);
}

/** A varint field (int32/int64/enum; negative numbers as 10-byte two's complement). */
export function vint(field: number, value: number | bigint): Bytes {
  return Uint8Array.from([...tag(field, 0), ...varintBytes(value)]);
}

/** A length-delimited field holding raw bytes. */
export function lenField(field: number, payload: Bytes): Bytes {
  return cat(Uint8Array.from([...tag(field, 2), ...varintBytes(payload.length)]), payload);
}

/** A string field. */
export function str(field: number, s: string): Bytes {
  return lenField(field, new TextEncoder().encode(s));
}

/** An embedded message field. */
export function msg(field: number, ...parts: Bytes[]): Bytes {
  return lenField(field, cat(...parts));
}

/** A 32-bit float field (wire type 5). */
export function f32(field: number, v: number): Bytes {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, v, true);
  return cat(Uint8Array.from(tag(field, 5)), b);
}

/** Little-endian float32 bytes. */
export function floatBytes(values: number[]): Bytes {
  const b = new Uint8Array(values.length * 4);
  const dv = new DataView(b.buffer);
  values.forEach((v, i) => dv.setFloat32(i * 4, v, true));
  return b;
}

/** A packed repeated float field. */
export function packedFloats(field: number, values: number[]): Bytes {
  return lenField(field, floatBytes(values));
}

/** A packed repeated varint field. */
export function packedVarints(field: number, values: (number | bigint)[]): Bytes {
  return lenField(field, Uint8Array.from(values.flatMap((v) => varintBytes(v))));
}
