/** Decoding of Summary.Value and its small sub-messages (SummaryMetadata, Image, Audio, HistogramProto). */
import type { Cursor } from './wire.js';
import { utf8At } from './wire.js';

/** Which `Summary.Value.value` oneof member a value carries (`none` = metadata only, e.g. hparams). */
export const ValueKind = {
  None: 0,
  Simple: 2,
  OldHisto: 3,
  Image: 4,
  Histo: 5,
  Audio: 6,
  Tensor: 8,
} as const;
/** A `ValueKind` number. */
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind];

/** One Summary.Value as byte ranges into the record buffer; reused between values, so copy what you keep. */
export interface ValueView {
  tagStart: number;
  tagEnd: number;
  /** Range of SummaryMetadata, or metaStart = -1 when absent. */
  metaStart: number;
  metaEnd: number;
  kind: ValueKind;
  /** Range of the oneof payload (sub-message), unused for simple values. */
  payloadStart: number;
  payloadEnd: number;
  simpleValue: number;
}

/** A fresh, empty ValueView. */
export function newValueView(): ValueView {
  return {
    tagStart: 0,
    tagEnd: 0,
    metaStart: -1,
    metaEnd: -1,
    kind: ValueKind.None,
    payloadStart: 0,
    payloadEnd: 0,
    simpleValue: 0,
  };
}

/** Reads the Summary.Value message at `cur` (which ends at cur.end) into `v`. */
export function readValue(cur: Cursor, v: ValueView): void {
  v.tagStart = v.tagEnd = 0;
  v.metaStart = v.metaEnd = -1;
  v.kind = ValueKind.None;
  let nodeStart = -1;
  let nodeEnd = -1;
  while (cur.pos < cur.end) {
    const key = cur.uint32();
    const f = key >>> 3;
    const wt = key & 7;
    if (f === 2 && wt === 5) {
      v.simpleValue = cur.float();
      v.kind = ValueKind.Simple;
    } else if (
      wt === 2 &&
      (f === 1 || f === 7 || f === 9 || f === 3 || f === 4 || f === 5 || f === 6 || f === 8)
    ) {
      const e = cur.delimitedEnd();
      if (f === 1) {
        v.tagStart = cur.pos;
        v.tagEnd = e;
      } else if (f === 7) {
        nodeStart = cur.pos;
        nodeEnd = e;
      } else if (f === 9) {
        v.metaStart = cur.pos;
        v.metaEnd = e;
      } else {
        v.kind = f as ValueKind;
        v.payloadStart = cur.pos;
        v.payloadEnd = e;
      }
      cur.pos = e;
    } else cur.skip(wt);
  }
  // TF1 summaries before tags existed used node_name; TensorBoard falls back to it.
  if (v.tagEnd === v.tagStart && nodeStart >= 0) {
    v.tagStart = nodeStart;
    v.tagEnd = nodeEnd;
  }
}

/** SummaryMetadata: which plugin owns the series and its plugin-specific content. */
export interface SummaryMetadata {
  pluginName: string | null;
  /** Plugin content bytes (copied). */
  content: Uint8Array;
  displayName: string;
  description: string;
  /** DataClass: 0 unknown, 1 scalar, 2 tensor, 3 blob sequence. */
  dataClass: number;
}

/** Decodes SummaryMetadata at `cur`. */
export function readMetadata(cur: Cursor): SummaryMetadata {
  const m: SummaryMetadata = {
    pluginName: null,
    content: new Uint8Array(0),
    displayName: '',
    description: '',
    dataClass: 0,
  };
  const b = cur.buf;
  while (cur.pos < cur.end) {
    const key = cur.uint32();
    const f = key >>> 3;
    const wt = key & 7;
    if (f === 1 && wt === 2) {
      const e = cur.delimitedEnd();
      const outer = cur.end;
      cur.end = e;
      m.pluginName = '';
      while (cur.pos < cur.end) {
        const k2 = cur.uint32();
        if (k2 === 10 || k2 === 18) {
          const e2 = cur.delimitedEnd();
          if (k2 === 10) m.pluginName = utf8At(b, cur.pos, e2);
          else m.content = b.slice(cur.pos, e2);
          cur.pos = e2;
        } else cur.skip(k2 & 7);
      }
      cur.end = outer;
    } else if ((f === 2 || f === 3) && wt === 2) {
      const e = cur.delimitedEnd();
      if (f === 2) m.displayName = utf8At(b, cur.pos, e);
      else m.description = utf8At(b, cur.pos, e);
      cur.pos = e;
    } else if (f === 4 && wt === 0) m.dataClass = cur.uint32();
    else cur.skip(wt);
  }
  return m;
}

