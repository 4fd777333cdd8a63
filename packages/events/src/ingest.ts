/** Turns decoded events of one run into series, applying TensorBoard's first-metadata and purge rules. */
import { classify, isScalarTensor } from './classify.js';
import {
  contentTypeOf,
  histoToBuckets,
  imageSize,
  sniffFormat,
  tensorToBuckets,
  vdlToBuckets,
  wavSampleRate,
} from './convert.js';
import type { ProblemCode } from './errors.js';
import type { EventKind, EventSink } from './event.js';
import { SessionStatus } from './event.js';
import { decodeHParamsPluginData } from './hparams.js';
import type { FileHealth, PurgeReason, Run } from './run.js';
import { appendBounded } from './run.js';
import { Series } from './series.js';
import type { SummaryMetadata, ValueView } from './summary.js';
import { readAudio, readHisto, readImage, readMetadata, ValueKind } from './summary.js';
import { TagTable } from './tag-table.js';
import type { TensorValue } from './tensor.js';
import { dtypeName, readTensor } from './tensor.js';
import type { SeriesKind, TensorSample } from './types.js';
import type { VdlValueView } from './visualdl.js';
import { readBytesField, readVdlHistogram, readVdlTagValue, VdlKind } from './visualdl.js';
import type { Cursor, Range } from './wire.js';
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

