/** The DataProvider interface: what dashboards (and the HTTP server) may ask of a log store. */
import type { Problem } from './errors.js';
import type { HParamsExperiment, HParamValue } from './hparams.js';
import type { Sample } from './reservoir.js';
import type { FileHealth, GraphRef, PurgeRecord, SessionLogEntry } from './run.js';
import type {
  AudioValue,
  ByteRef,
  HistogramValue,
  ImageValue,
  SeriesKind,
  TensorSample,
  TextValue,
} from './types.js';

/** A run as listed to clients. */
export interface RunInfo {
  run: string;
  /** Wall time (s) of the run's first event, or null before any. */
  startTime: number | null;
  files: FileHealth[];
  tagCount: number;
  problemCount: number;
  purgedPoints: number;
}

/** A (run, tag) as listed to clients; counts are of visible records (after purges), not of samples. */
export interface TagInfo {
  run: string;
  tag: string;
  kind: SeriesKind;
  plugin: string;
  displayName: string;
  description: string;
  count: number;
  /** Samples held for non-scalar kinds (≤ the configured reservoir size). */
  sampled: number;
  firstStep: number | null;
  lastStep: number | null;
  lastWallTime: number | null;
}

/** A scalar series at full resolution. */
export interface ScalarSeries {
  run: string;
  tag: string;
  steps: Float64Array;
  wallTimes: Float64Array;
  values: Float64Array;
}

/** A sampled series of payloads (histograms, images, audio, text, tensors). */
export interface SampledSeries<T> {
  run: string;
  tag: string;
  /** Visible records in the run (the samples are a subset that always includes the latest). */
  count: number;
  samples: Sample<T>[];
}

/** One blob (an image or audio clip) with its MIME type. */
export interface BlobData {
  data: Uint8Array;
  contentType: string;
}

/** A training session of the hparams plugin, with its metric values. */
export interface HParamsSession {
  /** Run holding session_start_info. */
  run: string;
  groupName: string;
  hparams: Record<string, HParamValue>;
  startTimeSecs: number | null;
  /** 0 unknown, 1 success, 2 failure, 3 running; null when no session_end_info. */
  status: number | null;
  endTimeSecs: number | null;
  /** Last value of each metric: key is the tag, or "<group>/<tag>" when the metric lives in a sub-run. */
  metrics: Record<string, { value: number; step: number; wallTime: number; run: string }>;
}

/** Everything the hparams dashboard needs. */
export interface HParamsData {
  experiments: { run: string; experiment: HParamsExperiment }[];
  sessions: HParamsSession[];
}

/** What changed since the last notification. */
export interface DataChange {
  /** Runs that received data. */
  runs: string[];
  /** Runs seen for the first time. */
  newRuns: string[];
  /** Series created. */
  newTags: { run: string; tag: string; kind: SeriesKind }[];
}

/** Read access to a store of runs; the server exposes this over HTTP. */
export interface DataProvider {
  runs(): RunInfo[];
  /** Tags grouped by plugin name ('scalars', 'histograms', 'images', …), optionally for one run. */
  tags(run?: string): Record<string, TagInfo[]>;
  scalars(run: string, tag: string): ScalarSeries | null;
  histograms(run: string, tag: string): SampledSeries<HistogramValue> | null;
  images(run: string, tag: string): SampledSeries<ImageValue> | null;
  audio(run: string, tag: string): SampledSeries<AudioValue> | null;
  text(run: string, tag: string): SampledSeries<TextValue> | null;
  tensors(run: string, tag: string): SampledSeries<TensorSample> | null;
  /** Image/audio bytes of the sample at `step` (the latest sample at that step), element `index`. */
  blob(run: string, tag: string, step: number, index: number): BlobData | null;
  /** graph_def / meta_graph_def / run metadata of a run, by byte range in their files. */
  graphs(run: string): {
    graphs: GraphRef[];
    runMetadata: { tag: string; step: number; wallTime: number; ref: ByteRef }[];
  };
  hparams(): HParamsData;
  sessionLogs(run: string): SessionLogEntry[];
  purges(run?: string): PurgeRecord[];
  problems(run?: string): Problem[];
  /** Calls `listener` after each batch of new data; returns an unsubscribe function. */
  subscribe(listener: (change: DataChange) => void): () => void;
}
