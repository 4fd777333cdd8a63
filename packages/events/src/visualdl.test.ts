/** VisualDL: every value kind of visualdl.Record, hand-encoded from record.proto's field numbers. */
import { describe, expect, it } from 'vitest';
import { ProtoWriter } from './proto-writer.js';
import { EventStore } from './store.js';

function record(step: number, tag: string, fill: (v: ProtoWriter) => void): Uint8Array {
  const rec = new ProtoWriter().message(1, (v) => {
    v.varint(1, step)
      .string(2, tag)
      .varint(3, 1_650_000_000_000 + step);
    fill(v);
  });
  const payload = rec.finish();
  const out = new Uint8Array(8 + payload.length);
  new DataView(out.buffer).setUint32(0, payload.length, true);
  out.set(payload, 8);
  return out;
}

describe('VisualDL records', () => {
  const png = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 3, 0, 0, 0, 2,
  ]);
  const parts = [
    record(0, 'meta_data_tag', (v) => v.message(10, (m) => m.string(1, 'run display name'))),
    record(1, 'loss', (v) => v.float(4, 0.5)),
    record(2, 'loss', (v) => v.float(4, 0.25)),
    record(1, 'img', (v) => v.message(5, (m) => m.bytes(4, png))),
    record(1, 'hist', (v) => v.message(8, (h) => h.packedDoubles(1, [1, 2]).packedDoubles(2, [0, 0.5, 1]))),
    record(1, 'txt', (v) => v.message(12, (t) => t.string(1, 'hello'))),
    record(1, 'multi', (v) => v.message(14, (t) => t.string(1, 'train').float(2, 3))),
    record(1, 'multi', (v) => v.message(14, (t) => t.string(1, 'val').float(2, 4))),
    record(1, 'pr', (v) => v.message(9, (p) => p.varint(1, 1))),
  ];
  const bytes = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  parts.reduce((o, p) => (bytes.set(p, o), o + p.length), 0);
  const store = new EventStore();
  store.addFile('vdl', 'vdlrecords.1650000000.log', bytes);

  it('reads scalars with millisecond timestamps', () => {
    const s = store.scalars('vdl', 'loss')!;
    expect([...s.values]).toEqual([0.5, 0.25]);
    expect([...s.wallTimes]).toEqual([1_650_000_000.001, 1_650_000_000.002]);
  });

  it('reads images (size from the PNG header), histograms, text and meta data', () => {
    expect(store.images('vdl', 'img')!.samples[0]!.value).toMatchObject({
      width: 3,
      height: 2,
      format: 'png',
      blobs: [png],
    });
    expect([...store.histograms('vdl', 'hist')!.samples[0]!.value.buckets]).toEqual([0, 0.5, 1, 0.5, 1, 2]);
    expect(store.text('vdl', 'txt')!.samples[0]!.value).toEqual({ strings: ['hello'], shape: [] });
    expect(store.tags('vdl').visualdl_meta_data![0]!.tag).toBe('meta_data_tag');
  });

  it('splits add_scalars values into one series per sub-tag and keeps other kinds as raw bytes', () => {
    expect(store.scalars('vdl', 'multi/train')!.values[0]).toBe(3);
    expect(store.scalars('vdl', 'multi/val')!.values[0]).toBe(4);
    expect(store.tags('vdl').visualdl_pr_curve![0]!.count).toBe(1);
    expect(store.problems()).toEqual([]);
    expect(store.runs()[0]!.files[0]!.records).toBe(parts.length);
  });
});