const VDL_KIND_NAMES: Record<number, string> = {
  7: 'embeddings',
  9: 'pr_curve',
  11: 'roc_curve',
  13: 'hparam',
};

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
    cur.reset(buf, v.payloadStart, v.payloadEnd);
    switch (v.kind) {
      case VdlKind.Image: {
        const r = readBytesField(cur, 4);
        const bytes = r ? buf.slice(r.start, r.end) : new Uint8Array(0);
        const [width, height] = imageSize(bytes);
        return s.addSample(this.step, this.wall, {
          blobs: [bytes],
          width,
          height,
          format: sniffFormat(bytes),
        });
      }
      case VdlKind.Audio: {
        const a = readAudio(cur);
        return s.addSample(this.step, this.wall, {
          blobs: [buf.slice(a.start, a.end)],
          labels: [],
          sampleRate: a.sampleRate,
          contentType: a.contentType || 'audio/wav',
        });
      }
      case VdlKind.Histogram: {
        const h = readVdlHistogram(cur);
        return s.addSample(this.step, this.wall, vdlToBuckets(h.hist, h.edges));
      }
      case VdlKind.Text: {
        const r = readBytesField(cur, 1);
        return s.addSample(this.step, this.wall, {
          strings: [r ? utf8At(buf, r.start, r.end) : ''],
          shape: [],
        });
      }
      case VdlKind.MetaData: {
        const r = readBytesField(cur, 1);
        return s.addSample(this.step, this.wall, r ? utf8At(buf, r.start, r.end) : '');
      }
      default: {
        // Embeddings, PR/ROC curves, hparams: kept as raw bytes so nothing is lost.
        const raw: TensorSample = {
          dtype: 'bytes',
          shape: [],
          values: null,
          strings: [buf.slice(v.payloadStart, v.payloadEnd)],
        };
        return s.addSample(this.step, this.wall, raw);
      }
    }
  }

  /** Number of series created by this ingestor. */
  get size(): number {
    return this.seriesCount;
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
    const buf = this.buf;
    const step = this.step;
    const wall = this.wall;
    if (v.kind === ValueKind.OldHisto) {
      this.problem(
        'unsupported',
        `tag '${s.tag}': obsolete_old_style_histogram is not readable; value skipped`,
        s.tag,
      );
      return;
    }
    let t: TensorValue | null = null;
    if (v.kind === ValueKind.Tensor) t = readTensor(cur.reset(buf, v.payloadStart, v.payloadEnd));
    switch (s.kind) {
      case 'scalar':
        if (t && isScalarTensor(t)) return s.addScalar(step, wall, t.values![0]!);
        return this.mismatch(s, 'is not a number');
      case 'histogram': {
        if (v.kind === ValueKind.Histo)
          return s.addSample(
            step,
            wall,
            histoToBuckets(readHisto(cur.reset(buf, v.payloadStart, v.payloadEnd))),
          );
        const h = t && t.values ? tensorToBuckets(t.shape, t.values) : null;
        if (h) return s.addSample(step, wall, h);
        return this.mismatch(s, 'is not a histogram');
      }
      case 'image': {
        if (v.kind === ValueKind.Image) {
          const im = readImage(cur.reset(buf, v.payloadStart, v.payloadEnd));
          const bytes = buf.slice(im.start, im.end);
          return s.addSample(step, wall, {
            blobs: [bytes],
            width: im.width,
            height: im.height,
            format: sniffFormat(bytes),
          });
        }
        // TF2: a string tensor [width, height, image, image, …].
        if (t && t.strings && t.strings.length >= 2) {
          const blobs = t.strings.slice(2).map((r) => buf.slice(r.start, r.end));
          const width = Number(utf8At(buf, t.strings[0]!.start, t.strings[0]!.end)) || 0;
          const height = Number(utf8At(buf, t.strings[1]!.start, t.strings[1]!.end)) || 0;
          return s.addSample(step, wall, {
            blobs,
            width,
            height,
            format: blobs[0] ? sniffFormat(blobs[0]) : 'unknown',
          });
        }
        return this.mismatch(s, 'is not an image');
      }
      case 'audio': {
        if (v.kind === ValueKind.Audio) {
          const a = readAudio(cur.reset(buf, v.payloadStart, v.payloadEnd));
          return s.addSample(step, wall, {
            blobs: [buf.slice(a.start, a.end)],
            labels: [],
            sampleRate: a.sampleRate,
            contentType: a.contentType || 'audio/wav',
          });
        }
        // TF2: a string tensor [k, 2] of (encoded clip, label) or [k] of clips.
        if (t && t.strings) {
          const cols = t.shape.length === 2 ? t.shape[1]! : 1;
          const blobs: Uint8Array[] = [];
          const labels: string[] = [];
          for (let i = 0; i < t.strings.length; i += Math.max(cols, 1)) {
            blobs.push(buf.slice(t.strings[i]!.start, t.strings[i]!.end));
            if (cols >= 2 && t.strings[i + 1])
              labels.push(utf8At(buf, t.strings[i + 1]!.start, t.strings[i + 1]!.end));
          }
          return s.addSample(step, wall, {
            blobs,
            labels,
            sampleRate: blobs[0] ? wavSampleRate(blobs[0]) : 0,
            contentType: contentTypeOf(blobs[0] ? sniffFormat(blobs[0]) : ''),
          });
        }
        return this.mismatch(s, 'is not audio');
      }
      case 'text':
        if (t && t.strings)
          return s.addSample(step, wall, {
            strings: t.strings.map((r) => utf8At(buf, r.start, r.end)),
            shape: t.shape,
          });
        return this.mismatch(s, 'is not a string tensor');
      case 'graph':
        if (t && t.strings)
          return s.addSample(
            step,
            wall,
            t.strings.map((r: Range) => ({
              file: this.file.file,
              start: this.base + r.start,
              end: this.base + r.end,
            })),
          );
        return this.mismatch(s, 'is not a string tensor');
      case 'hparams': {
        if (v.metaStart < 0) return this.mismatch(s, 'has no hparams metadata');
        const m = readMetadata(cur.reset(buf, v.metaStart, v.metaEnd));
        if (m.pluginName !== 'hparams') return this.mismatch(s, `has plugin '${m.pluginName}'`);
        const hp = decodeHParamsPluginData(m.content);
        if (hp.experiment) this.run.experiment = hp.experiment;
        if (hp.sessionStartInfo) this.run.sessionStart = hp.sessionStartInfo;
        if (hp.sessionEndInfo) this.run.sessionEnd = hp.sessionEndInfo;
        return s.addSample(step, wall, hp);
      }
      default: {
        if (!t) return this.mismatch(s, 'is not a tensor');
        const strings = t.strings ? t.strings.map((r) => buf.slice(r.start, r.end)) : null;
        return s.addSample(step, wall, {
          dtype: dtypeName(t.dtype),
          shape: t.shape,
          values: t.values,
          strings,
        } satisfies TensorSample);
      }
    }
  }
}

function vdlClass(kind: number): { kind: SeriesKind; plugin: string } {
  switch (kind) {
    case VdlKind.Value:
    case VdlKind.TagValue:
      return { kind: 'scalar', plugin: 'scalars' };
    case VdlKind.Image:
      return { kind: 'image', plugin: 'images' };
    case VdlKind.Audio:
      return { kind: 'audio', plugin: 'audio' };
    case VdlKind.Histogram:
      return { kind: 'histogram', plugin: 'histograms' };
    case VdlKind.Text:
      return { kind: 'text', plugin: 'text' };
    case VdlKind.MetaData:
      return { kind: 'meta', plugin: 'visualdl_meta_data' };
    default:
      return { kind: 'tensor', plugin: `visualdl_${VDL_KIND_NAMES[kind] ?? 'unknown'}` };
  }
}
