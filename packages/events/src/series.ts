/** One (run, tag) series: every point's step and wall time in columns, scalar values, and a sample of payloads. */
import { Columns } from './columns.js';
import { Reservoir } from './reservoir.js';
import type { Sample } from './reservoir.js';
import type { SummaryMetadata } from './summary.js';
import type { SeriesKind } from './types.js';

/** Approximate bytes a kept payload holds (for memory accounting). */
export function payloadBytes(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return 8;
  if (typeof v === 'string') return 2 * v.length;
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (Array.isArray(v)) return v.reduce((a: number, x) => a + payloadBytes(x), 16);
  if (typeof v === 'object') return Object.values(v).reduce((a: number, x) => a + payloadBytes(x), 32);
  return 8;
}

/**
 * A series. `points` has one entry per visible record (after purges), so counts and step ranges are
 * exact for every kind; only non-scalar payloads are sampled, in `samples`.
 */
export class Series {
  readonly points: Columns;
  readonly samples: Reservoir<unknown> | null;
  /** Records read for this series, including ones later purged or skipped as mismatched. */
  read = 0;
  /** Records removed by purges/preemption. */
  purged = 0;
  /** Bytes held by sampled payloads. */
  sampleBytes = 0;
  /** Event serial of the last out-of-order purge, so a tag repeated in one event purges once. */
  purgeSerial = -1;
  /** First wall time seen (TensorBoard's run start time uses the earliest event). */
  firstWallTime = NaN;

  constructor(
    readonly run: string,
    readonly tag: string,
    readonly kind: SeriesKind,
    readonly plugin: string,
    readonly metadata: SummaryMetadata | null,
    sampleCapacity: number,
    seed: number,
  ) {
    this.points = new Columns(kind === 'scalar');
    this.samples = kind === 'scalar' ? null : new Reservoir<unknown>(sampleCapacity, seed);
  }

  /** Adds a scalar point. */
  addScalar(step: number, wall: number, value: number): void {
    this.points.push(step, wall, value);
  }

  /** Adds a non-scalar record: its step/time always, its payload to the sample. */
  addSample(step: number, wall: number, value: unknown): void {
    this.points.push(step, wall);
    const s: Sample<unknown> = { step, wallTime: wall, value };
    this.sampleBytes += payloadBytes(value);
    const dropped = this.samples!.add(s);
    if (dropped) this.sampleBytes -= payloadBytes(dropped.value);
  }

  /** Removes all records with step ≥ `step`; returns how many were removed. */
  removeStepsFrom(step: number): number {
    const n = this.points.removeStepsFrom(step);
    if (n) this.dropSamples((s) => s.step < step);
    this.purged += n;
    return n;
  }

  /** Removes trailing records with step ≥ `step` (RustBoard preemption); returns how many. */
  preempt(step: number): number {
    if (!(this.points.lastStep() >= step)) return 0;
    const n = this.points.popWhileStepAtLeast(step);
    if (n) this.dropSamples((s) => s.step < step);
    this.purged += n;
    return n;
  }

  /** Bytes held by this series (columns + sampled payloads). */
  byteSize(): number {
    return this.points.byteSize() + this.sampleBytes;
  }

  private dropSamples(keep: (s: Sample<unknown>) => boolean): void {
    if (!this.samples) return;
    for (const s of this.samples.filter(keep)) this.sampleBytes -= payloadBytes(s.value);
  }
}
