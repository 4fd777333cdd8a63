/** Turns decoded events of one run into series, applying TensorBoard's first-metadata and purge rules. */
import { classify } from './classify.js';
import type { ProblemCode } from './errors.js';
import type { EventKind, EventSink } from './event.js';
import { SessionStatus } from './event.js';
import type { HParamsPluginData } from './hparams.js';
import type { FileHealth, PurgeReason, Run } from './run.js';
import { appendBounded } from './run.js';
import { Series } from './series.js';
import type { SummaryMetadata, ValueView } from './summary.js';
import { readMetadata, ValueKind } from './summary.js';
import type { Converted } from './summary-payload.js';
import { convertSummaryValue } from './summary-payload.js';
import { TagTable } from './tag-table.js';
import { readTensor } from './tensor.js';
import type { SeriesKind } from './types.js';
import { convertVdlValue, vdlClass } from './vdl-payload.js';
import type { VdlValueView } from './visualdl.js';
import { readVdlTagValue, VdlKind } from './visualdl.js';
import type { Cursor } from './wire.js';
import { utf8At } from './wire.js';

/**
 * How restarts are handled: 'tensorboard' = the Python loader's rules (SessionLog START purges all
 * tags for file_version ≥ 2; older files purge a tag on an out-of-order step); 'preempt' = RustBoard
 * (a new step drops a series' trailing points with steps ≥ it); 'none' = keep everything.
 */
export type PurgeMode = 'tensorboard' | 'preempt' | 'none';

/** Options shared by every run of a store. */
export interface IngestOptions {
  samples: Record<SeriesKind, number>;
  purge: PurgeMode;
}

/** Callbacks to the store. */
export interface IngestListener {
  newSeries(s: Series): void;
}

/** The EventSink of one run: owns the run's tag table and purge state. */
export class RunIngestor implements EventSink {
  private readonly tags = new TagTable<Series>();
  private file!: FileHealth;
  private buf: Uint8Array = new Uint8Array(0);
  private base = 0;
  private recordPos = 0;
  private step = 0;
  private wall = 0;
  private serial = 0;
  private outOfOrder = false;
  private pendingPurge: { tags: string[]; removed: number } | null = null;
  private seriesCount = 0;

  constructor(
    readonly run: Run,
    private readonly opts: IngestOptions,
    private readonly listener: IngestListener,
  ) {}

  /** Sets the record being decoded: `buf[0]` is at file offset `base`, the record at `base + recordPos`. */
  setRecord(file: FileHealth, buf: Uint8Array, base: number, recordPos: number): void {
    this.file = file;
    this.buf = buf;
    this.base = base;
    this.recordPos = recordPos;
  }

  /** Records a problem at the current record. */
  problem(code: ProblemCode, message: string, tag?: string): void {
    const p = {
      code,
      file: this.file.file,
      offset: this.base + this.recordPos,
      message,
      ...(tag === undefined ? {} : { tag }),
    };
    this.run.addProblem(p);
  }

  begin(kind: EventKind, step: number, wall: number): void {
    this.serial++;
    this.step = step;
    this.wall = wall;
    this.outOfOrder = false;
    const run = this.run;
    if (run.startTime !== run.startTime) run.startTime = wall;
    if (this.opts.purge === 'tensorboard' && !(run.fileVersion! >= 2)) {
      // Files without file_version ≥ 2 cannot signal restarts, so a step going back is taken as one.
      if (kind === 'summary' && step < run.mostRecentStep) this.outOfOrder = true;
      else run.mostRecentStep = step;
    }
  }

  fileVersion(version: string): void {
    if (this.file.fileVersion === null) this.file.fileVersion = version;
    const tok = version.split('brain.Event:').pop()!.trim();
    const v = tok === '' || Number.isNaN(Number(tok)) ? -1 : Number(tok);
    if (this.run.fileVersion !== null && this.run.fileVersion !== v)
      this.problem(
        'file_version',
        `file_version changed from ${this.run.fileVersion} to ${v} ('${version}')`,
      );
    this.run.fileVersion = v;
  }

