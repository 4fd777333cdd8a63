/** Encoding of tensorboard.Event records from plain objects (the writer side of event.ts and summary.ts). */
import { ProtoWriter } from './proto-writer.js';

/** SummaryMetadata to write. */
export interface MetadataSpec {
  pluginName: string;
  content?: Uint8Array;
  displayName?: string;
  description?: string;
  /** 1 scalar, 2 tensor, 3 blob sequence. */
  dataClass?: number;
}

/** A TensorProto to write: numbers go to tensor_content (little-endian), strings to string_val. */
export interface TensorSpec {
  /** 1 DT_FLOAT, 2 DT_DOUBLE, 7 DT_STRING (others are not written by nnlens). */
  dtype: 1 | 2 | 7;
  shape: number[];
  values?: ArrayLike<number>;
  strings?: Uint8Array[];
}

/** HistogramProto fields. */
export interface HistoSpec {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  bucketLimit: ArrayLike<number>;
  bucket: ArrayLike<number>;
}

/** One Summary.Value: exactly one of the value fields (or none for metadata-only values). */
export interface ValueSpec {
  tag: string;
  metadata?: MetadataSpec;
  simpleValue?: number;
  histo?: HistoSpec;
  image?: { width: number; height: number; colorspace: number; encoded: Uint8Array };
  audio?: {
    sampleRate: number;
    numChannels: number;
    lengthFrames: number;
    encoded: Uint8Array;
    contentType: string;
  };
  tensor?: TensorSpec;
}

/** One Event: wall time, step and one of the `what` members. */
export interface EventSpec {
  wallTime: number;
  step?: number;
  fileVersion?: string;
  summary?: ValueSpec[];
  graphDef?: Uint8Array;
  sessionLog?: { status: number; checkpointPath?: string; message?: string };
  taggedRunMetadata?: { tag: string; runMetadata: Uint8Array };
}

function writeTensor(w: ProtoWriter, t: TensorSpec): void {
  w.varint(1, t.dtype);
  w.message(2, (s) => {
    for (const d of t.shape) s.message(2, (dim) => dim.varint(1, d));
  });
  if (t.dtype === 7) for (const x of t.strings ?? []) w.bytes(8, x);
  else if (t.values) {
    const vals = t.values;
    const content = t.dtype === 1 ? Float32Array.from(vals) : Float64Array.from(vals);
    w.bytes(4, new Uint8Array(content.buffer));
  }
}

function writeValue(w: ProtoWriter, v: ValueSpec): void {
  w.string(1, v.tag);
  const m = v.metadata;
  if (m)
    w.message(9, (mw) => {
      mw.message(1, (pd) => {
        pd.string(1, m.pluginName);
        if (m.content?.length) pd.bytes(2, m.content);
      });
      if (m.displayName) mw.string(2, m.displayName);
      if (m.description) mw.string(3, m.description);
      if (m.dataClass) mw.varint(4, m.dataClass);
    });
  if (v.simpleValue !== undefined) w.float(2, v.simpleValue);
  else if (v.histo) {
    const h = v.histo;
    w.message(5, (hw) => {
      hw.double(1, h.min).double(2, h.max).double(3, h.num).double(4, h.sum).double(5, h.sumSquares);
      hw.packedDoubles(6, h.bucketLimit).packedDoubles(7, h.bucket);
    });
  } else if (v.image) {
    const im = v.image;
    w.message(4, (iw) =>
      iw.varint(1, im.height).varint(2, im.width).varint(3, im.colorspace).bytes(4, im.encoded),
    );
  } else if (v.audio) {
    const a = v.audio;
    w.message(6, (aw) =>
      aw
        .float(1, a.sampleRate)
        .varint(2, a.numChannels)
        .varint(3, a.lengthFrames)
        .bytes(4, a.encoded)
        .string(5, a.contentType),
    );
  } else if (v.tensor) {
    const t = v.tensor;
    w.message(8, (tw) => writeTensor(tw, t));
  }
}

/** Serialises an Event. */
export function encodeEvent(e: EventSpec): Uint8Array {
  const w = new ProtoWriter();
  w.double(1, e.wallTime);
  if (e.step) w.varint(2, e.step);
  if (e.fileVersion !== undefined) w.string(3, e.fileVersion);
  else if (e.graphDef) w.bytes(4, e.graphDef);
  else if (e.summary)
    w.message(5, (sw) => e.summary!.forEach((v) => sw.message(1, (vw) => writeValue(vw, v))));
  else if (e.sessionLog) {
    const s = e.sessionLog;
    w.message(7, (lw) => {
      lw.varint(1, s.status);
      if (s.checkpointPath) lw.string(2, s.checkpointPath);
      if (s.message) lw.string(3, s.message);
    });
  } else if (e.taggedRunMetadata) {
    const t = e.taggedRunMetadata;
    w.message(8, (tw) => tw.string(1, t.tag).bytes(2, t.runMetadata));
  }
  return w.finish();
}
