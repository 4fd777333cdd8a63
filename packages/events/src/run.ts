/** Everything known about one run: its series, files' health, graphs, hparams, purges and problems. */
import type { Problem } from './errors.js';
import type { HParamsExperiment, SessionEndInfo, SessionStartInfo } from './hparams.js';
import { Reservoir } from './reservoir.js';
import type { Series } from './series.js';
import type { ByteRef } from './types.js';

/** Per-file reading state and damage counters (the "health" of a log file). */
export interface FileHealth {
  file: string;
  format: 'tfevents' | 'visualdl';
  /** Bytes consumed: reading resumes here. */
  offset: number;
  records: number;
  /** Records skipped because their data CRC failed. */
  crcFailures: number;
  /** Records skipped because their payload did not decode. */
  parseFailures: number;
  /** 1 when a header failed its CRC (or declared an absurd length) and reading stopped. */
  lengthCrcFailures: number;
  /** Offset of the record that stopped reading, or null. */
  stoppedAt: number | null;
  /** Bytes after the last whole record (not written yet, or a truncated file). */
  truncatedTailBytes: number;
  /** First file_version in the file, or null. */
  fileVersion: string | null;
  /** True once reading stopped for good. */
  dead: boolean;
}

/** Why points were removed: a SessionLog START, an out-of-order step (pre-2 files), or preemption. */
export type PurgeReason = 'session_start' | 'out_of_order' | 'preempted';

/** A record of points removed by TensorBoard's restart rules. */
export interface PurgeRecord {
  file: string;
  offset: number;
  reason: PurgeReason;
  /** Points with step ≥ this were removed. */
  step: number;
  /** Tags purged ('*' = every tag of the run). */
  tags: string[];
  removed: number;
}

/** A graph_def / meta_graph_def kept by byte range. */
export interface GraphRef {
  kind: 'graph_def' | 'meta_graph_def';
  step: number;
  wallTime: number;
  ref: ByteRef;
}

/** A SessionLog event. */
export interface SessionLogEntry {
  step: number;
  wallTime: number;
  /** 0 unspecified, 1 START, 2 STOP, 3 CHECKPOINT. */
  status: number;
  checkpointPath: string;
  file: string;
}

const MAX_LOG = 1000;

/** Appends to a bounded log, dropping the oldest entries (counts stay exact elsewhere). */
export function appendBounded<T>(list: T[], item: T, max = MAX_LOG): void {
  if (list.length >= max) list.splice(0, list.length - max + 1);
  list.push(item);
}

/** A run: the data of one directory holding event files. */
export class Run {
  readonly series = new Map<string, Series>();
  readonly files = new Map<string, FileHealth>();
  readonly graphs = new Reservoir<GraphRef>(10);
  readonly sessionLogs: SessionLogEntry[] = [];
  readonly purges: PurgeRecord[] = [];
  readonly problems: Problem[] = [];
  /** Totals that the bounded lists above cannot give. */
  purgeEvents = 0;
  purgedPoints = 0;
  problemCount = 0;
  /** Wall time of the first event read. */
  startTime = NaN;
  experiment: HParamsExperiment | null = null;
  sessionStart: SessionStartInfo | null = null;
  sessionEnd: SessionEndInfo | null = null;
  /** Purge state, as TensorBoard's event accumulator keeps it per run. */
  fileVersion: number | null = null;
  mostRecentStep = -1;

  constructor(readonly name: string) {}

  /** Records a problem (bounded list, exact count). */
  addProblem(p: Problem): void {
    this.problemCount++;
    appendBounded(this.problems, p);
  }

  /** Records a purge. */
  addPurge(p: PurgeRecord): void {
    this.purgeEvents++;
    this.purgedPoints += p.removed;
    appendBounded(this.purges, p);
  }
}
