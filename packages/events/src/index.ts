/** @nnlens/events: TensorBoard/VisualDL logs in the browser or Node — read, store, query, export, encode. */

/** CRC-32C in JS (slicing-by-8): unsigned, and the allocation-free int32 form; TFRecord masking. */
export { crc32cJs, crc32cInt, maskCrc32c } from './crc32c.js';
/** Signature of an injectable CRC-32C over `buf[start, end)`. */
export type { Crc32cFn } from './crc32c.js';
/** Typed error for invalid input, with file and byte offset. */
export { EventsError } from './errors.js';
/** A located problem (damage, skipped value) reported while reading. */
export type { Problem, ProblemCode } from './errors.js';
/** Log container of a file name ('tfevents' | 'visualdl' | null). */
export { logFormatOf } from './framing.js';
/** Log container kinds. */
export type { LogFormat } from './framing.js';
/** The in-memory store of runs; implements DataProvider. */
export { EventStore } from './store.js';
/** Store settings and memory report. */
export type { StoreOptions, StoreMemory } from './store.js';
/** Restart handling mode. */
export type { PurgeMode } from './ingest.js';
/** Incremental reader of one log file (resumes at the last whole record). */
export { LogFileReader } from './log-file.js';
/** Per-file health, purge records, graphs and session logs of a run. */
export type { FileHealth, PurgeRecord, PurgeReason, GraphRef, SessionLogEntry } from './run.js';
/** The DataProvider interface and the shapes it returns. */
export type {
  DataProvider,
  DataChange,
  RunInfo,
  TagInfo,
  ScalarSeries,
  SampledSeries,
  BlobData,
  HParamsData,
  HParamsSession,
} from './provider.js';
/** A reservoir sample with its step and wall time. */
export type { Sample } from './reservoir.js';
/** Series kinds, sampled payload shapes and default reservoir sizes. */
export { DEFAULT_SAMPLES } from './types.js';
/** Series kinds and sampled payload shapes. */
export type {
  SeriesKind,
  ByteRef,
  HistogramValue,
  ImageValue,
  AudioValue,
  TextValue,
  TensorSample,
} from './types.js';
/** hparams plugin data shapes. */
export type {
  HParamsPluginData,
  HParamsExperiment,
  HParamInfo,
  MetricInfo,
  SessionStartInfo,
  SessionEndInfo,
  HParamValue,
} from './hparams.js';
/** Decodes HParamsPluginData bytes. */
export { decodeHParamsPluginData } from './hparams.js';
/** Encodes HParamsPluginData bytes. */
export { encodeHParamsPluginData } from './hparams-encoder.js';
/** Serialises a tensorboard.Event. */
export { encodeEvent } from './event-encoder.js';
/** Shapes accepted by encodeEvent. */
export type { EventSpec, ValueSpec, MetadataSpec, TensorSpec, HistoSpec } from './event-encoder.js';
/** Frames records (TFRecord + masked CRC) into a buffer, with a fast scalar path. */
export { TfRecordWriter } from './record-writer.js';
/** TF default histogram buckets and HistogramProto building. */
export { defaultBucketLimits, buildHisto } from './histogram-build.js';
/** Image format sniffing, PNG/GIF size, WAV sample rate and MIME types. */
export { sniffFormat, imageSize, contentTypeOf, wavSampleRate } from './convert.js';
/** Export of a provider's data as JSON or CSV, whole or as streamable pieces. */
export { exportLogdir, exportLogdirChunks } from './export.js';
/** Export options and JSON shape. */
export type { ExportOptions, ExportJson, ExportTag } from './export.js';