/** Summary.Image: an encoded image (PNG in practice) with its declared size. */
export interface ImageValue {
  width: number;
  height: number;
  colorspace: number;
  /** Range of encoded_image_string in the record buffer. */
  start: number;
  end: number;
}

/** Decodes Summary.Image at `cur`. */
export function readImage(cur: Cursor): ImageValue {
  const im: ImageValue = { width: 0, height: 0, colorspace: 0, start: 0, end: 0 };
  while (cur.pos < cur.end) {
    const key = cur.uint32();
    if (key === 8) im.height = cur.uint32() | 0;
    else if (key === 16) im.width = cur.uint32() | 0;
    else if (key === 24) im.colorspace = cur.uint32() | 0;
    else if (key === 34) {
      im.end = cur.delimitedEnd();
      im.start = cur.pos;
      cur.pos = im.end;
    } else cur.skip(key & 7);
  }
  return im;
}

/** Summary.Audio: encoded audio (WAV in practice). */
export interface AudioValue {
  sampleRate: number;
  numChannels: number;
  lengthFrames: number;
  contentType: string;
  start: number;
  end: number;
}

/** Decodes Summary.Audio at `cur`. */
export function readAudio(cur: Cursor): AudioValue {
  const a: AudioValue = { sampleRate: 0, numChannels: 0, lengthFrames: 0, contentType: '', start: 0, end: 0 };
  while (cur.pos < cur.end) {
    const key = cur.uint32();
    if (key === 13) a.sampleRate = cur.float();
    else if (key === 16) a.numChannels = cur.int64();
    else if (key === 24) a.lengthFrames = cur.int64();
    else if (key === 34 || key === 42) {
      const e = cur.delimitedEnd();
      if (key === 34) {
        a.start = cur.pos;
        a.end = e;
      } else a.contentType = utf8At(cur.buf, cur.pos, e);
      cur.pos = e;
    } else cur.skip(key & 7);
  }
  return a;
}

/** HistogramProto as written by TF1/PyTorch: bucket i counts values up to bucket_limit[i]. */
export interface HistoValue {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  bucketLimit: Float64Array;
  bucket: Float64Array;
}

/** Decodes HistogramProto at `cur` (packed or unpacked repeated doubles). */
export function readHisto(cur: Cursor): HistoValue {
  let min = 0,
    max = 0,
    num = 0,
    sum = 0,
    sumSquares = 0;
  const limits: number[] = [];
  const counts: number[] = [];
  while (cur.pos < cur.end) {
    const key = cur.uint32();
    const f = key >>> 3;
    const wt = key & 7;
    if (wt === 1 && f >= 1 && f <= 7) {
      const x = cur.double();
      if (f === 1) min = x;
      else if (f === 2) max = x;
      else if (f === 3) num = x;
      else if (f === 4) sum = x;
      else if (f === 5) sumSquares = x;
      else (f === 6 ? limits : counts).push(x);
    } else if (wt === 2 && (f === 6 || f === 7)) {
      const e = cur.delimitedEnd();
      const out = f === 6 ? limits : counts;
      const outer = cur.end;
      cur.end = e;
      while (cur.pos + 8 <= e) out.push(cur.double());
      cur.end = outer;
      cur.pos = e;
    } else cur.skip(wt);
  }
  return {
    min,
    max,
    num,
    sum,
    sumSquares,
    bucketLimit: Float64Array.from(limits),
    bucket: Float64Array.from(counts),
  };
}
