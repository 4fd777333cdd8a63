/** Resumption: a file fed in random pieces yields exactly what the whole file yields, and what the truth says. */
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { EventsError } from './errors.js';
import { EventStore } from './store.js';

function pieces(len: number, seed: number, max: number): number[] {
  let a = seed >>> 0;
  const out: number[] = [];
  for (let left = len; left > 0;) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    const k = Math.min(left, 1 + (a % max));
    out.push(k);
    left -= k;
  }
  return out;
}

function snapshot(store: EventStore) {
  const tags = Object.values(store.tags()).flat();
  return {
    runs: store.runs().map((r) => r.files.map((f) => ({ ...f }))),
    tags: tags.map((t) => ({
      ...t,
      values: t.kind === 'scalar' ? [...store.scalars(t.run, t.tag)!.values] : null,
    })),
    problems: store.problems(),
    purges: store.purges(),
  };
}

const FILES = [
  'janosh__tensorboard-reducer/tests/runs/duplicate_steps/run_1/events.out.tfevents.1622966509.janoshs-mbp.lan.86059.0',
  'Alwaysproblem__tensorboard-review/logs/train_data/20200409-142246/events.out.tfevents.1586413366.YONGXIdeMacBook-Pro.local.60399.7686.v2',
  'Alwaysproblem__tensorboard-review/logs/custom/20200328-162351/events.out.tfevents.1585383831.YONGXIdeMacBook-Pro.local.66143.345.v2',
  'bessimaestro__tf-iris/logs/events.out.tfevents.1530598689.nextbit',
  'PaddleCV-SIG__PaddleRS/output/snunet/vdl_log/vdlrecords.1649682194.log',
  'synthetic__corrupted-variants/events.out.tfevents.1622543341.synthetic.0.bad_data_crc_rec10',
  'synthetic__corrupted-variants/events.out.tfevents.1622543341.synthetic.0.bad_length_crc_rec10',
];

describeCorpus('feeding a file in random pieces', () => {
  for (const rel of FILES) {
    it(rel.split('/').pop()!, () => {
      const data = readCorpus(`tfevents/${rel}`);
      const whole = new EventStore();
      whole.addFile('r', 'f', data);
      for (const [seed, max] of [
        [1, 7],
        [2, 300],
        [3, 20000],
      ] as const) {
        const store = new EventStore();
        const reader = store.openFile('r', 'f');
        let pos = 0;
        for (const k of pieces(data.length, seed, max)) {
          reader.push(data.subarray(pos, pos + k));
          pos += k;
        }
        store.commit();
        expect(snapshot(store)).toEqual(snapshot(whole));
      }
    });
  }

  it('a truncated record is waited for, then completed (truncated_mid_record + the missing bytes = original)', () => {
    const dir = 'tfevents/synthetic__corrupted-variants';
    const name = 'events.out.tfevents.1622543341.synthetic.0';
    const truth = readCorpusJson<Record<string, { records: number; truncated_tail_bytes: number }>>(
      `${dir}.truth.json`,
    );
    const cut = readCorpus(`${dir}/${name}.truncated_mid_record`);
    const full = readCorpus(`${dir}/${name}.original`);
    const store = new EventStore();
    const r = store.openFile('r', 'f');
    r.push(cut);
    expect(r.health.records).toBe(truth[`${name}.truncated_mid_record`]!.records);
    expect(r.health.truncatedTailBytes).toBe(truth[`${name}.truncated_mid_record`]!.truncated_tail_bytes);
    expect(r.health.offset).toBe(cut.length - r.health.truncatedTailBytes);
    expect(r.health.dead).toBe(false);
    r.push(full.subarray(cut.length));
    expect(r.health.records).toBe(truth[`${name}.original`]!.records);
    expect(r.health.truncatedTailBytes).toBe(0);
    expect(store.scalars('r', 'strict/foo')!.values.length).toBe(100);
    expect(store.problems()).toEqual([]);
  });

  it('a bad length CRC stops the file and says where', () => {
    const store = new EventStore();
    const r = store.addFile(
      'r',
      'f.bad',
      readCorpus(
        'tfevents/synthetic__corrupted-variants/events.out.tfevents.1622543341.synthetic.0.bad_length_crc_rec10',
      ),
    );
    expect(r.health).toMatchObject({ dead: true, stoppedAt: 470, lengthCrcFailures: 1, records: 10 });
    expect(store.problems()).toEqual([
      { code: 'length_crc', file: 'f.bad', offset: 470, message: expect.stringContaining('header CRC') },
    ]);
    r.push(new Uint8Array(100)); // more bytes change nothing
    expect(r.health.records).toBe(10);
  });

  it('a bad data CRC skips one record, counts it and names it', () => {
    const store = new EventStore();
    store.addFile(
      'r',
      'f',
      readCorpus(
        'tfevents/synthetic__corrupted-variants/events.out.tfevents.1622543341.synthetic.0.bad_data_crc_rec10',
      ),
    );
    const p = store.problems();
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: 'data_crc', file: 'f' });
    // Exactly the damaged record (step 45, record #10) is missing; a no-checksum reader would show 0.408….
    const s = store.scalars('r', 'strict/foo')!;
    const original = new EventStore();
    original.addFile(
      'r',
      'o',
      readCorpus(
        'tfevents/synthetic__corrupted-variants/events.out.tfevents.1622543341.synthetic.0.original',
      ),
    );
    const o = original.scalars('r', 'strict/foo')!;
    expect(s.values.length).toBe(99);
    expect([...o.steps].filter((x) => !s.steps.includes(x))).toEqual([45]);
    expect([...s.values].some((v) => Math.abs(v - 0.408) < 0.001)).toBe(false);
  });
});

describe('LogFileReader limits', () => {
  it('treats an absurd declared length as corruption instead of waiting for it', () => {
    const store = new EventStore({ maxRecordBytes: 1000 });
    const r = store.openFile('r', 'vdlrecords.1.log');
    const b = new Uint8Array(16);
    new DataView(b.buffer).setBigUint64(0, 7_800_000_000_000_000_000n, true); // VisualDL issue #1168
    r.push(b);
    expect(r.health.dead).toBe(true);
    expect(store.problems()[0]!.code).toBe('record_too_large');
  });

  it('refuses bytes offered at the wrong offset with a typed error naming file and offset', () => {
    const r = new EventStore().openFile('r', 'events.out.tfevents.x');
    expect(() => r.read(new Uint8Array(4), 7)).toThrow(EventsError);
    expect(() => r.read(new Uint8Array(4), 7)).toThrow(
      'events.out.tfevents.x: bytes offered out of order (reading resumes at 0) at byte 7',
    );
  });

  it('accepts 0-byte and header-only files as normal', () => {
    const store = new EventStore();
    const r = store.addFile('r', 'events.out.tfevents.0', new Uint8Array(0));
    expect(r.health).toMatchObject({ records: 0, dead: false, truncatedTailBytes: 0 });
    r.push(new Uint8Array(5));
    expect(r.health).toMatchObject({ records: 0, dead: false, truncatedTailBytes: 5 });
  });
});
