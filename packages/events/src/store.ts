/** The in-memory event store: runs → series, fed by LogFileReaders, read through the DataProvider interface. */
import type { Crc32cFn } from './crc32c.js';
import { crc32cJs } from './crc32c.js';
import type { Problem } from './errors.js';
import type { LogFormat } from './framing.js';
import { logFormatOf } from './framing.js';
import { hparamsData } from './hparams-view.js';
import type { PurgeMode } from './ingest.js';
import { RunIngestor } from './ingest.js';
import { LogFileReader } from './log-file.js';
import type {
  BlobData,
  DataChange,
  DataProvider,
  HParamsData,
  RunInfo,
  SampledSeries,
  ScalarSeries,
  TagInfo,
} from './provider.js';
import type { GraphRef, PurgeRecord, SessionLogEntry } from './run.js';
import { Run } from './run.js';
import type { Series } from './series.js';
import { contentTypeOf } from './convert.js';
import type {
  AudioValue,
  ByteRef,
  HistogramValue,
  ImageValue,
  SeriesKind,
  TensorSample,
  TextValue,
} from './types.js';
import { DEFAULT_SAMPLES } from './types.js';

/** Store settings. */
export interface StoreOptions {
  /** CRC-32C implementation (default: the JS slicing-by-8 one). */
  crc?: Crc32cFn;
  /** Samples kept per (run, tag) by kind; 0 = all. Scalars are always kept in full. */
  samples?: Partial<Record<SeriesKind, number>>;
  /** Restart handling (default 'tensorboard'). */
  purge?: PurgeMode;
  /** Largest record accepted (default 1 GiB); larger declared lengths are treated as corruption. */
  maxRecordBytes?: number;
}

/** Memory held by a store. */
export interface StoreMemory {
  /** Bytes of typed arrays and sampled payloads. */
  bytes: number;
  runs: number;
  series: number;
  /** Scalar points held. */
  scalarPoints: number;
  /** Records held by step/time only (non-scalar kinds). */
  indexedRecords: number;
}

interface RunEntry {
  run: Run;
  ingestor: RunIngestor;
  readers: Map<string, LogFileReader>;
  committedRecords: number;
}

/** Holds every run's data; implements DataProvider. */
export class EventStore implements DataProvider {
  private readonly entries = new Map<string, RunEntry>();
  private readonly listeners = new Set<(c: DataChange) => void>();
  private newRuns: string[] = [];
  private newTags: DataChange['newTags'] = [];
  private readonly crc: Crc32cFn;
  private readonly samples: Record<SeriesKind, number>;
  private readonly purge: PurgeMode;
  private readonly maxRecordBytes: number;

  constructor(options: StoreOptions = {}) {
    this.crc = options.crc ?? crc32cJs;
    this.samples = { ...DEFAULT_SAMPLES, ...options.samples, scalar: 0 };
    this.purge = options.purge ?? 'tensorboard';
    this.maxRecordBytes = options.maxRecordBytes ?? 2 ** 30;
  }

  /**
   * Returns the reader of `file` in `run`, creating both if needed. Files of a run must be read in
   * file-name order for restart rules to see events in the writer's order. `file` names the file in
   * byte references (graphs), so pass something the server can open.
   */
  openFile(
    run: string,
    file: string,
    format: LogFormat = logFormatOf(file.split(/[\\/]/).pop()!) ?? 'tfevents',
  ): LogFileReader {
    const e = this.entry(run);
    let r = e.readers.get(file);
    if (!r) {
      r = new LogFileReader(file, format, e.ingestor, { crc: this.crc, maxRecordBytes: this.maxRecordBytes });
      e.readers.set(file, r);
      e.run.files.set(file, r.health);
    }
    return r;
  }

  /** Reads a whole file's bytes at once (tests, browser drops) and commits. */
  addFile(run: string, file: string, bytes: Uint8Array, format?: LogFormat): LogFileReader {
    const r = this.openFile(run, file, format);
    r.push(bytes);
    this.commit();
    return r;
  }

  /** The run object (for in-process consumers such as export and tests), or undefined. */
  getRun(run: string): Run | undefined {
    return this.entries.get(run)?.run;
  }

  /** Notifies subscribers of what arrived since the last commit; returns the change (null if none). */
  commit(): DataChange | null {
    const runs: string[] = [];
    for (const [name, e] of this.entries) {
      let n = 0;
      for (const f of e.run.files.values()) n += f.records;
      if (n !== e.committedRecords) {
        e.committedRecords = n;
        runs.push(name);
      }
    }
    if (!runs.length && !this.newRuns.length && !this.newTags.length) return null;
    const change: DataChange = { runs, newRuns: this.newRuns, newTags: this.newTags };
    this.newRuns = [];
    this.newTags = [];
    for (const l of this.listeners) l(change);
    return change;
  }

  /** Memory held, for budgeting and the benchmark. */
  memory(): StoreMemory {
    const m: StoreMemory = {
      bytes: 0,
      runs: this.entries.size,
      series: 0,
      scalarPoints: 0,
      indexedRecords: 0,
    };
    for (const { run } of this.entries.values())
      for (const s of run.series.values()) {
        m.series++;
        m.bytes += s.byteSize();
        if (s.kind === 'scalar') m.scalarPoints += s.points.length;
        else m.indexedRecords += s.points.length;
      }
    return m;
  }

