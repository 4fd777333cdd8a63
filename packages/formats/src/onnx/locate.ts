/** After a failed decode, re-walks the protobuf wire format to say which field broke, where, and why. */
import { onnxFields } from './generated/onnx-fields.js';
import { readVarint, type VarintCursor } from './varint.js';

/** One level of the path to the fault: `GraphProto.initializer[12]` holding a TensorProto named 'w'. */
export interface FaultStep {
  message: string;
  field: string;
  index: number | null;
  child: string;
  name?: string;
}

/** Where and why the bytes stop being a valid ModelProto. */
export interface WireFault {
  /** File size for a truncation, else the byte where the bad data starts. */
  offset: number;
  truncated: boolean;
  reason: string;
  steps: FaultStep[];
  /** The non-message field being read when the fault was found. */
  leaf?: string;
}

const MAX_DEPTH = 100; // protobufjs' recursion limit: deeper files fail to decode, so report them here too
const strict = new TextDecoder('utf-8', { fatal: true });
const FIXED: Record<string, number> = {
  float: 4,
  fixed32: 4,
  sfixed32: 4,
  double: 8,
  fixed64: 8,
  sfixed64: 8,
};
const VARINT = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'bool', 'enum']);

interface Walk {
  buf: Uint8Array;
  steps: FaultStep[];
}

function fault(w: Walk, offset: number, truncated: boolean, reason: string, leaf?: string): WireFault {
  const f: WireFault = {
    offset: truncated ? w.buf.length : offset,
    truncated,
    reason,
    steps: w.steps.slice(),
  };
  if (leaf !== undefined) f.leaf = leaf;
  return f;
}

function checkScalar(w: Walk, type: string, start: number, end: number, leaf: string): WireFault | null {
  if (type === 'string') {
    try {
      strict.decode(w.buf.subarray(start, end));
    } catch {
      return fault(w, start, false, 'invalid UTF-8 in a string', leaf);
    }
  } else if (FIXED[type] && (end - start) % FIXED[type] !== 0) {
    return fault(w, start, false, `packed ${type} data of ${end - start} bytes`, leaf);
  } else if (VARINT.has(type)) {
    const cur: VarintCursor = { pos: start };
    try {
      while (cur.pos < end) readVarint(w.buf, cur, end);
    } catch {
      return fault(w, cur.pos, false, 'a packed varint overruns its field', leaf);
    }
  }
  return null;
}

// `clamped`: the message's declared end lies beyond the file, so running off its end means truncation.
function walk(
  w: Walk,
  type: string,
  start: number,
  end: number,
  clamped: boolean,
  depth: number,
): WireFault | null {
  if (depth > MAX_DEPTH) return fault(w, start, false, `messages nested deeper than ${MAX_DEPTH} levels`);
  const fields = onnxFields[type] ?? {};
  const counts = new Map<number, number>();
  const cur: VarintCursor = { pos: start };
  let groupDepth = 0;
  while (cur.pos < end) {
    const at = cur.pos;
    let tag: number;
    try {
      tag = readVarint(w.buf, cur, end, true);
    } catch {
      return fault(w, at, clamped, 'a field tag runs past the end');
    }
    const wt = tag & 7;
    const num = Math.floor(tag / 8);
    if (num === 0) return fault(w, at, false, 'field number 0');
    const spec = fields[num];
    const index = spec?.[2] ? (counts.get(num) ?? 0) : null;
    if (index !== null) counts.set(num, index + 1);
    const leaf = `${spec ? spec[0] : `#${num}`}${index === null ? '' : `[${index}]`}`;
    if (wt === 0) {
      try {
        readVarint(w.buf, cur, end);
      } catch {
        return fault(w, at, clamped, 'a varint runs past the end', leaf);
      }
    } else if (wt === 1 || wt === 5) {
      cur.pos += wt === 1 ? 8 : 4;
      if (cur.pos > end) return fault(w, at, clamped, 'a fixed-size value runs past the end', leaf);
    } else if (wt === 2) {
      let len: number;
      try {
        len = readVarint(w.buf, cur, end, true);
      } catch {
        return fault(w, at, clamped, 'a length prefix runs past the end', leaf);
      }
      const s = cur.pos;
      const over = len > end - s;
      if (over && !clamped) {
        return fault(
          w,
          at,
          false,
          `length ${len} overruns the enclosing ${type} (ends at byte ${end})`,
          leaf,
        );
      }
      const e = over ? end : s + len;
      const child = spec && onnxFields[spec[1]] ? spec[1] : null;
      if (child) {
        w.steps.push({ message: type, field: spec![0], index, child });
        const inner = walk(w, child, s, e, over, depth + 1);
        if (inner) return inner;
        if (over) return fault(w, at, true, 'the message is cut short');
        w.steps.pop();
      } else if (over) {
        return fault(w, at, true, `a ${len}-byte field is cut short`, leaf);
      } else if (spec) {
        const bad = checkScalar(w, spec[1], s, e, leaf);
        if (bad) return bad;
        if (spec[0] === 'name' && spec[1] === 'string' && w.steps.length) {
          w.steps[w.steps.length - 1]!.name = strict.decode(w.buf.subarray(s, e));
        }
      }
      cur.pos = e;
    } else if (wt === 3) {
      groupDepth++;
      if (groupDepth + depth > MAX_DEPTH) return fault(w, at, false, 'groups nested too deeply', leaf);
    } else if (wt === 4) {
      if (groupDepth === 0) return fault(w, at, false, 'an end-group tag without a start', leaf);
      groupDepth--;
    } else {
      return fault(w, at, false, `invalid wire type ${wt}`, leaf);
    }
  }
  if (groupDepth > 0) return fault(w, end, clamped, 'a group is not closed');
  return null;
}

/** The first structural fault in `bytes` read as a ModelProto, or null when the wire format is sound. */
export function locateFault(bytes: Uint8Array): WireFault | null {
  return walk({ buf: bytes, steps: [] }, 'ModelProto', 0, bytes.length, true, 0);
}

/** `GraphProto.initializer[12] (TensorProto 'conv1.weight')`, or `ModelProto` at the top level. */
export function describeFault(f: WireFault): string {
  const s = f.steps[f.steps.length - 1];
  if (!s) return f.leaf ? `ModelProto.${f.leaf}` : 'ModelProto';
  const at = `${s.message}.${s.field}${s.index === null ? '' : `[${s.index}]`}`;
  const what = s.name ? `${s.child} '${s.name}'` : s.child;
  return `${at} (${what})${f.leaf ? `, field ${f.leaf}` : ''}`;
}

/** Dotted path from the root: `graph.initializer[12].raw_data`. */
export function faultPath(f: WireFault): string {
  const parts = f.steps.map((s) => `${s.field}${s.index === null ? '' : `[${s.index}]`}`);
  if (f.leaf) parts.push(f.leaf);
  return parts.join('.');
}
