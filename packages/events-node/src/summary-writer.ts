/** SummaryWriter: writes standard tfevents files (TensorBoard-readable) from Node, like PyTorch's writer. */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Crc32cFn, HParamValue, ValueSpec } from '@nnlens/events';
import {
  buildHisto,
  encodeEvent,
  encodeHParamsPluginData,
  imageSize,
  TfRecordWriter,
  wavSampleRate,
} from '@nnlens/events';
import { crc32cNode } from './crc.js';

/** Writer settings. */
export interface SummaryWriterOptions {
  /** Appended to the file name (e.g. '.v2'). */
  filenameSuffix?: string;
  /** Buffered bytes that trigger a write to disk (default 1 MiB); flush() writes at any time. */
  flushBytes?: number;
  crc?: Crc32cFn;
  /** Clock in seconds (tests pin it). */
  now?: () => number;
}

let fileCounter = 0;
const utf8 = new TextEncoder();

// PNG colour type → Summary.Image colorspace (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA).
const PNG_COLORSPACE: Record<number, number> = { 0: 1, 4: 2, 2: 3, 3: 3, 6: 4 };

/**
 * Appends events to `<logdir>/events.out.tfevents.<time>.<host>.<pid>.<n><suffix>`; the first record
 * is file_version 'brain.Event:2'. Writes are synchronous (buffered), so a crash loses at most the
 * unflushed buffer and never leaves a record half-framed in memory.
 */
export class SummaryWriter {
  readonly file: string;
  private fd: number | null;
  private readonly records: TfRecordWriter;
  private readonly flushBytes: number;
  private readonly now: () => number;

  constructor(
    readonly logdir: string,
    options: SummaryWriterOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now() / 1000);
    this.flushBytes = options.flushBytes ?? 1 << 20;
    this.records = new TfRecordWriter(options.crc ?? crc32cNode);
    mkdirSync(logdir, { recursive: true });
    const t = String(Math.floor(this.now())).padStart(10, '0');
    this.file = join(
      logdir,
      `events.out.tfevents.${t}.${hostname()}.${process.pid}.${fileCounter++}${options.filenameSuffix ?? ''}`,
    );
    this.fd = openSync(this.file, 'wx');
    this.event({ wallTime: this.now(), fileVersion: 'brain.Event:2' });
    this.flush();
  }

  /** A scalar as `simple_value` (what PyTorch and Keras write). */
  addScalar(tag: string, value: number, step = 0, wallTime = this.now()): void {
    if (this.fd === null) throw new Error(`SummaryWriter: ${this.file} is closed`);
    this.records.scalar(tag, value, step, wallTime);
    this.maybeFlush();
  }

  /** A histogram of `values` with TensorFlow's default buckets (non-finite values are left out). */
  addHistogram(tag: string, values: ArrayLike<number>, step = 0, wallTime = this.now()): void {
    this.summary([{ tag, histo: buildHisto(values) }], step, wallTime);
  }

  /** An encoded image (PNG/JPEG/GIF bytes); size and colorspace are read from a PNG header when omitted. */
  addImage(
    tag: string,
    encoded: Uint8Array,
    step = 0,
    dims: { width?: number; height?: number; colorspace?: number } = {},
    wallTime = this.now(),
  ): void {
    const [w, h] = imageSize(encoded);
    const colorspace = dims.colorspace ?? (encoded.length > 25 ? (PNG_COLORSPACE[encoded[25]!] ?? 3) : 3);
    this.summary(
      [{ tag, image: { width: dims.width ?? w, height: dims.height ?? h, colorspace, encoded } }],
      step,
      wallTime,
    );
  }

  /** An encoded audio clip (WAV bytes); the sample rate is read from the WAV header when omitted. */
  addAudio(
    tag: string,
    encoded: Uint8Array,
    step = 0,
    opts: { sampleRate?: number; numChannels?: number } = {},
    wallTime = this.now(),
  ): void {
    const sampleRate = opts.sampleRate ?? wavSampleRate(encoded);
    const numChannels = opts.numChannels ?? 1;
    const lengthFrames = Math.max(0, Math.floor((encoded.length - 44) / (2 * numChannels)));
    this.summary(
      [{ tag, audio: { sampleRate, numChannels, lengthFrames, encoded, contentType: 'audio/wav' } }],
      step,
      wallTime,
    );
  }

  /** Markdown text as a rank-0 DT_STRING tensor with plugin 'text' (the TF2 encoding). */
  addText(tag: string, text: string, step = 0, wallTime = this.now()): void {
    const value: ValueSpec = {
      tag,
      metadata: { pluginName: 'text', dataClass: 2 },
      tensor: { dtype: 7, shape: [], strings: [utf8.encode(text)] },
    };
    this.summary([value], step, wallTime);
  }

  /**
   * One hparams session in this run (PyTorch Lightning's layout): experiment, session start, the
   * metric values as scalars at `step`, session end with status SUCCESS.
   */
  addHparams(
    hparams: Record<string, HParamValue>,
    metrics: Record<string, number>,
    opts: { step?: number; groupName?: string } = {},
  ): void {
    const t = this.now();
    const type = (v: HParamValue) =>
      typeof v === 'number' ? 3 : typeof v === 'boolean' ? 2 : typeof v === 'string' ? 1 : 0;
    const hp = (content: Uint8Array, tag: string): ValueSpec => ({
      tag,
      metadata: { pluginName: 'hparams', content },
    });
    const experiment = encodeHParamsPluginData({
      version: 0,
      experiment: {
        name: '',
        description: '',
        user: '',
        timeCreatedSecs: t,
        hparamInfos: Object.entries(hparams).map(([name, v]) => ({
          name,
          displayName: '',
          description: '',
          type: type(v),
        })),
        metricInfos: Object.keys(metrics).map((tag) => ({
          group: '',
          tag,
          displayName: '',
          description: '',
          datasetType: 0,
        })),
      },
    });
    const start = encodeHParamsPluginData({
      version: 0,
      sessionStartInfo: {
        hparams,
        modelUri: '',
        monitorUrl: '',
        groupName: opts.groupName ?? '',
        startTimeSecs: t,
      },
    });
    this.summary([hp(experiment, '_hparams_/experiment')], 0, t);
    this.summary([hp(start, '_hparams_/session_start_info')], 0, t);
    for (const [tag, v] of Object.entries(metrics)) this.addScalar(tag, v, opts.step ?? 0, t);
    const end = encodeHParamsPluginData({
      version: 0,
      sessionEndInfo: { status: 1, endTimeSecs: this.now() },
    });
    this.summary([hp(end, '_hparams_/session_end_info')], 0, t);
  }

  /** Writes buffered records to the file. */
  flush(): void {
    if (this.fd === null || this.records.pending === 0) return;
    const b = this.records.take();
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
  }

  /** Flushes and closes the file; further writes throw. */
  close(): void {
    if (this.fd === null) return;
    this.flush();
    closeSync(this.fd);
    this.fd = null;
  }

  private summary(values: ValueSpec[], step: number, wallTime: number): void {
    this.event({ wallTime, step, summary: values });
  }

  private event(e: Parameters<typeof encodeEvent>[0]): void {
    if (this.fd === null) throw new Error(`SummaryWriter: ${this.file} is closed`);
    this.records.record(encodeEvent(e));
    this.maybeFlush();
  }

  private maybeFlush(): void {
    if (this.records.pending >= this.flushBytes) this.flush();
  }
}
