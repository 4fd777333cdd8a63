/** Store behaviour on synthetic events: value encodings, first-metadata rule, sampling, purges, subscriptions. */
import { describe, expect, it } from 'vitest';
import { crc32cJs } from './crc32c.js';
import type { EventSpec } from './event-encoder.js';
import { encodeEvent } from './event-encoder.js';
import { ProtoWriter } from './proto-writer.js';
import { TfRecordWriter } from './record-writer.js';
import type { StoreOptions } from './store.js';
import { EventStore } from './store.js';

const file = (events: (EventSpec | Uint8Array)[]) => {
  const w = new TfRecordWriter(crc32cJs);
  for (const e of events) w.record(e instanceof Uint8Array ? e : encodeEvent(e));
  return w.take();
};
const load = (events: (EventSpec | Uint8Array)[], opts: StoreOptions = {}) => {
  const store = new EventStore(opts);
  store.addFile('run', 'events.out.tfevents.test', file(events));
  return store;
};
const V2 = { wallTime: 1, fileVersion: 'brain.Event:2' };
const scalar = (tag: string, step: number, v: number): EventSpec => ({
  wallTime: 10 + step,
  step,
  summary: [{ tag, simpleValue: v }],
});

/** An Event whose only value carries a hand-built TensorProto (typed *_val fields). */
function tensorEvent(
  tag: string,
  step: number,
  tensor: (w: ProtoWriter) => void,
  plugin?: string,
): Uint8Array {
  return new ProtoWriter()
    .double(1, 5)
    .varint(2, step)
    .message(5, (s) =>
      s.message(1, (v) => {
        v.string(1, tag);
        if (plugin) v.message(9, (m) => m.message(1, (pd) => pd.string(1, plugin)));
        v.message(8, tensor);
      }),
    )
    .finish()
    .slice();
}