  sessionLog(status: number, checkpointPath: string): void {
    const run = this.run;
    appendBounded(run.sessionLogs, {
      step: this.step,
      wallTime: this.wall,
      status,
      checkpointPath,
      file: this.file.file,
    });
    if (status === SessionStatus.START && this.opts.purge === 'tensorboard' && run.fileVersion! >= 2) {
      let removed = 0;
      for (const s of run.series.values()) removed += s.removeStepsFrom(this.step);
      if (removed) this.recordPurge('session_start', ['*'], removed);
    }
  }

  graph(kind: 'graph_def' | 'meta_graph_def', start: number, end: number): void {
    const ref = { file: this.file.file, start: this.base + start, end: this.base + end };
    this.run.graphs.add({
      step: this.step,
      wallTime: this.wall,
      value: { kind, step: this.step, wallTime: this.wall, ref },
    });
  }

  taggedRunMetadata(tagStart: number, tagEnd: number, start: number, end: number): void {
    const s = this.series(tagStart, tagEnd, () => ({
      kind: 'run_metadata',
      plugin: 'graph_tagged_run_metadata',
      meta: null,
    }));
    s.read++;
    this.restartRules(s);
    s.addSample(this.step, this.wall, {
      file: this.file.file,
      start: this.base + start,
      end: this.base + end,
    });
  }

  value(v: ValueView, cur: Cursor): void {
    const buf = this.buf;
    let s = this.tags.get(buf, v.tagStart, v.tagEnd);
    if (s === undefined) s = this.newSummarySeries(v, cur);
    s.read++;
    this.restartRules(s);
    if (s.kind === 'scalar' && v.kind === ValueKind.Simple) {
      s.points.push(this.step, this.wall, v.simpleValue);
      return;
    }
    this.slowValue(s, v, cur);
  }

  simpleScalar(tagStart: number, tagEnd: number, point: Float64Array): boolean {
    const s = this.tags.get(this.buf, tagStart, tagEnd);
    if (s === undefined || s.kind !== 'scalar') return false;
    this.begin('summary', point[0]!, point[1]!);
    s.read++;
    if (this.outOfOrder || this.opts.purge === 'preempt') this.restartRules(s);
    s.points.pushPoint(point);
    if (this.pendingPurge) this.end();
    return true;
  }

  end(): void {
    if (this.pendingPurge) {
      this.recordPurge('out_of_order', this.pendingPurge.tags, this.pendingPurge.removed);
      this.pendingPurge = null;
    }
  }

  /** One VisualDL value (no purge rules of TensorBoard apply; 'preempt' does). */
  vdlValue(v: VdlValueView, cur: Cursor): void {
    this.serial++;
    this.step = v.step;
    this.wall = v.timestampMs / 1000;
    this.outOfOrder = false;
    if (this.run.startTime !== this.run.startTime) this.run.startTime = this.wall;
    const buf = this.buf;
    let tagStart = v.tagStart;
    let tagEnd = v.tagEnd;
    let value = v.value;
    let tagBuf = buf;
    if (v.kind === VdlKind.TagValue) {
      // add_scalars: one line per sub-tag, stored as its own series "<tag>/<sub-tag>".
      cur.reset(buf, v.payloadStart, v.payloadEnd);
      const tv = readVdlTagValue(cur);
      tagBuf = new TextEncoder().encode(
        `${utf8At(buf, tagStart, tagEnd)}/${utf8At(buf, tv.subTagStart, tv.subTagEnd)}`,
      );
      [tagStart, tagEnd, value] = [0, tagBuf.length, tv.value];
    }
    const c = vdlClass(v.kind);
    const s =
      this.tags.get(tagBuf, tagStart, tagEnd) ??
      this.createSeries(tagBuf, tagStart, tagEnd, c.kind, c.plugin, null);
    s.read++;
    if (s.kind !== c.kind) return this.mismatch(s, `is a VisualDL ${c.plugin} value`);
    if (this.opts.purge === 'preempt') this.preempt(s);
    if (s.kind === 'scalar' && (v.kind === VdlKind.Value || v.kind === VdlKind.TagValue)) {
      s.points.push(this.step, this.wall, value);
      return;
    }
    this.keep(s, convertVdlValue(v, cur));
  }

