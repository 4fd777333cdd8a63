/** Fuzz: truncations and bit flips, in framing and (re-framed with valid CRCs) in payloads, never throw. */
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/corpus.js';
import { crc32cJs } from './crc32c.js';
import { scanTfRecords } from './framing.js';
import { TfRecordWriter } from './record-writer.js';
import { EventStore } from './store.js';

function rng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const FILES = [
  'tfevents/bessimaestro__tf-iris/logs/events.out.tfevents.1530598689.nextbit',
  'tfevents/Alwaysproblem__tensorboard-review/logs/custom/20200328-162351/events.out.tfevents.1585383831.YONGXIdeMacBook-Pro.local.66143.345.v2',
  'tfevents/Alwaysproblem__tensorboard-review/log/text_hp/hparam_tuning/run-0/events.out.tfevents.1585754872.ezio-virtual-machine.111180.151.v2',
  'tfevents/ma-nual__pytorch-deeplearning/logs/events.out.tfevents.1589974560.DESKTOP-UDNKO6E.6920.3',
  'tfevents/cht619__tensorboardX-mnist/runs/classifier_mnist_0915/events.out.tfevents.1600155893.yca-2662-2',
  'tfevents/Alwaysproblem__tensorboard-review/logs/train_data/20200409-142246/events.out.tfevents.1586413366.YONGXIdeMacBook-Pro.local.60399.7686.v2',
];

function ingest(bytes: Uint8Array, name = 'events.out.tfevents.fuzz') {
  const store = new EventStore({ maxRecordBytes: 1 << 24 });
  const r = store.addFile('r', name, bytes);
  // Every query must work on whatever survived.
  for (const infos of Object.values(store.tags()))
    for (const t of infos) {
      store.scalars(t.run, t.tag);
      store.histograms(t.run, t.tag);
      store.images(t.run, t.tag);
      store.text(t.run, t.tag);
    }
  store.hparams();
  return { store, health: r.health };
}

/** Payloads of a file's records, to re-frame after mutation. */
function payloads(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  scanTfRecords(data, crc32cJs, 1 << 30, (b, s, e) => out.push(b.slice(s, e)));
  return out;
}

describeCorpus('fuzzing real files', () => {
  for (const f of FILES) {
    it(`truncations of ${f.split('/').pop()}`, () => {
      const data = readCorpus(f);
      const full = ingest(data).health.records;
      const rand = rng(1);
      const cuts = [
        ...Array.from({ length: Math.min(data.length, 300) }, (_, i) => i),
        ...Array.from({ length: 100 }, () => rand(data.length)),
      ];
      for (const L of cuts) {
        const { health } = ingest(data.subarray(0, L));
        expect(health.dead).toBe(false); // a short file is unfinished, never corrupt
        expect(health.records).toBeLessThanOrEqual(full);
        expect(health.offset + health.truncatedTailBytes).toBe(L);
      }
    });

    it(`bit flips in the framing of ${f.split('/').pop()}`, () => {
      const data = readCorpus(f);
      const full = ingest(data).health.records;
      const rand = rng(2);
      for (let i = 0; i < 150; i++) {
        const m = data.slice();
        for (let k = 1 + rand(4); k > 0; k--) m[rand(m.length)]! ^= 1 << rand(8);
        const { store, health } = ingest(m);
        expect(health.records).toBeLessThanOrEqual(full);
        // Damage is either caught by a CRC (and reported) or hit nothing that is checked.
        const codes = new Set(store.problems().map((p) => p.code));
        for (const c of codes) expect(['data_crc', 'length_crc', 'record_too_large']).toContain(c);
      }
    });

    it(`corrupt payloads with valid CRCs in ${f.split('/').pop()}`, () => {
      const recs = payloads(readCorpus(f));
      const rand = rng(3);
      for (let i = 0; i < 150; i++) {
        const w = new TfRecordWriter(crc32cJs);
        for (const p of recs) {
          const m = p.slice();
          const mode = rand(3);
          if (mode === 0 && m.length)
            for (let k = 1 + rand(3); k > 0; k--) m[rand(m.length)]! ^= 1 << rand(8);
          w.record(mode === 1 ? m.subarray(0, rand(m.length + 1)) : m);
        }
        const { store, health } = ingest(w.take());
        expect(health.records).toBe(recs.length); // framing intact: every record is seen
        expect(health.crcFailures).toBe(0);
        for (const p of store.problems()) {
          expect(p.offset).toBeGreaterThanOrEqual(0);
          // Decoding faults are WireErrors with a position; a JS TypeError would be a bug in nnlens.
          if (p.code === 'parse') expect(p.message).toMatch(/at byte \d+$/);
        }
      }
    });
  }

  it('corrupt VisualDL records (no CRC at all)', () => {
    const data = readCorpus(
      'tfevents/PaddleCV-SIG__PaddleRS/output/snunet/vdl_log/vdlrecords.1649682194.log',
    ).subarray(0, 30000);
    const rand = rng(4);
    for (let i = 0; i < 100; i++) {
      const m = data.slice();
      for (let k = 1 + rand(6); k > 0; k--) m[rand(m.length)]! ^= 1 << rand(8);
      const { health } = ingest(m, 'vdlrecords.1.log');
      expect(health.offset + health.truncatedTailBytes).toBeLessThanOrEqual(m.length);
    }
  });
});

describe('fuzzing random bytes', () => {
  it('never throws and never allocates from a garbage length', () => {
    const rand = rng(5);
    for (let i = 0; i < 300; i++) {
      const b = new Uint8Array(1 + rand(400)).map(() => rand(256));
      ingest(b);
      ingest(b, 'vdlrecords.2.log');
    }
  });
});
