/** Export: JSON/CSV of real logs vs truth, non-finite values, quoting, streaming in pieces. */
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { crc32cJs } from './crc32c.js';
import { encodeEvent } from './event-encoder.js';
import type { ExportJson } from './export.js';
import { exportLogdir, exportLogdirChunks } from './export.js';
import { TfRecordWriter } from './record-writer.js';
import { EventStore } from './store.js';

type Truth = Record<
  string,
  {
    tags: Record<
      string,
      {
        count: number;
        first_step: number;
        last_step: number;
        first_wall_time: number;
        scalar: { min: number; max: number; first: number; last: number };
      }
    >;
  }
>;

describeCorpus('exportLogdir on real logs', () => {
  const rel = 'tensorboard_file/events.out.tfevents.1534044973.inspiron';
  const truth = readCorpusJson<Truth>('tfevents/caozhang1996__mnist_code.truth.json')[rel]!;
  const store = new EventStore();
  store.addFile('tensorboard_file', rel, readCorpus(`tfevents/caozhang1996__mnist_code/${rel}`));

  it('JSON: per tag kind, count, steps, min, max and every point', () => {
    const doc = JSON.parse(exportLogdir(store, { format: 'json' })) as ExportJson;
    expect(doc.runs.map((r) => r.run)).toEqual(['tensorboard_file']);
    const tags = doc.runs[0]!.tags;
    expect(tags.map((t) => t.tag)).toEqual(Object.keys(truth.tags).sort());
    for (const t of tags) {
      const tt = truth.tags[t.tag]!;
      expect({
        kind: t.kind,
        count: t.count,
        firstStep: t.firstStep,
        lastStep: t.lastStep,
        min: t.min,
        max: t.max,
      }).toEqual({
        kind: 'scalar',
        count: tt.count,
        firstStep: tt.first_step,
        lastStep: tt.last_step,
        min: tt.scalar.min,
        max: tt.scalar.max,
      });
      expect(t.points).toHaveLength(tt.count);
      expect(t.points![0]).toEqual([tt.first_step, tt.first_wall_time, tt.scalar.first]);
      expect(t.points!.at(-1)![2]).toBe(tt.scalar.last);
    }
  });

  it('CSV: one row per scalar point', () => {
    const lines = exportLogdir(store, { format: 'csv' }).trimEnd().split('\n');
    expect(lines[0]).toBe('run,tag,step,wall_time,value');
    expect(lines.length - 1).toBe(Object.values(truth.tags).reduce((a, t) => a + t.count, 0));
    const row = lines.find((l) => l.startsWith('tensorboard_file,loss/loss,'))!.split(',');
    expect(Number(row[2])).toBe(truth.tags['loss/loss']!.first_step);
    expect(Number(row[4])).toBe(truth.tags['loss/loss']!.scalar.first);
  });
});

describe('exportLogdir edge cases', () => {
  const w = new TfRecordWriter(crc32cJs);
  w.record(encodeEvent({ wallTime: 1, fileVersion: 'brain.Event:2' }));
  w.scalar('a,"b"', NaN, 1, 2);
  w.scalar('a,"b"', 3, 2, 3);
  w.record(
    encodeEvent({
      wallTime: 4,
      step: 5,
      summary: [
        { tag: 'h', histo: { min: 0, max: 1, num: 2, sum: 1, sumSquares: 1, bucketLimit: [1], bucket: [2] } },
      ],
    }),
  );
  const store = new EventStore();
  store.addFile('run "x"', 'f', w.take());

  it('keeps non-finite values as strings in JSON and counts non-scalar tags without points', () => {
    const doc = JSON.parse(exportLogdir(store, { format: 'json' })) as ExportJson;
    const [scalar, histo] = doc.runs[0]!.tags;
    expect(scalar).toMatchObject({
      tag: 'a,"b"',
      count: 2,
      min: 3,
      max: 3,
      points: [
        [1, 2, 'NaN'],
        [2, 3, 3],
      ],
    });
    expect(histo).toEqual({
      tag: 'h',
      kind: 'histogram',
      count: 1,
      firstStep: 5,
      lastStep: 5,
      min: null,
      max: null,
    });
  });

  it('quotes CSV fields', () => {
    expect(exportLogdir(store, { format: 'csv' }).split('\n')[1]).toBe('"run ""x""","a,""b""",1,2,NaN');
  });
});

describe('exportLogdirChunks', () => {
  it('streams valid JSON and CSV in pieces, including empty runs and long series', () => {
    const store = new EventStore();
    const w = new TfRecordWriter(crc32cJs);
    for (let i = 0; i < 20_000; i++) w.scalar('loss', i / 8, i, 100 + i);
    store.addFile('b', 'f1', w.take());
    store.addFile('a', 'f2', new Uint8Array(0));
    const json = [...exportLogdirChunks(store, { format: 'json' })];
    expect(json.length).toBeGreaterThan(3);
    const doc = JSON.parse(json.join('')) as ExportJson;
    expect(doc.runs.map((r) => [r.run, r.tags.length])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(doc.runs[1]!.tags[0]!.points!.length).toBe(20_000);
    expect(doc.runs[1]!.tags[0]!.points![19_999]).toEqual([19_999, 100 + 19_999, 19_999 / 8]);
    const csv = [...exportLogdirChunks(store, { format: 'csv' })].join('');
    expect(csv.split('\n').length).toBe(1 + 20_000 + 1);
    expect(exportLogdir(store, { format: 'csv' })).toBe(csv);
  });
});