describe('value encodings', () => {
  it('reads TF2 scalar tensors from tensor_content, float_val, double_val, int_val, int64_val and half_val', () => {
    const shape0 = (w: ProtoWriter) => w.message(2, () => {});
    const store = load([
      V2,
      tensorEvent(
        'content',
        1,
        (w) => w.varint(1, 1).bytes(4, new Uint8Array(new Float32Array([2.5]).buffer)),
        'scalars',
      ),
      tensorEvent('float_val', 1, (w) => (w.varint(1, 1), shape0(w), w.float(5, 0.25)), 'scalars'),
      tensorEvent(
        'float_val_packed',
        1,
        (w) => (w.varint(1, 1), w.bytes(5, new Uint8Array(new Float32Array([0.75]).buffer))),
        'scalars',
      ),
      tensorEvent('double_val', 1, (w) => (w.varint(1, 2), w.double(6, 0.1)), 'scalars'),
      tensorEvent('int_val', 1, (w) => (w.varint(1, 3), w.varint(7, -7)), 'scalars'),
      tensorEvent('int64_val', 1, (w) => (w.varint(1, 9), w.varint(10, 2 ** 40))),
      tensorEvent('half_val', 1, (w) => (w.varint(1, 19), w.varint(13, 0x3c00))), // 1.0 in fp16
    ]);
    const v = (tag: string) => store.scalars('run', tag)?.values[0];
    expect([
      v('content'),
      v('float_val'),
      v('float_val_packed'),
      v('double_val'),
      v('int_val'),
      v('int64_val'),
      v('half_val'),
    ]).toEqual([2.5, 0.25, 0.75, 0.1, -7, 2 ** 40, 1]);
    expect(store.problems()).toEqual([]);
  });

  it('lets the first metadata decide; a later value of another kind is skipped and reported', () => {
    const store = load([
      V2,
      {
        wallTime: 1,
        step: 0,
        summary: [
          { tag: 't', metadata: { pluginName: 'scalars' }, tensor: { dtype: 1, shape: [], values: [1] } },
        ],
      },
      {
        wallTime: 2,
        step: 1,
        summary: [
          { tag: 't', metadata: { pluginName: 'images' }, tensor: { dtype: 1, shape: [], values: [2] } },
        ],
      },
      {
        wallTime: 3,
        step: 2,
        summary: [
          {
            tag: 't',
            histo: { min: 0, max: 1, num: 1, sum: 1, sumSquares: 1, bucketLimit: [1], bucket: [1] },
          },
        ],
      },
    ]);
    const t = store.tags('run').scalars![0]!;
    expect([t.kind, t.plugin, t.count]).toEqual(['scalar', 'scalars', 2]);
    expect(store.problems()).toEqual([
      expect.objectContaining({ code: 'kind_mismatch', tag: 't', offset: expect.any(Number) }),
    ]);
  });

  it('reads text, TF2 audio [k,2] and generic tensors', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const wav = new Uint8Array(48);
    wav.set(enc('RIFF'), 0);
    new DataView(wav.buffer).setUint32(24, 16000, true);
    const store = load([
      V2,
      {
        wallTime: 1,
        step: 3,
        summary: [
          {
            tag: 'md',
            metadata: { pluginName: 'text' },
            tensor: { dtype: 7, shape: [2], strings: [enc('a'), enc('**b**')] },
          },
        ],
      },
      {
        wallTime: 1,
        step: 4,
        summary: [
          {
            tag: 'au',
            metadata: { pluginName: 'audio' },
            tensor: { dtype: 7, shape: [1, 2], strings: [wav, enc('label')] },
          },
        ],
      },
      {
        wallTime: 1,
        step: 5,
        summary: [
          {
            tag: 'pr',
            metadata: { pluginName: 'pr_curves' },
            tensor: { dtype: 1, shape: [6, 2], values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
          },
        ],
      },
    ]);
    expect(store.text('run', 'md')!.samples[0]).toEqual({
      step: 3,
      wallTime: 1,
      value: { strings: ['a', '**b**'], shape: [2] },
    });
    expect(store.audio('run', 'au')!.samples[0]!.value).toMatchObject({
      labels: ['label'],
      sampleRate: 16000,
      contentType: 'audio/wav',
    });
    expect(store.blob('run', 'au', 4, 0)).toEqual({ data: wav, contentType: 'audio/wav' });
    expect(store.tensors('run', 'pr')!.samples[0]!.value).toMatchObject({ dtype: 'DT_FLOAT', shape: [6, 2] });
    expect(Object.keys(store.tags('run')).sort()).toEqual(['audio', 'pr_curves', 'text']);
  });

  it('keeps graphs and run metadata as byte ranges of the file', () => {
    const graph = new Uint8Array([1, 2, 3, 4, 5]);
    const meta = new Uint8Array([9, 8, 7]);
    const bytes = file([
      V2,
      { wallTime: 2, graphDef: graph },
      { wallTime: 3, step: 1, taggedRunMetadata: { tag: 'step1', runMetadata: meta } },
    ]);
    const store = new EventStore();
    store.addFile('run', 'f', bytes);
    const g = store.graphs('run');
    expect(bytes.subarray(g.graphs[0]!.ref.start, g.graphs[0]!.ref.end)).toEqual(graph);
    expect(g.runMetadata[0]).toMatchObject({ tag: 'step1', step: 1 });
    expect(bytes.subarray(g.runMetadata[0]!.ref.start, g.runMetadata[0]!.ref.end)).toEqual(meta);
  });
});