  runs(): RunInfo[] {
    return [...this.entries.values()].map(({ run }) => ({
      run: run.name,
      startTime: run.startTime === run.startTime ? run.startTime : null,
      files: [...run.files.values()].map((f) => ({ ...f })),
      tagCount: run.series.size,
      problemCount: run.problemCount,
      purgedPoints: run.purgedPoints,
    }));
  }

  tags(run?: string): Record<string, TagInfo[]> {
    const out: Record<string, TagInfo[]> = {};
    for (const { run: r } of this.entries.values()) {
      if (run !== undefined && r.name !== run) continue;
      for (const s of r.series.values()) (out[s.plugin || s.kind] ??= []).push(tagInfo(s));
    }
    return out;
  }

  scalars(run: string, tag: string): ScalarSeries | null {
    const s = this.series(run, tag, 'scalar');
    if (!s) return null;
    const a = s.points.toArrays();
    return { run, tag, steps: a.steps, wallTimes: a.wallTimes, values: a.values };
  }

  histograms(run: string, tag: string): SampledSeries<HistogramValue> | null {
    return this.sampled<HistogramValue>(run, tag, 'histogram');
  }

  images(run: string, tag: string): SampledSeries<ImageValue> | null {
    return this.sampled<ImageValue>(run, tag, 'image');
  }

  audio(run: string, tag: string): SampledSeries<AudioValue> | null {
    return this.sampled<AudioValue>(run, tag, 'audio');
  }

  text(run: string, tag: string): SampledSeries<TextValue> | null {
    return this.sampled<TextValue>(run, tag, 'text');
  }

  tensors(run: string, tag: string): SampledSeries<TensorSample> | null {
    return this.sampled<TensorSample>(run, tag, 'tensor');
  }

  blob(run: string, tag: string, step: number, index: number): BlobData | null {
    const s = this.entries.get(run)?.run.series.get(tag);
    if (!s || !s.samples || (s.kind !== 'image' && s.kind !== 'audio')) return null;
    const items = s.samples.items;
    for (let i = items.length - 1; i >= 0; i--) {
      if (items[i]!.step !== step) continue;
      const v = items[i]!.value as ImageValue | AudioValue;
      const data = v.blobs[index];
      if (!data) return null;
      return { data, contentType: 'contentType' in v ? v.contentType : contentTypeOf(v.format) };
    }
    return null;
  }

  graphs(run: string): {
    graphs: GraphRef[];
    runMetadata: { tag: string; step: number; wallTime: number; ref: ByteRef }[];
  } {
    const r = this.entries.get(run)?.run;
    if (!r) return { graphs: [], runMetadata: [] };
    const runMetadata: { tag: string; step: number; wallTime: number; ref: ByteRef }[] = [];
    for (const s of r.series.values())
      if (s.kind === 'run_metadata')
        for (const it of s.samples!.items)
          runMetadata.push({ tag: s.tag, step: it.step, wallTime: it.wallTime, ref: it.value as ByteRef });
    return { graphs: r.graphs.items.map((i) => i.value), runMetadata };
  }

  hparams(): HParamsData {
    return hparamsData([...this.entries.values()].map((e) => e.run));
  }

  sessionLogs(run: string): SessionLogEntry[] {
    return [...(this.entries.get(run)?.run.sessionLogs ?? [])];
  }

  purges(run?: string): PurgeRecord[] {
    return this.collect(run, (r) => r.purges);
  }

  problems(run?: string): Problem[] {
    return this.collect(run, (r) => r.problems);
  }

  subscribe(listener: (change: DataChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private collect<T>(run: string | undefined, pick: (r: Run) => T[]): T[] {
    const out: T[] = [];
    for (const { run: r } of this.entries.values())
      if (run === undefined || r.name === run) out.push(...pick(r));
    return out;
  }

  private entry(name: string): RunEntry {
    let e = this.entries.get(name);
    if (!e) {
      const run = new Run(name);
      const ingestor = new RunIngestor(
        run,
        { samples: this.samples, purge: this.purge },
        { newSeries: (s) => this.newTags.push({ run: s.run, tag: s.tag, kind: s.kind }) },
      );
      e = { run, ingestor, readers: new Map(), committedRecords: 0 };
      this.entries.set(name, e);
      this.newRuns.push(name);
    }
    return e;
  }

  private series(run: string, tag: string, kind: SeriesKind): Series | null {
    const s = this.entries.get(run)?.run.series.get(tag);
    return s && s.kind === kind ? s : null;
  }

  private sampled<T>(run: string, tag: string, kind: SeriesKind): SampledSeries<T> | null {
    const s = this.series(run, tag, kind);
    if (!s) return null;
    const samples = [...s.samples!.items].sort((a, b) => a.step - b.step || a.wallTime - b.wallTime);
    return { run, tag, count: s.points.length, samples: samples as SampledSeries<T>['samples'] };
  }
}

/** A series' listing entry. */
export function tagInfo(s: Series): TagInfo {
  const n = s.points.length;
  return {
    run: s.run,
    tag: s.tag,
    kind: s.kind,
    plugin: s.plugin,
    displayName: s.metadata?.displayName ?? '',
    description: s.metadata?.description ?? '',
    count: n,
    sampled: s.samples ? s.samples.items.length : n,
    firstStep: n ? s.points.stepAt(0) : null,
    lastStep: n ? s.points.lastStep() : null,
    lastWallTime: n ? s.points.lastWall() : null,
  };
}