  private restartRules(s: Series): void {
    if (this.outOfOrder) {
      if (s.purgeSerial === this.serial) return;
      s.purgeSerial = this.serial;
      const n = s.removeStepsFrom(this.step);
      if (n) {
        const p = (this.pendingPurge ??= { tags: [], removed: 0 });
        p.tags.push(s.tag);
        p.removed += n;
      }
    } else if (this.opts.purge === 'preempt') this.preempt(s);
  }

  private preempt(s: Series): void {
    const n = s.preempt(this.step);
    if (n) this.recordPurge('preempted', [s.tag], n);
  }

  private recordPurge(reason: PurgeReason, tags: string[], removed: number): void {
    this.run.addPurge({
      file: this.file.file,
      offset: this.base + this.recordPos,
      reason,
      step: this.step,
      tags,
      removed,
    });
  }

  private series(
    start: number,
    end: number,
    make: () => { kind: SeriesKind; plugin: string; meta: SummaryMetadata | null },
  ): Series {
    const s = this.tags.get(this.buf, start, end);
    if (s) return s;
    const m = make();
    return this.createSeries(this.buf, start, end, m.kind, m.plugin, m.meta);
  }

  private createSeries(
    buf: Uint8Array,
    start: number,
    end: number,
    kind: SeriesKind,
    plugin: string,
    meta: SummaryMetadata | null,
  ): Series {
    const tag = utf8At(buf, start, end);
    const s = new Series(this.run.name, tag, kind, plugin, meta, this.opts.samples[kind], this.seriesCount++);
    this.tags.set(buf, start, end, s);
    this.run.series.set(tag, s);
    this.listener.newSeries(s);
    return s;
  }

  private newSummarySeries(v: ValueView, cur: Cursor): Series {
    const meta = v.metaStart >= 0 ? readMetadata(cur.reset(this.buf, v.metaStart, v.metaEnd)) : null;
    const tensor =
      v.kind === ValueKind.Tensor && !meta?.pluginName
        ? readTensor(cur.reset(this.buf, v.payloadStart, v.payloadEnd))
        : null;
    const c = classify(meta, v.kind, tensor);
    return this.createSeries(this.buf, v.tagStart, v.tagEnd, c.kind, c.plugin, meta);
  }

  private mismatch(s: Series, why: string): void {
    this.problem(
      'kind_mismatch',
      `tag '${s.tag}' is a ${s.kind} series (plugin '${s.plugin}') but this value ${why}; value skipped`,
      s.tag,
    );
  }

  private slowValue(s: Series, v: ValueView, cur: Cursor): void {
    const c = convertSummaryValue(s.kind, v, cur, this.file.file, this.base);
    if (c.ok && s.kind === 'hparams') {
      const hp = c.value as HParamsPluginData;
      if (hp.experiment) this.run.experiment = hp.experiment;
      if (hp.sessionStartInfo) this.run.sessionStart = hp.sessionStartInfo;
      if (hp.sessionEndInfo) this.run.sessionEnd = hp.sessionEndInfo;
    }
    this.keep(s, c);
  }

  private keep(s: Series, c: Converted): void {
    if (!c.ok) this.mismatch(s, c.why);
    else if (s.kind === 'scalar') s.addScalar(this.step, this.wall, c.value as number);
    else s.addSample(this.step, this.wall, c.value);
  }
}