describe('sampling and memory', () => {
  it('keeps every scalar, 10 images (always the latest) with exact counts', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const events: EventSpec[] = [V2];
    for (let i = 0; i < 25; i++)
      events.push({
        wallTime: i,
        step: i,
        summary: [{ tag: 'img', image: { width: 1, height: 1, colorspace: 3, encoded: png } }],
      });
    for (let i = 0; i < 5000; i++) events.push(scalar('loss', i, i));
    const store = load(events);
    const img = store.images('run', 'img')!;
    expect(img.count).toBe(25);
    expect(img.samples).toHaveLength(10);
    expect(img.samples.at(-1)!.step).toBe(24);
    expect(store.blob('run', 'img', 24, 0)).toEqual({ data: png, contentType: 'image/png' });
    expect(store.blob('run', 'img', 24, 1)).toBeNull();
    expect(store.scalars('run', 'loss')!.values.length).toBe(5000);
    const m = store.memory();
    expect(m.scalarPoints).toBe(5000);
    expect(m.indexedRecords).toBe(25);
  });

  it('honours configured sample sizes', () => {
    const events: EventSpec[] = [V2];
    for (let i = 0; i < 50; i++)
      events.push({
        wallTime: i,
        step: i,
        summary: [
          {
            tag: 'h',
            histo: { min: 0, max: 1, num: 1, sum: 0, sumSquares: 0, bucketLimit: [1], bucket: [1] },
          },
        ],
      });
    expect(load(events, { samples: { histogram: 5 } }).histograms('run', 'h')!.samples).toHaveLength(5);
    expect(load(events, { samples: { histogram: 0 } }).histograms('run', 'h')!.samples).toHaveLength(50);
  });
});

describe('restarts', () => {
  it('SessionLog START purges every tag at steps ≥ its step (file_version 2) and records it', () => {
    const store = load([
      V2,
      scalar('a', 1, 1),
      scalar('a', 2, 2),
      scalar('b', 3, 3),
      { wallTime: 20, step: 2, sessionLog: { status: 1 } },
      scalar('a', 2, 20),
    ]);
    expect([...store.scalars('run', 'a')!.steps]).toEqual([1, 2]);
    expect([...store.scalars('run', 'a')!.values]).toEqual([1, 20]);
    expect(store.scalars('run', 'b')!.values.length).toBe(0);
    expect(store.purges()).toEqual([
      {
        file: 'events.out.tfevents.test',
        offset: expect.any(Number),
        reason: 'session_start',
        step: 2,
        tags: ['*'],
        removed: 2,
      },
    ]);
  });

  it('without file_version, an out-of-order step purges only the tags of that event', () => {
    const store = load([
      { wallTime: 1 },
      scalar('a', 5, 1),
      scalar('b', 6, 1),
      scalar('a', 7, 1),
      scalar('a', 5, 2),
    ]);
    expect([...store.scalars('run', 'a')!.steps]).toEqual([5]);
    expect([...store.scalars('run', 'a')!.values]).toEqual([2]);
    expect(store.scalars('run', 'b')!.values.length).toBe(1);
    expect(store.purges().map((p) => [p.reason, p.tags, p.removed])).toEqual([['out_of_order', ['a'], 2]]);
  });

  it("'none' keeps everything", () => {
    const store = load([{ wallTime: 1 }, scalar('a', 5, 1), scalar('a', 1, 2)], { purge: 'none' });
    expect(store.scalars('run', 'a')!.values.length).toBe(2);
  });
});

describe('subscriptions', () => {
  it('reports new runs, tags and data once per commit', () => {
    const store = new EventStore();
    const seen: unknown[] = [];
    const off = store.subscribe((c) => seen.push(c));
    const r = store.openFile('x', 'events.out.tfevents.1');
    r.push(file([V2, scalar('loss', 0, 1)]));
    store.commit();
    expect(seen).toEqual([
      { runs: ['x'], newRuns: ['x'], newTags: [{ run: 'x', tag: 'loss', kind: 'scalar' }] },
    ]);
    expect(store.commit()).toBeNull();
    r.push(file([scalar('loss', 1, 1)]));
    store.commit();
    expect(seen.at(-1)).toEqual({ runs: ['x'], newRuns: [], newTags: [] });
    off();
    r.push(file([scalar('loss', 2, 1)]));
    store.commit();
    expect(seen).toHaveLength(2);
  });
});
