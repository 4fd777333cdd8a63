/** Cheap ONNX detection: the `.onnx` extension, or a first few protobuf fields that fit ModelProto. */
import { readVarint, type VarintCursor } from './varint.js';

// ModelProto field number → wire type (0 = varint, 2 = length-delimited).
const MODEL_FIELDS: Record<number, number> = {
  1: 0,
  2: 2,
  3: 2,
  4: 2,
  5: 0,
  6: 2,
  7: 2,
  8: 2,
  14: 2,
  20: 2,
  25: 2,
  26: 2,
};
const PROBE_FIELDS = 6;

/** 0–5: how much the first fields look like a ModelProto (5 = starts with a plausible ir_version). */
export function sniffModelProto(bytes: Uint8Array): number {
  const cur: VarintCursor = { pos: 0 };
  let fields = 0;
  let sawGraph = false;
  let irFirst = false;
  try {
    while (cur.pos < bytes.length && fields < PROBE_FIELDS) {
      const tag = readVarint(bytes, cur, bytes.length, true);
      const num = Math.floor(tag / 8);
      if (MODEL_FIELDS[num] !== (tag & 7)) return 0;
      const value = readVarint(bytes, cur, bytes.length, true);
      if ((tag & 7) === 2) {
        if (value > bytes.length - cur.pos) return 0;
        cur.pos += value;
      } else if (num === 1 && fields === 0 && value >= 1 && value <= 64) irFirst = true;
      if (num === 7) sawGraph = true;
      fields++;
    }
  } catch {
    return 0;
  }
  if (irFirst) return 5;
  return sawGraph || fields >= 3 ? 2 : 0;
}
