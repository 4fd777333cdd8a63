/** Decoding of one tensorboard.Event record and dispatch of its contents to an EventSink. */
import type { Cursor } from './wire.js';
import type { ValueView } from './summary.js';
import { newValueView, readValue } from './summary.js';
import { utf8At } from './wire.js';

/** SessionLog.status values. */
export const SessionStatus = { UNSPECIFIED: 0, START: 1, STOP: 2, CHECKPOINT: 3 } as const;

/** Which `Event.what` oneof member an event carries; `empty` = none (old tensorboardX first record). */
export type EventKind =
  | 'empty'
  | 'file_version'
  | 'graph_def'
  | 'summary'
  | 'log_message'
  | 'session_log'
  | 'tagged_run_metadata'
  | 'meta_graph_def';

const KIND_BY_FIELD: Record<number, EventKind> = {
  3: 'file_version',
  4: 'graph_def',
  5: 'summary',
  6: 'log_message',
  7: 'session_log',
  8: 'tagged_run_metadata',
  9: 'meta_graph_def',
};

/**
 * Receives one event at a time. All ranges index `cur.buf` and are valid only during the call.
 * `begin` comes first; the other calls follow for the event's oneof member.
 */
export interface EventSink {
  begin(kind: EventKind, step: number, wallTime: number): void;
  fileVersion(version: string): void;
  sessionLog(status: number, checkpointPath: string, message: string): void;
  /** graph_def or meta_graph_def bytes. */
  graph(kind: 'graph_def' | 'meta_graph_def', start: number, end: number): void;
  taggedRunMetadata(tagStart: number, tagEnd: number, start: number, end: number): void;
  /** One Summary.Value; `cur` is positioned on nothing in particular and may be used freely. */
  value(v: ValueView, cur: Cursor): void;
  /** Called after the last value of a summary event. */
  end(): void;
  /**
   * Optional fast path for the commonest event, one `simple_value` ([step, wall time, value] in
   * `point`): return false to have the event decoded the general way (nothing recorded then).
   */
  simpleScalar?(tagStart: number, tagEnd: number, point: Float64Array): boolean;
}

// [step, wall time, value] of the fast path. Doubles passed as call arguments are boxed on the heap
// when the callee is not inlined; a shared typed array keeps the per-record path allocation-free.
const point = new Float64Array(3);

const view = newValueView();

/**
 * Decodes the Event in `cur` ([pos, end)). Returns false when the event's wall_time is NaN (skipped,
 * as RustBoard refuses such events). Throws WireError on malformed bytes; values already delivered stay.
 */
export function decodeEvent(cur: Cursor, sink: EventSink): boolean {
  if (sink.simpleScalar && simpleScalar(cur, sink)) return true;
  const buf = cur.buf;
  const end = cur.end;
  let wall = 0;
  let step = 0;
  let field = 0;
  let wStart = 0;
  let wEnd = 0;
  // One pass over the top level: scalars and the oneof's range; proto field order is not guaranteed.
  while (cur.pos < end) {
    const key = cur.uint32();
    if (key === 9) wall = cur.double();
    else if (key === 16) step = cur.int64();
    else if ((key & 7) === 2 && key >>> 3 >= 3 && key >>> 3 <= 9) {
      const e = cur.delimitedEnd();
      field = key >>> 3;
      wStart = cur.pos;
      wEnd = e;
      cur.pos = e;
    } else cur.skip(key & 7);
  }
  if (wall !== wall) return false;
  const kind = field ? KIND_BY_FIELD[field]! : 'empty';
  sink.begin(kind, step, wall);
  switch (field) {
    case 3:
      sink.fileVersion(utf8At(buf, wStart, wEnd));
      break;
    case 4:
    case 9:
      sink.graph(field === 4 ? 'graph_def' : 'meta_graph_def', wStart, wEnd);
      break;
    case 5:
      cur.pos = wStart;
      cur.end = wEnd;
      while (cur.pos < wEnd) {
        const key = cur.uint32();
        if (key !== 10) {
          cur.skip(key & 7);
          continue;
        }
        const e = cur.delimitedEnd();
        cur.end = e;
        readValue(cur, view);
        sink.value(view, cur);
        cur.pos = e;
        cur.end = wEnd;
      }
      break;
    case 7: {
      cur.pos = wStart;
      cur.end = wEnd;
      let status = 0;
      let path = '';
      let msg = '';
      while (cur.pos < wEnd) {
        const key = cur.uint32();
        if (key === 8) status = cur.uint32();
        else if (key === 18 || key === 26) {
          const e = cur.delimitedEnd();
          if (key === 18) path = utf8At(buf, cur.pos, e);
          else msg = utf8At(buf, cur.pos, e);
          cur.pos = e;
        } else cur.skip(key & 7);
      }
      sink.sessionLog(status, path, msg);
      break;
    }
    case 8: {
      cur.pos = wStart;
      cur.end = wEnd;
      let ts = 0;
      let te = 0;
      let rs = 0;
      let re = 0;
      while (cur.pos < wEnd) {
        const key = cur.uint32();
        if (key === 10 || key === 18) {
          const e = cur.delimitedEnd();
          if (key === 10) [ts, te] = [cur.pos, e];
          else [rs, re] = [cur.pos, e];
          cur.pos = e;
        } else cur.skip(key & 7);
      }
      sink.taggedRunMetadata(ts, te, rs, re);
      break;
    }
  }
  sink.end();
  return true;
}

/**
 * Recognises the byte layout every writer uses for one scalar — `09 wall | 10 step | 2a n | 0a n |
 * 0a n tag | 15 f32` with one-byte lengths — and hands it to the sink without the general decoder.
 * Anything else (other fields, field order, long tags, negative steps) returns false.
 */
function simpleScalar(cur: Cursor, sink: EventSink): boolean {
  const b = cur.buf;
  const end = cur.end;
  let p = cur.pos;
  if (end - p < 20 || b[p] !== 0x09) return false;
  const wall = cur.view.getFloat64(p + 1, true);
  p += 9;
  let step = 0;
  if (b[p] === 0x10) {
    p++;
    // Up to 5 varint bytes (steps < 2^35); longer ones take the general path.
    let shift = 1;
    for (let i = 0; ; i++) {
      if (i === 5) return false;
      const c = b[p++]!;
      step += (c & 0x7f) * shift;
      shift *= 128;
      if (c < 0x80) break;
    }
  }
  if (b[p] !== 0x2a || b[p + 1]! >= 0x80 || p + 2 + b[p + 1]! !== end) return false;
  p += 2;
  if (b[p] !== 0x0a || b[p + 1]! >= 0x80 || p + 2 + b[p + 1]! !== end) return false;
  p += 2;
  if (b[p] !== 0x0a || b[p + 1]! >= 0x80) return false;
  const tagStart = p + 2;
  const tagEnd = tagStart + b[p + 1]!;
  if (tagEnd + 5 !== end || b[tagEnd] !== 0x15 || wall !== wall) return false;
  point[0] = step;
  point[1] = wall;
  point[2] = cur.view.getFloat32(tagEnd + 1, true);
  return sink.simpleScalar!(tagStart, tagEnd, point);
}
