/** Public data shapes of the event store: series kinds and the samples each kind keeps. */
import type { HParamsPluginData } from './hparams.js';

/** What a series holds; decided by the first metadata (or, without one, the first value) of a (run, tag). */
export type SeriesKind =
  | 'scalar'
  | 'histogram'
  | 'image'
  | 'audio'
  | 'text'
  | 'tensor'
  | 'hparams'
  | 'graph'
  | 'run_metadata'
  | 'meta';

/** Bytes of a file kept by reference (graphs, run metadata): read them later from `file`. */
export interface ByteRef {
  file: string;
  start: number;
  end: number;
}

/** A histogram as TensorBoard's `[k, 3]` tensor (left edge, right edge, count), plus the legacy statistics. */
export interface HistogramValue {
  /** Row-major k×3: left, right, count. */
  buckets: Float64Array;
  /** From HistogramProto when the writer recorded them; NaN otherwise. */
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
}

/** One image step: one or more encoded images (PNG/JPEG/GIF bytes, copied out of the file). */
export interface ImageValue {
  blobs: Uint8Array[];
  width: number;
  height: number;
  /** 'png' | 'jpeg' | 'gif' | 'unknown', from the first image's magic bytes. */
  format: string;
}

/** One audio step: encoded clips (WAV in practice) with optional labels. */
export interface AudioValue {
  blobs: Uint8Array[];
  labels: string[];
  sampleRate: number;
  contentType: string;
}

/** One text step: a string tensor (rank 0 is one string; higher ranks are tables). */
export interface TextValue {
  strings: string[];
  shape: number[];
}

/** A generic tensor step (PR curves, custom scalars, meshes, unknown plugins). */
export interface TensorSample {
  dtype: string;
  shape: number[];
  values: Float64Array | null;
  strings: Uint8Array[] | null;
}

/** Payload kept per sample, by series kind. */
export interface SampleValueByKind {
  scalar: number;
  histogram: HistogramValue;
  image: ImageValue;
  audio: AudioValue;
  text: TextValue;
  tensor: TensorSample;
  hparams: HParamsPluginData;
  graph: ByteRef[];
  run_metadata: ByteRef;
  meta: string;
}

/** Default samples kept per (run, tag): RustBoard's current defaults; 0 = keep all. */
export const DEFAULT_SAMPLES: Readonly<Record<SeriesKind, number>> = {
  scalar: 0,
  histogram: 100,
  tensor: 100,
  text: 100,
  hparams: 10,
  image: 10,
  audio: 10,
  graph: 10,
  run_metadata: 10,
  meta: 10,
};
