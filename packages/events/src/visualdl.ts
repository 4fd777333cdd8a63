/** Decoding of VisualDL `visualdl.Record` payloads (vdlrecords.*.log): one Value per sample. */
import type { Cursor } from './wire.js';

/** `Record.Value` oneof field numbers (visualdl/proto/record.proto). */
export const VdlKind = {
  None: 0,
  Value: 4,
  Image: 5,
  Audio: 6,
  Embeddings: 7,
  Histogram: 8,
  PrCurve: 9,
  MetaData: 10,
  RocCurve: 11,
  Text: 12,
  HParam: 13,
  TagValue: 14,
} as const;

/** One VisualDL value as ranges into the record buffer; reused between values. */
export interface VdlValueView {
  tagStart: number;
  tagEnd: number;
  step: number;
  /** VisualDL timestamps are int64 milliseconds. */
  timestampMs: number;
  kind: number;
  value: number;
  payloadStart: number;
  payloadEnd: number;
}

const view: VdlValueView = {
  tagStart: 0,
  tagEnd: 0,
  step: 0,
  timestampMs: 0,
  kind: 0,
  value: 0,
  payloadStart: 0,
  payloadEnd: 0,
};

/** Decodes the Record at `cur` and calls `onValue` per Value (cursor free to use inside). */
export function decodeVdlRecord(cur: Cursor, onValue: (v: VdlValueView, cur: Cursor) => void): void {
  const end = cur.end;
  while (cur.pos < end) {
    const key = cur.uint32();
    if (key !== 10) {
      cur.skip(key & 7);
      continue;
    }
    const e = cur.delimitedEnd();
    cur.end = e;
    view.tagStart = view.tagEnd = 0;
    view.step = view.timestampMs = 0;
    view.kind = VdlKind.None;
    while (cur.pos < e) {
      const k = cur.uint32();
      const f = k >>> 3;
      const wt = k & 7;
      if (f === 1 && wt === 0) view.step = cur.int64();
      else if (f === 3 && wt === 0) view.timestampMs = cur.int64();
      else if (f === 4 && wt === 5) {
        view.value = cur.float();
        view.kind = VdlKind.Value;
      } else if (wt === 2 && f >= 2 && f <= 14 && f !== 3 && f !== 4) {
        const e2 = cur.delimitedEnd();
        if (f === 2) [view.tagStart, view.tagEnd] = [cur.pos, e2];
        else {
          view.kind = f;
          view.payloadStart = cur.pos;
          view.payloadEnd = e2;
        }
        cur.pos = e2;
      } else cur.skip(wt);
    }
    onValue(view, cur);
    cur.pos = e;
    cur.end = end;
  }
}

/** VisualDL Histogram {repeated double hist = 1; repeated double bin_edges = 2} (packed or not). */
export function readVdlHistogram(cur: Cursor): { hist: number[]; edges: number[] } {
  const hist: number[] = [];
  const edges: number[] = [];
  const end = cur.end;
  while (cur.pos < end) {
    const k = cur.uint32();
    const f = k >>> 3;
    const wt = k & 7;
    const out = f === 1 ? hist : f === 2 ? edges : null;
    if (out && wt === 1) out.push(cur.double());
    else if (out && wt === 2) {
      const e = cur.delimitedEnd();
      cur.end = e;
      while (cur.pos + 8 <= e) out.push(cur.double());
      cur.pos = e;
      cur.end = end;
    } else cur.skip(wt);
  }
  return { hist, edges };
}

/** The range of the first length-delimited field `field` of the message at `cur`, or null. */
export function readBytesField(cur: Cursor, field: number): { start: number; end: number } | null {
  while (cur.pos < cur.end) {
    const k = cur.uint32();
    if (k === ((field << 3) | 2)) {
      const e = cur.delimitedEnd();
      return { start: cur.pos, end: e };
    }
    cur.skip(k & 7);
  }
  return null;
}

/** TagValue {string tag = 1; float value = 2} (from VisualDL's add_scalars). */
export function readVdlTagValue(cur: Cursor): { subTagStart: number; subTagEnd: number; value: number } {
  const r = { subTagStart: 0, subTagEnd: 0, value: 0 };
  while (cur.pos < cur.end) {
    const k = cur.uint32();
    if (k === 10) {
      const e = cur.delimitedEnd();
      r.subTagStart = cur.pos;
      r.subTagEnd = e;
      cur.pos = e;
    } else if (k === 21) r.value = cur.float();
    else cur.skip(k & 7);
  }
  return r;
}
